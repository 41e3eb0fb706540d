"""Reads of the participation app: procedure listings with their status, a procedure's contents.

Listings and the procedure page make the same number of queries however many procedures or
contributions there are: statuses are computed in the database, related rows are prefetched.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from .models import (
    Comment,
    Event,
    EventRegistration,
    Phase,
    Poll,
    PollChoice,
    PollQuestion,
    PollVote,
    ProcedureDistrict,
    ProcedurePage,
    Proposal,
    Report,
    Statement,
    Support,
)
from .models.procedures import ProcedureStatus


def procedures_with_status(queryset: QuerySet | None = None, *, now=None) -> QuerySet:
    """Live, public procedures annotated with ``listing_status`` (``STATUS_RULE``, as
    ``ProcedurePage.status`` computes it) and with their phases, districts and topics
    prefetched."""
    now = now or timezone.now()
    queryset = queryset if queryset is not None else ProcedurePage.objects.all()
    return (
        queryset.live()
        .public()
        .with_status(now)
        .prefetch_related(
            Prefetch("phases", queryset=Phase.objects.order_by("start", "sort_order")),
            Prefetch(
                "procedure_districts",
                queryset=ProcedureDistrict.objects.select_related("district").order_by(
                    "sort_order"
                ),
            ),
            "topics",
        )
    )


def procedure_list(
    *,
    parent=None,
    district=None,
    topic=None,
    status: str = "",
    kind: str = "",
    query: str = "",
    now=None,
) -> QuerySet:
    """The procedures below ``parent`` (a page) matching the filters; open ones first, then
    planned, then those with results, then closed; newest first within each."""
    queryset = ProcedurePage.objects.all()
    if parent is not None:
        queryset = queryset.descendant_of(parent)
    if district is not None:
        in_district = ProcedureDistrict.objects.filter(district=district)
        queryset = queryset.filter(pk__in=in_district.values("procedure_id"))
    if topic is not None:
        with_topic = ProcedurePage.objects.filter(topics=topic)
        queryset = queryset.filter(pk__in=with_topic.values("pk"))
    if kind:
        queryset = queryset.filter(kind=kind)
    if query:
        # Wagtail search over the live procedures; the matches then go through the same
        # annotated, prefetched query (one query for the search, however many match).
        hits = ProcedurePage.objects.live().public().search(query, operator="and")
        queryset = queryset.filter(pk__in=[hit.pk for hit in hits])
    queryset = procedures_with_status(queryset, now=now)
    if status:
        queryset = queryset.filter(listing_status=status)
    order = Case(
        When(listing_status=ProcedureStatus.OPEN, then=Value(0)),
        When(listing_status=ProcedureStatus.PLANNED, then=Value(1)),
        When(listing_status=ProcedureStatus.RESULTS, then=Value(2)),
        default=Value(3),
    )
    return queryset.order_by(order, "-first_published_at", "-pk")


# One procedure ------------------------------------------------------------------------------


@dataclass
class TimelineStep:
    phase: Phase
    state: str  # "past", "current", "next" or "later"


def procedure_timeline(procedure: ProcedurePage, *, now=None) -> list[TimelineStep]:
    """Every phase, marked past, current, next (the first one still to come) or later."""
    now = now or timezone.now()
    steps, next_seen = [], False
    for phase in procedure.phases_in_order():
        if phase.end <= now:
            state = "past"
        elif phase.start <= now:
            state = "current"
        elif not next_seen:
            state, next_seen = "next", True
        else:
            state = "later"
        steps.append(TimelineStep(phase=phase, state=state))
    return steps


def _with_author(queryset):
    return queryset.select_related("author")


def procedure_proposals(*, procedure: ProcedurePage) -> list[Proposal]:
    """The proposals with their support count and their comments, replies one level below."""
    replies = _with_author(Comment.objects.order_by("created_at", "pk"))
    comments = _with_author(
        Comment.objects.filter(parent__isnull=True).order_by("created_at", "pk")
    ).prefetch_related(Prefetch("replies", queryset=replies))
    return list(
        _with_author(Proposal.objects.filter(procedure=procedure))
        .annotate(support_count=Count("supports", distinct=True))
        .prefetch_related(Prefetch("comments", queryset=comments))
        .order_by("-created_at", "-pk")
    )


def procedure_comments(*, procedure: ProcedurePage) -> list[Comment]:
    """The comments on the procedure itself (not on a proposal), oldest first, with replies."""
    replies = _with_author(Comment.objects.order_by("created_at", "pk"))
    return list(
        _with_author(
            Comment.objects.filter(procedure=procedure, proposal__isnull=True, parent__isnull=True)
        )
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def procedure_polls(*, procedure: ProcedurePage) -> list[Poll]:
    """The polls with their questions and answers, each answer with its number of votes."""
    choices = PollChoice.objects.annotate(vote_count=Count("votes")).order_by("sort_order", "pk")
    questions = PollQuestion.objects.prefetch_related(Prefetch("choices", queryset=choices))
    polls = list(
        Poll.objects.filter(procedure=procedure)
        .annotate(vote_count=Count("votes"))
        .prefetch_related(Prefetch("questions", queryset=questions))
        .order_by("created_at", "pk")
    )
    for poll in polls:
        for question in poll.questions.all():
            for choice in question.choices.all():
                choice.percent = (
                    round(100 * choice.vote_count / poll.vote_count) if poll.vote_count else 0
                )
    return polls


def procedure_events(*, procedure: ProcedurePage) -> list[Event]:
    return list(
        Event.objects.filter(procedure=procedure)
        .annotate(registration_count=Count("registrations"))
        .order_by("start", "pk")
    )


@dataclass
class Participation:
    """What the visitor has done already in this procedure: read in one query each."""

    supported: set[int] = field(default_factory=set)
    voted: set[int] = field(default_factory=set)
    registered: set[int] = field(default_factory=set)


def participation_for(*, procedure: ProcedurePage, user, session_key: str = "") -> Participation:
    done = Participation()
    if user is not None and user.is_authenticated:
        done.supported = set(
            Support.objects.filter(proposal__procedure=procedure, user=user).values_list(
                "proposal_id", flat=True
            )
        )
        done.registered = set(
            EventRegistration.objects.filter(event__procedure=procedure, user=user).values_list(
                "event_id", flat=True
            )
        )
        votes = Q(user=user)
    else:
        votes = Q(pk__in=[])
    if session_key:
        votes |= Q(session_key=session_key)
    done.voted = set(
        PollVote.objects.filter(votes, poll__procedure=procedure).values_list("poll_id", flat=True)
    )
    return done


def procedure_open_now(procedure: ProcedurePage, *, now: datetime.datetime | None = None) -> list:
    """What the current phase is open for (``ProcedurePage.open_for``), as (flag, label)."""
    return [(flag, Phase._meta.get_field(flag).verbose_name) for flag in procedure.open_for(now)]


def procedures_using_format(*, format_page) -> list[ProcedurePage]:
    """The live public procedures that used a format of the Instrumentenkoffer, newest first."""
    return list(
        ProcedurePage.objects.live()
        .public()
        .filter(formats=format_page)
        .order_by("-first_published_at", "-pk")
    )


# What staff have to do ------------------------------------------------------------------------
# Querysets without a scope: the admin limits them to what the person may act on
# (``participation.admin.permissions``) and counts them.

#: Formal statements count as new this long after they arrived.
NEW_STATEMENT_DAYS = 14
#: Phases that start or end this many days from now are coming up.
UPCOMING_PHASE_DAYS = 7


def results_reminder_days() -> int:
    """How many days after its last phase a procedure's results are due."""
    return getattr(settings, "PARTICIPATION_RESULTS_REMINDER_DAYS", 30)


