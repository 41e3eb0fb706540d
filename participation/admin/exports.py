"""Staff download a procedure's contributions, with pseudonyms only, as CSV or JSON."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..services import exports
from .permissions import EXPORT_PERMISSION, procedures_in_scope

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
        procedures = (
            procedures_in_scope(self.request.user).order_by("title").only("pk", "title", "live")
        )
        context["page_obj"] = Paginator(procedures, self.per_page).get_page(
            self.request.GET.get("p")
        )
        return context


class ExportView(ExportPermissionMixin, View):
    def get(self, request, pk: int, format: str):
        content_type, render = FORMATS[format]
        procedure = get_object_or_404(procedures_in_scope(request.user), pk=pk)
        filename = f"{slugify(procedure.title) or procedure.pk}-{timezone.localdate():%Y-%m-%d}"
        response = HttpResponse(render(procedure), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}.{format}"'
        return response
