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

from .models import Enrolment, LessonProgress, ModuleMaterial, Session, TrainingModulePage

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
    district=None,
    free_places: bool = False,
    audience=None,
    public_only: bool = False,
) -> QuerySet:
    """Sessions of live, public modules that have not begun, first the next, with ``taken``
    and ``waiting`` and their district; narrowed by how they take place, where, whether a
    place is free, and for whom their module is. ``public_only`` leaves out internal ones."""
    now = now or timezone.now()
    sessions = Session.objects.live().upcoming(now)
    if mode:
        sessions = sessions.filter(mode=mode)
    if district is not None:
        sessions = sessions.filter(district=district)
    if audience is not None:
        sessions = sessions.filter(module__audiences=audience)
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
