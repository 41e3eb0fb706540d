"""Reads of the participation app: procedure listings with their status, a procedure's contents.

Listings and the procedure page make the same number of queries however many procedures or
contributions there are: statuses are computed in the database, related rows are prefetched.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from mitwirken.council.models import Consultation, Paper

from .models import (
    Channel,
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


def procedures_newest(*, parent=None, district=None, topic=None, now=None) -> QuerySet:
    """The procedures of ``procedure_list``, the newest first by their first publication."""
    procedures = procedure_list(parent=parent, district=district, topic=topic, now=now)
    return procedures.order_by("-first_published_at", "-pk")


def procedures_with_results(*, parent=None, district=None, topic=None, now=None) -> QuerySet:
    """The procedures of ``procedure_list`` whose results are published (``STATUS_RULE``), the
    newest results first, annotated with when they were published as ``results_since``: the
    start of the first results phase that began, else the page's last publication (with the
    results text)."""
    now = now or timezone.now()
    results_phases = Phase.objects.filter(
        procedure=OuterRef("pk"), kind=Phase.Kind.RESULTS, start__lte=now
    ).order_by("start")
    procedures = procedure_list(
        parent=parent, district=district, topic=topic, status=ProcedureStatus.RESULTS, now=now
    )
    return procedures.annotate(
        results_since=Coalesce(Subquery(results_phases.values("start")[:1]), "last_published_at")
    ).order_by("-results_since", "-pk")


def procedures_open_by_deadline(*, now=None) -> QuerySet:
    """The open procedures (``STATUS_RULE``), the nearest deadline first: the end of the current
    phase, else the start of the next one, as ``ProcedurePage.next_deadline`` has it; annotated
    with it as ``deadline``. One query, and the prefetches of ``procedures_with_status``."""
    now = now or timezone.now()
    phases = Phase.objects.filter(procedure=OuterRef("pk")).order_by("start", "sort_order")
    return (
        procedures_with_status(now=now)
        .filter(listing_status=ProcedureStatus.OPEN)
        .annotate(
            deadline=Coalesce(
                Subquery(phases.filter(start__lte=now, end__gt=now).values("end")[:1]),
                Subquery(phases.filter(start__gt=now).values("start")[:1]),
            )
        )
        .order_by(F("deadline").asc(nulls_last=True), "pk")
    )


def events_upcoming(*, district=None, now=None) -> QuerySet:
    """The events of live public procedures (of ``district``, when given) that have not ended,
    the soonest first, each with its procedure."""
    now = now or timezone.now()
    procedures = ProcedurePage.objects.live().public()
    if district is not None:
        in_district = ProcedureDistrict.objects.filter(district=district)
        procedures = procedures.filter(pk__in=in_district.values("procedure_id"))
    return (
        Event.objects.filter(procedure__in=procedures.values("pk"), end__gte=now)
        .select_related("procedure")
        .order_by("start", "pk")
    )


def next_scheduled_change(*, now) -> datetime.datetime | None:
    """The next moment after ``now`` at which a phase or an event begins or ends, or ``None``:
    statuses, what is open, deadlines and upcoming events change then although nobody saved
    anything. Two queries, over every procedure (a draft's phases only make it earlier)."""
    moments = [
        *Phase.objects.aggregate(
            start=Min("start", filter=Q(start__gt=now)), end=Min("end", filter=Q(end__gt=now))
        ).values(),
        *Event.objects.aggregate(
            start=Min("start", filter=Q(start__gt=now)), end=Min("end", filter=Q(end__gt=now))
        ).values(),
    ]
    return min((moment for moment in moments if moment is not None), default=None)


def procedures_counted(queryset: QuerySet) -> QuerySet:
    """``queryset`` with how many visible contributions each procedure has: its proposals,
    comments (on itself and on visible proposals), supports of visible proposals, poll votes
    and formal statements; hidden ones never count. A subquery each, so still one query."""
    visible = Q(hidden_at__isnull=True)
    return queryset.annotate(
        proposal_count=_count_of(Proposal, "procedure", visible),
        comment_count=_count_of(
            Comment,
            "procedure",
            visible,
            Q(proposal__isnull=True) | Q(proposal__hidden_at__isnull=True),
        ),
        support_count=_count_of(
            Support, "proposal__procedure", Q(proposal__hidden_at__isnull=True)
        ),
        poll_vote_count=_count_of(PollVote, "poll__procedure"),
        statement_count=_count_of(Statement, "procedure", visible),
    )


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


def _count_of(model, field: str, *conditions: Q):
    """How many ``model`` rows (meeting ``conditions``) point at the row with their ``field``:
    a subquery per row, so a list sorted by it stays one query, and two counts do not multiply
    each other's joins."""
    rows = (
        model.objects.filter(*conditions, **{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


#: The order of each ``Proposal.Sort``; the newest first among equals.
PROPOSAL_ORDER = {
    Proposal.Sort.NEWEST: ("-created_at", "-pk"),
    Proposal.Sort.SUPPORTS: ("-support_count", "-created_at", "-pk"),
    Proposal.Sort.COMMENTS: ("-comment_count", "-created_at", "-pk"),
}


def proposals_counted(*, procedure: ProcedurePage) -> QuerySet:
    """The procedure's proposals with their author, ``support_count`` and ``comment_count``
    (every comment and reply, hidden ones too: they stay in the discussion as a note)."""
    return _with_author(Proposal.objects.filter(procedure=procedure)).annotate(
        support_count=_count_of(Support, "proposal"),
        comment_count=_count_of(Comment, "proposal"),
    )


def comment_threads(comments: QuerySet, *, replies: int | None = None) -> QuerySet:
    """The comments of ``comments`` that start a thread, newest first, each with its replies
    under it as ``reply_list``, oldest first (the first ``replies`` of them, or all), and every
    author.

    Newest first, because a discussion this long is read a page at a time: the first page
    shows what is being talked about now, a new comment appears at its top, and each thread
    still reads from its start, its replies in the order they were written."""
    answers = _with_author(Comment.objects.order_by("created_at", "pk"))
    if replies is not None:
        answers = answers[:replies]
    return (
        _with_author(comments.filter(parent__isnull=True))
        .prefetch_related(Prefetch("replies", queryset=answers, to_attr="reply_list"))
        .order_by("-created_at", "-pk")
    )


def procedure_proposals(
    *,
    procedure: ProcedurePage,
    status: str = "",
    category: str = "",
    sort: str = Proposal.Sort.NEWEST,
    comments: int = 0,
) -> QuerySet:
    """The proposals of ``status`` and ``category`` in the order of ``sort``
    (``Proposal.Sort``), counted as ``proposals_counted`` does: a query to paginate; the
    order is the database's, so a page of the most supported ones costs what any page costs.

    ``status``: an official status; ``in_review`` includes the proposals not answered yet, as
    ``services.results.results_summary`` counts them. ``comments``: as many of the newest
    threads of each proposal's discussion (with as many of their replies) are prefetched as
    ``latest_comments``, for the page only."""
    proposals = proposals_counted(procedure=procedure)
    if status == Proposal.Status.IN_REVIEW:
        proposals = proposals.filter(status__in=["", status])
    elif status:
        proposals = proposals.filter(status=status)
    if category:
        proposals = proposals.filter(category=category)
    if comments:
        latest = comment_threads(Comment.objects.all(), replies=comments)[:comments]
        proposals = proposals.prefetch_related(
            Prefetch("comments", queryset=latest, to_attr="latest_comments")
        )
    return proposals.order_by(*PROPOSAL_ORDER[Proposal.Sort(sort)])


def proposal_categories(*, procedure: ProcedurePage, limit: int) -> list[str]:
    """The categories of the procedure's visible proposals, the ``limit`` most used ones, in
    alphabetical order: what a list of them can be filtered by. One query."""
    used = (
        Proposal.objects.filter(procedure=procedure, hidden_at__isnull=True)
        .exclude(category="")
        .values("category")
        .annotate(count=Count("pk"))
        .order_by("-count", "category")
        .values_list("category", flat=True)[:limit]
    )
    return sorted(used)


def procedure_comments(*, procedure: ProcedurePage) -> QuerySet:
    """The threads on the procedure itself (not on a proposal), as ``comment_threads``: a
    query to paginate."""
    return comment_threads(Comment.objects.filter(procedure=procedure, proposal__isnull=True))


def proposal_comments(*, proposal: Proposal) -> QuerySet:
    """The threads on one proposal, as ``comment_threads``: a query to paginate."""
    return comment_threads(Comment.objects.filter(proposal=proposal))


def procedure_polls(*, procedure: ProcedurePage, poll_id: int | None = None) -> list[Poll]:
    """The polls (or the one of ``poll_id``) with their questions and answers, each answer with
    its number of votes."""
    choices = PollChoice.objects.annotate(vote_count=Count("votes")).order_by("sort_order", "pk")
    questions = PollQuestion.objects.prefetch_related(Prefetch("choices", queryset=choices))
    polls = Poll.objects.filter(procedure=procedure)
    if poll_id is not None:
        polls = polls.filter(pk=poll_id)
    polls = list(
        polls.annotate(vote_count=Count("votes"))
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
class StatementWeighing:
    """How a procedure's formal statements were weighed, as the public may see it."""

    received: int
    weighed: int
    #: The weighed statements that are not hidden: reference, summary and result only.
    statements: list[Statement]


def statement_weighing(*, procedure: ProcedurePage) -> StatementWeighing | None:
    """The anonymised weighing of the statements, oldest first; ``None`` until one is weighed.

    Counts include hidden statements (they were received and weighed); the list shows neither
    hidden ones nor anything of the citizen: no name, address, e-mail or original text is
    loaded. Two queries at most.
    """
    weighed = Q(status=Statement.Status.WEIGHED)
    counts = Statement.objects.filter(procedure=procedure).aggregate(
        received=Count("pk"), weighed=Count("pk", filter=weighed)
    )
    if not counts["weighed"]:
        return None
    statements = (
        Statement.objects.filter(weighed, procedure=procedure, hidden_at__isnull=True)
        .only("pk", "reference", "summary", "weighing", "weighed_at")
        .order_by("created_at", "pk")
    )
    return StatementWeighing(
        received=counts["received"], weighed=counts["weighed"], statements=list(statements)
    )


@dataclass
class Participation:
    """What the visitor has done already in this procedure: read in one query each."""

    supported: set[int] = field(default_factory=set)
    voted: set[int] = field(default_factory=set)
    registered: set[int] = field(default_factory=set)


def proposals_supported(*, procedure: ProcedurePage, user) -> set[int]:
    """The pks of the procedure's proposals that ``user`` supports (none for a visitor)."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Support.objects.filter(proposal__procedure=procedure, user=user).values_list(
            "proposal_id", flat=True
        )
    )


def participation_for(*, procedure: ProcedurePage, user, session_key: str = "") -> Participation:
    done = Participation()
    if user is not None and user.is_authenticated:
        done.supported = proposals_supported(procedure=procedure, user=user)
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


# The staff workspace of a procedure -----------------------------------------------------------

#: The kinds of contribution with a text of their own, listed one by one in the workspace, by
#: model name. Supports and votes are counted (``procedure_statistics``).
TEXT_KINDS = {model._meta.model_name: model for model in (Proposal, Comment, Statement)}
#: Every kind with the way from it to its procedure and to the person who gave it.
ALL_KINDS = {
    "proposal": (Proposal, "procedure", "author"),
    "comment": (Comment, "procedure", "author"),
    "support": (Support, "proposal__procedure", "user"),
    "pollvote": (PollVote, "poll__procedure", "user"),
    "statement": (Statement, "procedure", "author"),
}
#: The official status filter's value for proposals without an official response yet.
UNANSWERED = "unanswered"
REPORTED, HIDDEN = "reported", "hidden"


def _open_reports(model):
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
        resolved_at__isnull=True,
    )


def contribution_entries(
    *,
    procedure: ProcedurePage,
    kinds,
    kind: str = "",
    status: str = "",
    channel: str = "",
    phase: Phase | None = None,
    moderation: str = "",
) -> QuerySet:
    """The procedure's contributions of ``kinds`` (names of ``TEXT_KINDS``) that match the
    filters, as ``(kind, pk, created_at)`` tuples, newest first: one query over every kind,
    to paginate, and ``contribution_rows`` loads a page of them.

    ``status`` is a proposal's official status or ``UNANSWERED``: it leaves out the other kinds.
    A contribution belongs to the phase whose dates contain its ``created_at``. ``moderation``:
    ``REPORTED`` (an open report) or ``HIDDEN``."""
    parts = []
    for name in kinds:
        model = TEXT_KINDS[name]
        if (kind and kind != name) or (status and model is not Proposal):
            continue
        queryset = model.objects.filter(procedure=procedure)
        if status:
            queryset = queryset.filter(status="" if status == UNANSWERED else status)
        if channel:
            queryset = queryset.filter(channel=channel)
        if phase is not None:
            queryset = queryset.filter(created_at__gte=phase.start, created_at__lt=phase.end)
        if moderation == REPORTED:
            queryset = queryset.filter(Exists(_open_reports(model)))
        elif moderation == HIDDEN:
            queryset = queryset.filter(hidden_at__isnull=False)
        parts.append(
            queryset.annotate(kind=Value(name, output_field=CharField()))
            .values_list("kind", "pk", "created_at")
            .order_by()
        )
    if not parts:
        return Proposal.objects.none().values_list("pk", "pk", "created_at")
    return parts[0].union(*parts[1:], all=True).order_by("-created_at", "kind", "-pk")


def contribution_rows(entries) -> list:
    """The contributions of ``entries`` (a page of ``contribution_entries``), in their order,
    each with ``kind``, ``reported`` (an open report) and, for a proposal, ``support_count``
    and ``comment_count``: one query per kind on the page."""
    wanted: dict[str, list[int]] = {}
    for name, pk, _created in entries:
        wanted.setdefault(name, []).append(pk)
    loaded = {}
    for name, pks in wanted.items():
        model = TEXT_KINDS[name]
        queryset = model.objects.filter(pk__in=pks).select_related("author", "entered_by")
        if model is Proposal:
            queryset = queryset.annotate(
                support_count=Count("supports", distinct=True),
                comment_count=Count("comments", distinct=True),
            )
        elif model is Comment:
            queryset = queryset.select_related("proposal")
        for contribution in queryset.annotate(reported=Exists(_open_reports(model))):
            contribution.kind = name
            loaded[name, contribution.pk] = contribution
    return [loaded[name, pk] for name, pk, _created in entries if (name, pk) in loaded]


@dataclass
class StatisticsRow:
    """Contributions of each kind, in all, the distinct people with an account among them
    (``participants``) and the contributions staff entered from paper, phone, e-mail or an
    event (``entered``), whose senders are not known as people."""

    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ALL_KINDS, 0))
    people: set = field(default_factory=set)
    entered: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def participants(self) -> int:
        return len(self.people)

    def add(self, kind: str, person, entered: bool, count: int) -> None:
        self.counts[kind] += count
        if entered:
            self.entered += count
        elif person is not None:
            self.people.add(person)


@dataclass
class ProcedureStatistics:
    by_phase: list[StatisticsRow]
    by_channel: list[StatisticsRow]
    total: StatisticsRow


def procedure_statistics(*, procedure: ProcedurePage, no_phase_label: str) -> ProcedureStatistics:
    """Contributions and participants of every kind per phase (the one whose dates contain
    the contribution's ``created_at``; ``no_phase_label`` for those outside every phase) and
    per channel, and in all: one query per kind, grouped in the database by phase, channel
    and person, however many contributions there are. Hidden contributions count: they were
    received."""
    phases = procedure.phases_in_order()
    phase_of = Case(
        *(
            When(created_at__gte=phase.start, created_at__lt=phase.end, then=Value(phase.pk))
            for phase in phases
        ),
        default=Value(0),
        output_field=IntegerField(),
    )
    rows = {phase.pk: StatisticsRow(label=phase.title) for phase in phases}
    outside = StatisticsRow(label=no_phase_label)
    by_channel = {value: StatisticsRow(label=str(label)) for value, label in Channel.choices}
    total = StatisticsRow(label="")
    for kind, (model, procedure_field, person_field) in ALL_KINDS.items():
        grouped = (
            model.objects.filter(**{procedure_field: procedure})
            .annotate(
                phase_pk=phase_of,
                entered=ExpressionWrapper(Q(entered_by__isnull=False), output_field=BooleanField()),
            )
            .values_list("phase_pk", "channel", person_field, "entered")
            .annotate(count=Count("pk"))
            .order_by()
        )
        for phase_pk, channel, person, entered, count in grouped:
            for row in (rows.get(phase_pk, outside), by_channel[channel], total):
                row.add(kind, person, entered, count)
    by_phase = [rows[phase.pk] for phase in phases]
    if outside.total:
        by_phase.append(outside)
    return ProcedureStatistics(by_phase=by_phase, by_channel=list(by_channel.values()), total=total)


def procedure_registrations(*, procedure: ProcedurePage, with_names: bool) -> list[Event]:
    """The procedure's events, earliest first, each with ``registration_count`` and, when
    ``with_names``, its registrations with their people (oldest first)."""
    events = (
        Event.objects.filter(procedure=procedure)
        .annotate(registration_count=Count("registrations"))
        .order_by("start", "pk")
    )
    if with_names:
        events = events.prefetch_related(
            Prefetch(
                "registrations",
                queryset=EventRegistration.objects.select_related("user").order_by(
                    "created_at", "pk"
                ),
            )
        )
    return list(events)


# What staff have to do ------------------------------------------------------------------------
# Querysets without a scope: the admin limits them to what the person may act on
# (``participation.admin.permissions``) and counts them.

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


def statements_new() -> QuerySet:
    """Formal statements nobody has taken up yet (status "received"), oldest first."""
    return (
        Statement.objects.filter(status=Statement.Status.RECEIVED)
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


@dataclass(frozen=True)
class CouncilDeliberation:
    """One step of a procedure's Beratungsfolge, entered by editors or imported (OParl)."""

    date: datetime.date
    body: str
    role: str
    is_past: bool


@dataclass(frozen=True)
class CouncilRecord:
    """The imported paper of a procedure's Drucksache (or None) and the Beratungsfolge."""

    paper: Paper | None
    steps: list[CouncilDeliberation]


def procedure_council(procedure: ProcedurePage, *, today=None) -> CouncilRecord:
    """The editors' steps and the imported paper's consultations, by date, without the
    imported ones that an editor entered already (same body, same date); three queries at most."""
    today = today or timezone.localdate()
    steps = [
        CouncilDeliberation(step.date, step.body, step.get_role_display(), step.date < today)
        for step in procedure.council_steps.all()
    ]
    paper = None
    if procedure.council_paper:
        consultations = Prefetch(
            "consultations",
            Consultation.objects.filter(deleted=False, meeting__start__isnull=False)
            .select_related("meeting")
            .prefetch_related("organizations"),
        )
        paper = (
            Paper.objects.filter(reference=procedure.council_paper, deleted=False)
            .prefetch_related(consultations)
            .order_by("-modified")
            .first()
        )
    entered = {(step.body.casefold(), step.date) for step in steps}
    for consultation in paper.consultations.all() if paper else []:
        date = timezone.localdate(consultation.meeting.start)
        for organization in consultation.organizations.all():
            names = {organization.name.casefold(), organization.short_name.casefold()}
            if not any((name, date) in entered for name in names):
                steps.append(
                    CouncilDeliberation(date, organization.name, consultation.role, date < today)
                )
    return CouncilRecord(paper, sorted(steps, key=lambda step: step.date))
