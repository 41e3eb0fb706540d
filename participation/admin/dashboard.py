"""Participation's panels on the staff dashboard: what needs attention in the procedures the
person may act on (``permissions``: the model permission says what, the page permission where).

Each item costs two queries (its count, its oldest few), however many rows there are.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item, Urgency
from mitwirken.web.deadlines import deadline_text

from .. import selectors
from .moderation import reports_moderated
from .permissions import STATEMENT_VIEW_PERMISSION, in_scope

#: The procedures in the page search, where staff find any of them.
PROCEDURES_SEARCH = "participation.procedurepage"


def attention_panels(user, *, now=None) -> list[AttentionPanel]:
    now = now or timezone.now()
    return [
        reports_panel(user),
        results_panel(user, now=now),
        responses_panel(user, now=now),
        phases_panel(user, now=now),
    ]


def _date(moment) -> str:
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def _procedures_url() -> str:
    return f"{reverse('wagtailadmin_pages:search')}?content_type={PROCEDURES_SEARCH}"


def _edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


# Reports ------------------------------------------------------------------------------------


def _report_entry(report) -> Entry:
    model = report.content_type.model_class()
    return Entry(
        label=f"„{Truncator(report.reason).chars(80)}“",
        url=reverse(
            "participation_moderation:moderate", args=[report.content_type.model, report.object_id]
        ),
        since=report.created_at,
        detail=capfirst(model._meta.verbose_name) if model else "",
    )


def reports_panel(user) -> AttentionPanel:
    """Open reports about contributions ``user`` moderates (``moderated``)."""
    reports = reports_moderated(selectors.reports_open().select_related("content_type"), user)
    return AttentionPanel(
        name="reports",
        heading=_("Reported contributions"),
        order=Urgency.HARM,
        items=[
            Item.from_queryset(
                reports,
                _report_entry,
                text=ngettext_lazy("%(count)s open report", "%(count)s open reports", "count"),
                url=reverse("participation_moderation:index"),
                link_text=gettext_lazy("Open the moderation"),
            )
        ],
    )


# Responses ----------------------------------------------------------------------------------


def _proposal_entry(proposal) -> Entry:
    return Entry(
        label=proposal.title,
        url=reverse("participation_proposals:edit", args=[proposal.pk]),
        since=proposal.created_at,
        detail=proposal.procedure.title,
    )


def _comment_entry(comment) -> Entry:
    return Entry(
        label=Truncator(comment.text).chars(80),
        url=reverse("participation_moderation:moderate", args=["comment", comment.pk]),
        since=comment.created_at,
        detail=comment.procedure.title,
    )


def _statement_entry(statement) -> Entry:
    return Entry(
        label=statement.reference,
        url=reverse("participation_statements:inspect", args=[statement.pk]),
        since=statement.created_at,
        detail=statement.procedure.title,
    )


def responses_panel(user, *, now) -> AttentionPanel:
    """Proposals without an official response and comments no staff member replied to (for
    those who may change them), new formal statements (for those who may see them), in the
    procedures ``user`` may edit."""
    items = []
    if user.has_perm("participation.change_proposal"):
        items.append(
            Item.from_queryset(
                in_scope(selectors.proposals_unanswered(), user),
                _proposal_entry,
                text=ngettext_lazy(
                    "%(count)s proposal without an official response",
                    "%(count)s proposals without an official response",
                    "count",
                ),
                url=reverse("participation_proposals:index"),
                link_text=gettext_lazy("All proposals"),
            )
        )
    if user.has_perm("participation.change_comment"):
        items.append(
            Item.from_queryset(
                in_scope(selectors.comments_unanswered(), user),
                _comment_entry,
                text=ngettext_lazy(
                    "%(count)s comment on a procedure without a reply from staff",
                    "%(count)s comments on procedures without a reply from staff",
                    "count",
                ),
                url=reverse("participation_comments:index"),
                link_text=gettext_lazy("All comments"),
            )
        )
    if user.has_perm(STATEMENT_VIEW_PERMISSION):
        items.append(
            Item.from_queryset(
                in_scope(selectors.statements_new(), user),
                _statement_entry,
                text=ngettext_lazy(
                    "%(count)s formal statement not yet taken up",
                    "%(count)s formal statements not yet taken up",
                    "count",
                ),
                url=f"{reverse('participation_statements:index')}?status=received",
                link_text=gettext_lazy("All formal statements"),
            )
        )
    return AttentionPanel(
        name="responses",
        heading=_("Waiting for a response"),
        order=Urgency.ANSWER,
        icon="comment",
        items=items,
    )


# Procedures ---------------------------------------------------------------------------------


def _overdue_entry(procedure) -> Entry:
    return Entry(
        label=procedure.title,
        url=_edit_url(procedure.pk),
        detail=_("ended on %(date)s") % {"date": _date(procedure.last_end)},
    )


def results_panel(user, *, now) -> AttentionPanel:
    """Procedures in scope whose results are overdue (the rule of the results reminder)."""
    days = selectors.results_reminder_days()
    procedures = in_scope(
        selectors.procedures_results_overdue(now=now, days=days), user, procedure_field="pk"
    ).order_by("last_end", "pk")
    return AttentionPanel(
        name="results",
        heading=_("Results overdue"),
        order=Urgency.OVERDUE,
        icon="date",
        items=[
            Item.from_queryset(
                procedures,
                _overdue_entry,
                text=ngettext_lazy(
                    "%(count)s procedure ended more than %(days)s days ago without results",
                    "%(count)s procedures ended more than %(days)s days ago without results",
                    "count",
                ),
                values={"days": days},
                warning=True,
                url=_procedures_url(),
                link_text=gettext_lazy("All procedures"),
            )
        ],
    )


def _phase_entry(phase) -> Entry:
    if phase.change_at == phase.start:
        detail = _("%(phase)s starts on %(date)s") % {
            "phase": phase.title,
            "date": _date(phase.change_at),
        }
    else:
        # Translators: until is a deadline, e.g. "until Sunday, 27 December 2026, midnight".
        detail = _("%(phase)s runs %(until)s") % {
            "phase": phase.title,
            "until": deadline_text(phase.change_at),
        }
    return Entry(label=phase.procedure.title, url=_edit_url(phase.procedure_id), detail=detail)


def phases_panel(user, *, now) -> AttentionPanel:
    """Phases of procedures in scope that start or end within the coming days."""
    days = selectors.UPCOMING_PHASE_DAYS
    return AttentionPanel(
        name="phases",
        heading=_("Coming up"),
        order=Urgency.SOON,
        icon="calendar",
        items=[
            Item.from_queryset(
                in_scope(selectors.phases_upcoming(now=now, days=days), user),
                _phase_entry,
                text=ngettext_lazy(
                    "%(count)s phase starts or ends within %(days)s days",
                    "%(count)s phases start or end within %(days)s days",
                    "count",
                ),
                values={"days": days},
                entries_label=gettext_lazy("The soonest"),
                url=_procedures_url(),
                link_text=gettext_lazy("All procedures"),
            )
        ],
    )