def procedures_results_overdue(*, now=None, days: int | None = None) -> QuerySet:
    """Live procedures closed (``STATUS_RULE``: no results yet) for ``days`` (the reminder
    setting) or longer, annotated with ``last_end``; the staff are reminded of these by mail
    (``services.results.results_reminders_send``)."""
    now = now or timezone.now()
    days = results_reminder_days() if days is None else days
    return (
        ProcedurePage.objects.live()
        .with_status(now)
        .filter(
            listing_status=ProcedureStatus.CLOSED,
            last_end__lte=now - datetime.timedelta(days=days),
        )
    )


def reports_open() -> QuerySet:
    """Reports the moderation has not dealt with yet, oldest first."""
    return Report.objects.filter(resolved_at__isnull=True).order_by("created_at", "pk")


def proposals_unanswered() -> QuerySet:
    """Visible proposals without an official status, oldest first, with their procedure."""
    return (
        Proposal.objects.filter(status="", hidden_at__isnull=True)
        .select_related("procedure")
        .order_by("created_at", "pk")
    )


def comments_unanswered() -> QuerySet:
    """Visible comments on a procedure itself (not on a proposal, not replies) that no staff
    member has replied to, oldest first, with their procedure."""
    staff_replies = Comment.objects.filter(parent=OuterRef("pk"), author__is_staff=True)
    return (
        Comment.objects.filter(proposal__isnull=True, parent__isnull=True, hidden_at__isnull=True)
        .exclude(Exists(staff_replies))
        .select_related("procedure")
        .order_by("created_at", "pk")
    )


def statements_new(*, now=None) -> QuerySet:
    """Formal statements received in the last ``NEW_STATEMENT_DAYS`` days, oldest first."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=NEW_STATEMENT_DAYS)
    return (
        Statement.objects.filter(created_at__gte=since)
        .select_related("procedure")
        .order_by("created_at", "pk")
    )


def phases_upcoming(*, now=None, days: int = UPCOMING_PHASE_DAYS) -> QuerySet:
    """Phases of live procedures that start or end within ``days`` from ``now``, soonest
    first, annotated with ``change_at`` (their start if it is still to come, else their end)
    and with their procedure."""
    now = now or timezone.now()
    until = now + datetime.timedelta(days=days)
    return (
        Phase.objects.filter(procedure__live=True)
        .filter(Q(start__gt=now, start__lte=until) | Q(end__gt=now, end__lte=until))
        .annotate(change_at=Case(When(start__gt=now, then="start"), default="end"))
        .select_related("procedure")
        .order_by("change_at", "pk")
    )
