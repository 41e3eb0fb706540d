"""What the admin's create and edit views share when a service does the writing."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages

from mitwirken.web.links import safe_next


class ServiceFormMixin:
    """For Wagtail's create and edit views whose ``save_instance`` calls a service: what the
    service refuses shows on the form; what it saved is announced with
    ``get_success_message`` on the listing, or on the page the person came from (``next``,
    such as a procedure's workspace) when that is an address of this site."""

    @cached_property
    def next_url(self) -> str | None:
        return safe_next(self.request, self.request.GET.get("next")) or None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The form is sent to this address with its query (``next``, a chosen procedure).
        context["action_url"] = self.request.get_full_path()
        context["next_url"] = self.next_url
        return context

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
        return redirect(self.next_url or reverse(self.index_url_name))
