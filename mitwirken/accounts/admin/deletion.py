"""The Ombudsstelle deletes a person's account on their request: found by an e-mail address,
shown with what happens, deleted with a reason that the admin's log keeps. In the "Data
protection" menu, for holders of ``accounts.handle_data_requests``.

The address travels in POST requests only, so that it appears in no access log."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..rules import can_delete_account
from ..selectors import account_deletions
from ..services import account_delete
from .data_requests import PersonSearchForm as FindForm
from .data_requests import may_handle_data_requests, person_by_address

URL_NAME = "accounts_delete_account"


class DeleteForm(FindForm):
    email = forms.EmailField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Kept in the admin's log, for example “Request by letter of 3 December”. "
            "Write no name and no e-mail address here."
        ),
    )


class AccountDeleteView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/account_delete.html"
    page_title = gettext_lazy("Delete an account")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not may_handle_data_requests(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            find_form=kwargs.pop("find_form", None) or FindForm(),
            deletions=account_deletions(),
            **kwargs,
        )

    def _person(self, form, **context):
        """The page with the person of ``form``'s address, and the form to delete them."""
        person = person_by_address(form.cleaned_data["email"])
        if person is None:
            form.add_error("email", _("No account has this e-mail address."))
            return self.render_to_response(self.get_context_data(find_form=form))
        context.setdefault("delete_form", DeleteForm(initial={"email": form.cleaned_data["email"]}))
        return self.render_to_response(
            self.get_context_data(
                find_form=FindForm(initial={"email": form.cleaned_data["email"]}),
                person=person,
                refusal=can_delete_account(person),
                **context,
            )
        )

    def post(self, request, *args, **kwargs):
        if "reason" not in request.POST:
            form = FindForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(find_form=form))
            return self._person(form)
        form = DeleteForm(request.POST)
        if not form.is_valid():
            if "email" in form.errors:
                return redirect(URL_NAME)
            return self._person(form, delete_form=form)
        person = person_by_address(form.cleaned_data["email"])
        if person is None:  # deleted meanwhile, in another tab
            return redirect(URL_NAME)
        try:
            account_delete(user=person, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error)
            return self._person(form, delete_form=form)
        messages.success(request, _("The account has been deleted."))
        return redirect(URL_NAME)
