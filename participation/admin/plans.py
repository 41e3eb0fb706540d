"""Staff start a participation procedure from a planned project of the Vorhabenliste."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from ..forms import FolderChoiceForm
from ..models import PlannedProjectPage
from ..services.plans import procedure_from_plan


def _may_start_procedure(plan, user) -> bool:
    return plan.procedure_id is None and plan.permissions_for_user(user).can_edit()


class ProcedureFromPlanView(WagtailAdminTemplateMixin, FormView):
    """Staff pick a district folder; a draft procedure is made there from the planned project."""

    form_class = FolderChoiceForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = gettext_lazy("Start a participation procedure")
    header_icon = "group"

    def dispatch(self, request, plan_id):
        self.plan = get_object_or_404(PlannedProjectPage, pk=plan_id)
        if not _may_start_procedure(self.plan, request.user):
            raise PermissionDenied
        return super().dispatch(request, plan_id)

    def get_page_subtitle(self):
        return self.plan.get_admin_display_title()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("participation_procedure_from_plan", args=[self.plan.pk]),
            submit_button_label=_("Create draft procedure"),
            submit_button_active_label=_("Creating …"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            procedure = procedure_from_plan(
                plan=self.plan, folder=form.cleaned_data["folder"], user=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Draft procedure “%(title)s” created: complete the phases and publish it.")
            % {"title": procedure.title},
        )
        return redirect("wagtailadmin_pages:edit", procedure.pk)


def start_procedure_buttons(page, user):
    """The "Start participation procedure" button on a planned project the user may edit."""
    if isinstance(page.specific_deferred, PlannedProjectPage):
        plan = page.specific_deferred
        if _may_start_procedure(plan, user):
            yield Button(
                _("Start participation procedure"),
                reverse("participation_procedure_from_plan", args=[page.pk]),
                icon_name="group",
                priority=80,
            )
