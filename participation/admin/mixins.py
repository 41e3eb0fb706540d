"""What the admin's create and edit views share when a service does the writing."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages


class ServiceFormMixin:
    """For Wagtail's create and edit views whose ``save_instance`` calls a service: what the
    service refuses shows on the form; what it saved is announced with
    ``get_success_message`` on the listing."""

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.save_instance()
        except ValidationError as error:
            form.add_error(None, error)
            # As Wagtail's ``is_valid`` does for the form's own errors: the message above it.
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message(self.object))
        return redirect(reverse(self.index_url_name))
