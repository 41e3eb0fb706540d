"""Reads of the training app: the list of modules with its filters, a module's sessions with
their free places, a person's places and lessons, the sessions of a calendar feed.

Every function reads in a fixed number of queries however many modules, sessions and
registrations there are: places are counted in SQL (``Session.objects.with_places()``),
related rows are prefetched.
"""

import datetime

from django.db.models import (
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Greatest
from django.utils import timezone

from .models import Enrolment, LessonProgress, Mode, ModuleMaterial, Session, TrainingModulePage

#: How many of its next sessions each module in the list shows.
NEXT_SESSIONS = 3


def sessions_bookable(queryset: QuerySet, *, now: datetime.datetime) -> QuerySet:
    """Sessions whose registration is open and that have a free place."""
    return (
        queryset.filter(registration_deadline__gt=now).with_places().filter(taken__lt=F("capacity"))
    )


def with_free(sessions: QuerySet) -> QuerySet:
    """Sessions counted ``with_places()`` with ``free``: the places left, never below 0."""
    return sessions.annotate(free=Greatest(F("capacity") - F("taken"), Value(0)))


def sessions_upcoming(
    *,
    now: datetime.datetime | None = None,
    mode: str = "",
    modes=(),
    district=None,
    with_online: bool = False,
    free_places: bool = False,
    audience=None,
    public_only: bool = False,
) -> QuerySet:
    """Sessions of live, public modules that have not begun, first the next, with ``taken``
    and ``waiting`` and their district; narrowed by how they take place (``mode``, or any of
    ``modes``), where (``with_online``: in ``district`` and the online sessions, which have no
    place), whether a place is free, and for whom their module is (an ``Audience`` or its
    slug). ``public_only`` leaves out internal ones."""
    now = now or timezone.now()
    sessions = Session.objects.live().upcoming(now)
    if mode:
        sessions = sessions.filter(mode=mode)
    if modes:
        sessions = sessions.filter(mode__in=modes)
    if district is not None:
        here = Q(district=district)
        if with_online:
            here |= Q(district__isnull=True, mode=Mode.ONLINE)
        sessions = sessions.filter(here)
    if audience is not None:
        sessions = sessions.filter(module__audiences__slug=getattr(audience, "slug", audience))
    if public_only:
        sessions = sessions.filter(internal=False)
    sessions = sessions_bookable(sessions, now=now) if free_places else sessions.with_places()
    return with_free(sessions).select_related("district")


def module_list(
    *,
    parent,
    audience=None,
    format=None,  # noqa: A002 - the toolkit's word for it
    mode: str = "",
    district=None,
    free_places: bool = False,
    now: datetime.datetime | None = None,
) -> QuerySet:
    """The live, public modules below ``parent``, those with the next session first, each with
    ``next_sessions`` (at most ``NEXT_SESSIONS`` of those that match the filters), its
    audiences and formats.

    ``audience`` and ``format`` narrow by the module; ``mode``, ``district`` and
    ``free_places`` by its upcoming sessions: a module is listed when one of them matches all
    three."""
    now = now or timezone.now()
    modules = TrainingModulePage.objects.child_of(parent).live().public()
    if audience is not None:
        modules = modules.filter(audiences=audience)
    if format is not None:
        modules = modules.filter(formats=format)
    session_filtered = bool(mode or district is not None or free_places)
    matching = sessions_upcoming(now=now, mode=mode, district=district, free_places=free_places)
    if session_filtered:
        modules = modules.filter(Exists(matching.filter(module=OuterRef("pk"))))
    first_start = (
        Session.objects.filter(module=OuterRef("pk"), start__gte=now)
        .order_by("start")
        .values("start")[:1]
    )
    return (
        modules.annotate(next_start=Subquery(first_start))
        .order_by(F("next_start").asc(nulls_last=True), "title", "pk")
        .for_listing()
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=matching.order_by("start", "pk")[:NEXT_SESSIONS],
                to_attr="next_sessions",
            )
        )
    )


def module_sessions(module, *, now: datetime.datetime | None = None) -> list[Session]:
    """The module's sessions that have not begun, with places and trainers; past ones are not
    offered."""
    now = now or timezone.now()
    return list(
        with_free(module.sessions.upcoming(now).with_places())
        .select_related("district")
        .prefetch_related("trainers")
    )


def module_detail(module) -> dict:
    """What a module page shows of the module itself: audiences, formats, trainers and
    materials with their documents."""
    return {
        "audiences": list(module.audiences.all()),
        "formats": list(module.formats.live().order_by("title")),
        "trainers": list(module.trainers.select_related("photo")),
        "materials": list(ModuleMaterial.objects.filter(page=module).select_related("document")),
    }


