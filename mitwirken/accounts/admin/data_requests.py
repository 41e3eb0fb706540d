"""The Ombudsstelle answers a person's data protection requests in the admin ("Data protection
→ Downloads of one's data"): find the person by an e-mail address, prepare the download of their
data on their request (the link goes to the person by mail), see the recent downloads and fetch
a finished one. Only with ``accounts.handle_data_requests``."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import services
from ..models import DataExport
from ..views import export_file_response

PERMISSION = "accounts.handle_data_requests"
URL_NAME = "accounts_data_exports"
DOWNLOAD_URL_NAME = "accounts_data_export_download"
#: How many of the latest downloads the page lists.
RECENT = 50


def may_handle_data_requests(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class DataRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_handle_data_requests(request.user)


class PersonSearchForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("Any address of their account, as they gave it in their request."),
    )


def person_by_address(email: str):
    """The account that has ``email`` as its login or one of its addresses, or ``None``."""
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        .distinct()
        .first()
    )


def export_state(export: DataExport, now) -> str:
    if export.finished_at is None:
        return _("being prepared")
    if export.expires_at <= now:
        return _("expired")
    return _("ready")


class DataRequestsMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_handle_data_requests(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DataExportsView(DataRequestsMixin, WagtailAdminTemplateMixin, TemplateView):
    """Find a person, prepare their download, list the recent ones."""

    template_name = "accounts/admin/data_exports.html"
    page_title = _("Downloads of one's data")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PersonSearchForm(self.request.GET or None)
        person = None
        if form.is_valid():
            person = person_by_address(form.cleaned_data["email"])
            if person is None:
                form.add_error("email", _("No account has this e-mail address."))
        now = timezone.now()
        exports = DataExport.objects.select_related("user", "requested_by")[:RECENT]
        context.update(
            form=form,
            person=person,
            days=settings.PRIVACY_EXPORT_DAYS,
            exports=[
                {
                    "export": export,
                    "state": export_state(export, now),
                    "download_url": reverse(DOWNLOAD_URL_NAME, args=[export.pk])
                    if export.is_ready and export.expires_at > now
                    else "",
                }
                for export in exports
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        person = get_object_or_404(get_user_model(), pk=request.POST.get("person"))
        try:
            services.data_export_request(user=person, requested_by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _(
                    "The download of the data of %(email)s is being prepared. The person gets "
                    "an e-mail with the link when it is ready."
                )
                % {"email": person.email},
            )
        return redirect(URL_NAME)


class DataExportDownloadView(DataRequestsMixin, View):
    """A finished download, for staff who handle data requests, while it is kept."""

    def get(self, request, pk: int):
        export = get_object_or_404(DataExport, pk=pk)
        if not export.is_ready or export.expires_at <= timezone.now():
            raise Http404
        return export_file_response(export)
