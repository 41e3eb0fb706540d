"""Whom to invite, which surveys are due."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from mitwirken.notifications.models import Frequency, Preference
from participation.models import (
    Channel,
    Comment,
    EventRegistration,
    PollVote,
    Proposal,
    Statement,
    Support,
)

from ..kinds import SURVEY_INVITATION
from ..models import Survey

#: A survey invites after a phase of its procedure ended within so many days (a first run does
#: not invite the participants of last year's phases).
PHASE_DAYS = 7


def procedure_participants(procedure) -> QuerySet:
    """The distinct active accounts that took part in ``procedure`` online: proposals,
    comments, statements with an account, supports, poll votes and event registrations.
    One query."""
    online = {"channel": Channel.ONLINE}
    authors = [
        model.objects.filter(procedure=procedure, author__isnull=False, **online).values("author")
        for model in (Proposal, Comment, Statement)
    ]
    supports = Support.objects.filter(
        proposal__procedure=procedure, user__isnull=False, **online
    ).values("user")
    votes = PollVote.objects.filter(poll__procedure=procedure, user__isnull=False, **online).values(
        "user"
    )
    registrations = EventRegistration.objects.filter(event__procedure=procedure).values("user")
    condition = Q(pk__in=supports) | Q(pk__in=votes) | Q(pk__in=registrations)
    for subquery in authors:
        condition |= Q(pk__in=subquery)
    return get_user_model().objects.filter(condition, is_active=True).order_by("pk")


def invitations_refused(users) -> QuerySet:
    """Of ``users``, those who switched survey invitations off."""
    return Preference.objects.filter(
        kind=SURVEY_INVITATION.key, frequency=Frequency.OFF, user__in=users
    ).values("user")


def surveys_open(now: datetime.datetime) -> QuerySet:
    """Surveys that take answers at ``now`` (the standard instrument never does)."""
    return Survey.objects.filter(
        Q(opens_at__isnull=True) | Q(opens_at__lte=now),
        Q(closes_at__isnull=True) | Q(closes_at__gt=now),
        standard=False,
    )


def surveys_after_phase(now: datetime.datetime) -> QuerySet:
    """Open surveys of a procedure one of whose phases ended within ``PHASE_DAYS``: the last
    phase (the procedure ended) or any other."""
    since = now - datetime.timedelta(days=PHASE_DAYS)
    return (
        surveys_open(now)
        .filter(procedure__phases__end__lte=now, procedure__phases__end__gt=since)
        .distinct()
        .order_by("pk")
    )