def enrolments_of(user, sessions) -> dict[int, Enrolment]:
    """``user``'s registrations (not cancelled) in ``sessions``, by session id."""
    if not user.is_authenticated:
        return {}
    rows = Enrolment.objects.filter(user=user, session__in=[session.pk for session in sessions])
    return {row.session_id: row for row in rows.exclude(status=Enrolment.Status.CANCELLED)}


def has_confirmed_place(user, module) -> bool:
    """Whether ``user`` holds a confirmed place in a session of ``module`` (they may read its
    materials for participants)."""
    if not user.is_authenticated:
        return False
    return Enrolment.objects.filter(
        user=user, session__module=module, status=Enrolment.Status.CONFIRMED
    ).exists()


def lessons_done(user, module) -> set[str]:
    """The ids of the lessons of ``module`` that ``user`` marked as done."""
    if not user.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(user=user, module=module).values_list("lesson", flat=True)
    )


def restricted_material_modules(document_id: int) -> list[TrainingModulePage]:
    """The modules that offer this document to their participants only; ``[]`` when it is
    not such a material, or when some module offers it to everyone."""
    materials = list(ModuleMaterial.objects.filter(document_id=document_id).select_related("page"))
    if any(not material.participants_only for material in materials):
        return []
    return [material.page for material in materials]


def next_scheduled_change(*, now: datetime.datetime) -> datetime.datetime | None:
    """The next moment a session begins or its registration closes: pages that show it as
    open change then."""
    moments = Session.objects.aggregate(
        start=Min("start", filter=Q(start__gt=now)),
        deadline=Min("registration_deadline", filter=Q(registration_deadline__gt=now)),
    )
    found = [moment for moment in moments.values() if moment is not None]
    return min(found) if found else None


# Where citizens look: format pages, search hits; and the timed mails' reads ------------------

#: The modes a session may have for someone who wants to take part online or in person (the
#: Wegweiser's "how"); a hybrid session fits both.
SESSION_MODES = {
    "online": (Mode.ONLINE, Mode.HYBRID),
    "in_person": (Mode.IN_PERSON, Mode.HYBRID),
}


def _with_next_session_id(modules, now):
    """``modules`` (a queryset) with ``next_session_id``: its soonest upcoming public session."""
    public = Session.objects.live().upcoming(now).filter(internal=False, module=OuterRef("pk"))
    return modules.annotate(
        next_session_id=Subquery(public.order_by("start", "pk").values("pk")[:1])
    )


def _attach_next_sessions(modules: list) -> None:
    """Set ``next_session`` (with ``free`` places) on each of ``modules`` from its
    ``next_session_id``, in one query."""
    ids = [module.next_session_id for module in modules if module.next_session_id]
    sessions = with_free(Session.objects.with_places()).select_related("district").in_bulk(ids)
    for module in modules:
        module.next_session = sessions.get(module.next_session_id)


def modules_teaching_format(*, format_page, now=None) -> list[TrainingModulePage]:
    """The live public modules that teach ``format_page``, alphabetically, each with
    ``next_session``: its soonest upcoming public session (with its places), or ``None``. Two
    queries."""
    modules = TrainingModulePage.objects.live().public().filter(formats=format_page)
    modules = list(_with_next_session_id(modules, now or timezone.now()).order_by("title", "pk"))
    _attach_next_sessions(modules)
    return modules


def modules_next_sessions(modules: list, *, now=None) -> None:
    """Set ``next_session`` on each of ``modules`` (pages already read, such as search hits),
    in two queries."""
    ids = [module.pk for module in modules]
    found = dict(
        _with_next_session_id(
            TrainingModulePage.objects.filter(pk__in=ids), now or timezone.now()
        ).values_list("pk", "next_session_id")
    )
    for module in modules:
        module.next_session_id = found.get(module.pk)
    _attach_next_sessions(modules)


def sessions_starting_between(start, end):
    """Sessions (of any module, internal too) that begin in ``[start, end)``."""
    return Session.objects.filter(start__gte=start, start__lt=end).order_by("start", "pk")


def sessions_ended_unannounced(*, now=None):
    """Sessions that have ended and whose participants were not yet asked for feedback."""
    now = now or timezone.now()
    return Session.objects.filter(end__lte=now, feedback_requested_at__isnull=True).order_by(
        "end", "pk"
    )


def confirmed_enrolments(session: Session):
    """The confirmed places of ``session``, each with its participant."""
    return session.enrolments.filter(status=Enrolment.Status.CONFIRMED).select_related("user")


def session_attendees(session: Session) -> list:
    """Who took part in ``session``: the participants marked present, or, while no attendance
    is recorded, everyone with a confirmed place. One query."""
    enrolments = list(confirmed_enrolments(session))
    if any(enrolment.attended is not None for enrolment in enrolments):
        enrolments = [enrolment for enrolment in enrolments if enrolment.attended]
    return [enrolment.user for enrolment in enrolments]
