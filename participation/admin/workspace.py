"""A procedure's workspace: one admin page where the people responsible for a procedure handle
everything about it: its contributions with filters and the actions on each (answer, moderate,
inspect), analog entry, statements, registrations per event, statistics and exports.

Found only for a procedure in the user's scope (``permissions.procedures_in_scope``); every
section shows what the user's model permissions allow. It reads with a fixed number of
queries, however many contributions there are.
"""

from django import forms
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from .. import selectors
from ..models import Channel, Phase, ProcedurePage, Proposal, Statement
from ..models.procedures import ProcedureStatus
from ..selectors import HIDDEN, REPORTED, TEXT_KINDS, UNANSWERED
from .moderation import HIDEABLE
from .permissions import (
    EXPORT_PERMISSION,
    STATEMENT_VIEW_PERMISSION,
    may_moderate,
    procedure_in_scope,
    procedures_in_scope,
)

#: The viewset of each kind of contribution (``contributions.contribution_viewsets``).
VIEWSETS = {
    "proposal": "participation_proposals",
    "comment": "participation_comments",
    "support": "participation_supports",
    "pollvote": "participation_votes",
    "statement": "participation_statements",
}
VIEW_PERMISSION = "participation.view_{}"
ADD_PERMISSION = "participation.add_{}"
ANSWER_PERMISSION = "participation.change_proposal"
REGISTRATION_NAMES_PERMISSION = "participation.view_eventregistration"


def workspace_url(procedure) -> str:
    return reverse("participation_admin:workspace", args=[procedure.pk])


def with_query(url: str, **params) -> str:
    return f"{url}?{urlencode(params)}"


