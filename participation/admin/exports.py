"""Staff download a procedure's contributions, with pseudonyms only, as CSV or JSON; staff
who may see formal statements also download those with names and addresses (internal)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Statement
from ..services import exports
from .permissions import EXPORT_PERMISSION, STATEMENT_VIEW_PERMISSION, procedures_in_scope

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
            procedures_in_scope(self.request.user)
            .order_by("title")
            .only("pk", "title", "live")
            .annotate(has_statements=Exists(Statement.objects.filter(procedure=OuterRef("pk"))))
        )
        context["page_obj"] = Paginator(procedures, self.per_page).get_page(
            self.request.GET.get("p")
        )
        context["may_export_statements"] = self.request.user.has_perm(STATEMENT_VIEW_PERMISSION)
        return context


class ExportView(ExportPermissionMixin, View):
    def get(self, request, pk: int, format: str):
        content_type, render = FORMATS[format]
        procedure = get_object_or_404(procedures_in_scope(request.user), pk=pk)
        filename = _filename(procedure, f"{timezone.localdate():%Y-%m-%d}")
        response = HttpResponse(render(procedure), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}.{format}"'
        return response


def _filename(procedure, *parts: str) -> str:
    return "-".join([slugify(procedure.title) or str(procedure.pk), *parts])


class StatementExportView(View):
    """A procedure's formal statements with names, addresses and their processing, as CSV: for
    staff who may see statements and export, in the procedures in their scope. Anyone else
    does not find it."""

    def get(self, request, pk: int):
        if not request.user.has_perms([STATEMENT_VIEW_PERMISSION, EXPORT_PERMISSION]):
            raise Http404
        procedure = get_object_or_404(procedures_in_scope(request.user), pk=pk)
        filename = _filename(
            procedure, slugify(gettext("statements")), f"{timezone.localdate():%Y-%m-%d}"
        )
        response = HttpResponse(
            exports.statements_export_csv(procedure), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response
