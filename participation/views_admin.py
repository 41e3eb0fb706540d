"""Admin-only views: staff download a procedure's contributions (pseudonyms only) and the PDF
attachments of formal statements (private files)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mitwirken.files import private_file_response

from .models import ProcedurePage, StatementAttachment
from .services import exports

EXPORT_PERMISSION = "participation.export_contributions"
#: Formal statements carry names and addresses: staff see them, and open their attachments,
#: with this permission only.
STATEMENT_VIEW_PERMISSION = "participation.view_statement"
FORMATS = {
    "csv": ("text/csv; charset=utf-8", exports.contributions_export_csv),
    "json": ("application/json; charset=utf-8", exports.contributions_export_json),
}


class ExportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ExportIndexView(ExportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every procedure with links to its CSV and JSON export."""

    template_name = "participation/admin/exports.html"
    page_title = _("Exports")
    header_icon = "download"
    per_page = 50

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        procedures = ProcedurePage.objects.order_by("title").only("pk", "title", "live")
        context["page_obj"] = Paginator(procedures, self.per_page).get_page(
            self.request.GET.get("p")
        )
        return context


class ExportView(ExportPermissionMixin, View):
    def get(self, request, pk: int, format: str):
        content_type, render = FORMATS[format]
        procedure = get_object_or_404(ProcedurePage, pk=pk)
        filename = f"{slugify(procedure.title) or procedure.pk}-{timezone.localdate():%Y-%m-%d}"
        response = HttpResponse(render(procedure), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}.{format}"'
        return response


class StatementAttachmentView(View):
    """A statement's PDF, for staff with the permission to view statements; it has no other
    address. Asked before the file is looked up, so nobody learns which numbers exist."""

    def get(self, request, pk: int):
        if not request.user.has_perm(STATEMENT_VIEW_PERMISSION):
            raise PermissionDenied
        attachment = get_object_or_404(StatementAttachment, pk=pk)
        return private_file_response(
            attachment.file, name=attachment.name, content_type="application/pdf"
        )


class StatementInspectView(InspectView):
    """A formal statement with its attachments: name and size, a link to each file for staff
    with the permission to view statements."""

    def get_field_label(self, field_name, field):
        if field_name == "attachments":
            return capfirst(StatementAttachment._meta.verbose_name_plural)
        return super().get_field_label(field_name, field)

    def get_attachments_display_value(self):
        attachments = list(self.object.attachments.order_by("pk"))
        if not attachments:
            return "–"
        may_open = self.request.user.has_perm(STATEMENT_VIEW_PERMISSION)
        items = (
            (
                format_html(
                    '<a href="{}" download>{}</a>',
                    reverse("participation_admin:statement_attachment", args=[attachment.pk]),
                    attachment.name,
                )
                if may_open
                else attachment.name,
                filesizeformat(attachment.size),
            )
            for attachment in attachments
        )
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} ({})</li>", items))