class WorkspaceFilterForm(forms.Form):
    """The contributions' filters, sent by GET; a value that is not offered is an error on its
    field and filters nothing."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Official status"), required=False)
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("all")), *Channel.choices]
    )
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    moderation = forms.ChoiceField(
        label=_("Moderation"),
        required=False,
        choices=[("", _("all")), (REPORTED, _("reported")), (HIDDEN, _("hidden"))],
    )

    def __init__(self, data, *, kinds, phases):
        super().__init__(data)
        self.phases = {str(phase.pk): phase for phase in phases}
        self.fields["kind"].choices = [
            ("", _("all")),
            *((name, capfirst(TEXT_KINDS[name]._meta.verbose_name_plural)) for name in kinds),
        ]
        self.fields["status"].choices = [
            ("", _("all")),
            (UNANSWERED, _("not answered yet")),
            *Proposal.Status.choices,
        ]
        self.fields["phase"].choices = [
            ("", _("all")),
            *((pk, phase.title) for pk, phase in self.phases.items()),
        ]

    def filters(self) -> dict:
        """The valid filters as keywords of ``selectors.contribution_entries``."""
        self.is_valid()
        values = {
            name: self.cleaned_data[name]
            for name in ("kind", "status", "channel", "moderation")
            if self.cleaned_data.get(name)
        }
        if self.cleaned_data.get("phase"):
            values["phase"] = self.phases[self.cleaned_data["phase"]]
        return values


class ContributionPaginator(WagtailPaginator):
    verbose_name = _("contribution")
    verbose_name_plural = _("contributions")


class WorkspaceView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "participation/admin/workspace.html"
    page_title = _("Workspace")
    header_icon = "clipboard-list"
    per_page = 20

    @cached_property
    def procedure(self) -> ProcedurePage:
        """The procedure, if it is in the user's scope; else 404, as for one that does not
        exist."""
        procedures = procedures_in_scope(self.request.user).prefetch_related(
            Prefetch("phases", queryset=Phase.objects.order_by("start", "sort_order"))
        )
        return get_object_or_404(procedures, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.procedure.title

    def get_header_title(self):
        return f"{self.get_page_title()}: {self.procedure.title}"

    def get_breadcrumbs_items(self):
        folder = self.procedure.get_parent()
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_explore", args=[folder.pk]), "label": folder.title},
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.procedure.pk]),
                "label": self.procedure.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def has_perm(self, permission: str) -> bool:
        return self.request.user.has_perm(permission)

    @cached_property
    def kinds(self) -> list[str]:
        """The kinds of contribution the user may see, in the order of ``TEXT_KINDS``."""
        return [name for name in TEXT_KINDS if self.has_perm(VIEW_PERMISSION.format(name))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        procedure = self.procedure
        statistics = selectors.procedure_statistics(
            procedure=procedure, no_phase_label=_("outside every phase")
        )
        context.update(
            procedure=procedure,
            procedure_status=ProcedureStatus(procedure.status()).label,
            edit_url=reverse("wagtailadmin_pages:edit", args=[procedure.pk]),
            live_url=procedure.get_url(request=self.request) if procedure.live else None,
            statistics=statistics,
            tallies=self.tallies(statistics),
            analog_entry=self.analog_entry(),
            statements=self.statements(),
            events=selectors.procedure_registrations(
                procedure=procedure,
                with_names=self.has_perm(REGISTRATION_NAMES_PERMISSION),
            ),
            registration_names=self.has_perm(REGISTRATION_NAMES_PERMISSION),
            exports=self.exports(),
            **self.contributions(),
        )
        return context

    # Contributions ---------------------------------------------------------------------------

    def contributions(self) -> dict:
        form = WorkspaceFilterForm(
            self.request.GET, kinds=self.kinds, phases=self.procedure.phases_in_order()
        )
        entries = selectors.contribution_entries(
            procedure=self.procedure, kinds=self.kinds, **form.filters()
        )
        paginator = ContributionPaginator(entries, self.per_page)
        page = paginator.get_page(self.request.GET.get("p"))
        rows = selectors.contribution_rows(list(page.object_list))
        moderates = may_moderate(self.request.user, self.procedure)
        return {
            "filter_form": form,
            "is_filtering": any(self.request.GET.get(name) for name in form.fields),
            "page_obj": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "rows": [
                {
                    "contribution": row,
                    "kind": capfirst(row._meta.verbose_name),
                    "actions": self.row_actions(row, moderates),
                }
                for row in rows
            ],
            "kinds": self.kinds,
        }

    @cached_property
    def back_here(self) -> str:
        """This page with its filters, to come back to after an action."""
        return f"{self.request.get_full_path()}#contributions"

    def row_actions(self, contribution, moderates: bool) -> list[dict]:
        """The actions on ``contribution`` that the user may take, as label and URL."""
        kind, pk = contribution.kind, contribution.pk
        actions = []
        if kind == "proposal" and self.has_perm(ANSWER_PERMISSION):
            url = reverse("participation_proposals:edit", args=[pk])
            actions.append({"label": _("Answer"), "url": with_query(url, next=self.back_here)})
        if kind in HIDEABLE and moderates:
            url = reverse("participation_moderation:moderate", args=[kind, pk])
            actions.append({"label": _("Moderate"), "url": url})
        url = reverse(f"{VIEWSETS[kind]}:inspect", args=[pk])
        actions.append({"label": _("Inspect"), "url": url})
        return actions

    def tallies(self, statistics) -> list[dict]:
        """Supports and votes, counted, with a link to their listing of this procedure."""
        tallies = []
        for kind in ("support", "pollvote"):
            if not self.has_perm(VIEW_PERMISSION.format(kind)):
                continue
            model = selectors.ALL_KINDS[kind][0]
            tallies.append(
                {
                    "label": capfirst(model._meta.verbose_name_plural),
                    "count": statistics.total.counts[kind],
                    "url": with_query(
                        reverse(f"{VIEWSETS[kind]}:index"), procedure=self.procedure.pk
                    ),
                }
            )
        return tallies

    # The other sections ----------------------------------------------------------------------

    def analog_entry(self) -> list[dict]:
        """A link to the form of each kind the user may enter, with this procedure chosen."""
        links = []
        for kind, (model, _procedure_field, _person) in selectors.ALL_KINDS.items():
            if kind == "statement" and not self.procedure.is_formal:
                continue
            if self.has_perm(ADD_PERMISSION.format(kind)):
                url = reverse(f"{VIEWSETS[kind]}:add")
                links.append(
                    {
                        "label": capfirst(model._meta.verbose_name),
                        "url": with_query(
                            url, procedure=self.procedure.pk, next=workspace_url(self.procedure)
                        ),
                    }
                )
        return links

    def statements(self) -> dict | None:
        """How many formal statements came in, with a link to their listing: for staff who
        may see statements, in a formal procedure (or one that received some anyway)."""
        if not self.has_perm(STATEMENT_VIEW_PERMISSION):
            return None
        count = Statement.objects.filter(procedure=self.procedure).count()
        if not count and not self.procedure.is_formal:
            return None
        return {
            "count": count,
            "url": with_query(
                reverse("participation_statements:index"), procedure=self.procedure.pk
            ),
        }

    def exports(self) -> list[dict]:
        if not self.has_perm(EXPORT_PERMISSION):
            return []
        return [
            {
                "label": label,
                "url": reverse(f"participation_admin:export_{format}", args=[self.procedure.pk]),
            }
            for format, label in (("csv", "CSV"), ("json", "JSON"))
        ]


def workspace_buttons(page, user):
    """The "Workspace" button on a procedure's page in the editor and the page listing, for
    staff whose scope it is in."""
    if isinstance(page.specific_deferred, ProcedurePage) and procedure_in_scope(user, page):
        yield Button(
            _("Workspace"),
            workspace_url(page),
            icon_name="clipboard-list",
            priority=70,
        )
