"""The staff's view of the OParl import: the last runs with their counts and errors, the totals
imported, and "Run import now"."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from kombu.exceptions import OperationalError
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors, services, tasks
from ..models import ImportRun

URL_NAME = "council_imports"
VIEW_PERMISSION = "council.view_importrun"
RUN_PERMISSION = "council.add_importrun"


class ImportRunsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "council/admin/import_runs.html"
    page_title = _("OParl import")
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        config = services.council_settings()
        context.update(
            runs=selectors.import_runs_latest(),
            totals=selectors.imported_totals(),
            system_url=config.system_url,
            may_run=self.request.user.has_perm(RUN_PERMISSION),
            running=services.import_running(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(RUN_PERMISSION):
            raise PermissionDenied
        if not services.council_settings().system_url:
            messages.error(request, _("No OParl system URL is set: the import is off."))
        elif services.import_running():
            messages.warning(request, _("An import is already running."))
        else:
            try:
                tasks.import_oparl.delay(ImportRun.Trigger.STAFF)
            except OperationalError:
                messages.error(
                    request,
                    _("The task queue cannot be reached: the import did not start. Try later."),
                )
            else:
                messages.success(request, _("The import has been started."))
        return redirect(reverse(URL_NAME))
