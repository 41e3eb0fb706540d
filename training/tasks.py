"""Jobs of the training app, run by Celery beat (``CELERY_BEAT_SCHEDULE``) or queued after a
commit. They take ids, not objects, and are idempotent: each mail is written once per
enrolment and occasion (its outbox key), the feedback signal once per session, so a second run
sends nothing new."""

import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import selectors, services
from .models import Mode, Session

#: Sessions that ended longer ago than this ask nobody for feedback any more (a first run after
#: the app was installed does not invite the participants of last year's sessions).
FEEDBACK_DAYS = 7

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def send_session_reminders() -> int:
    """The day before a session: a reminder to everyone with a confirmed place. Beat runs it
    every hour of the day, so who registers later that day is reminded too."""
    now = timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    sessions = selectors.sessions_starting_between(start, start + datetime.timedelta(days=1))
    return sum(
        services.session_reminders_send(session=Session(pk=pk), now=now)
        for pk in sessions.values_list("pk", flat=True)
    )


@shared_task(**RETRY)
def send_session_online_link(session_id: int) -> int:
    """The online room's link to the participants of one session (queued after someone takes a
    place once the links have gone out)."""
    session = Session.objects.filter(pk=session_id).first()
    if session is None:
        return 0
    return services.session_online_link_send(session=session)


@shared_task(**RETRY)
def send_online_links() -> int:
    """The online room's link, ``TRAINING_LINK_HOURS`` before the start, to the participants
    of every session with a link. Beat runs it every few minutes."""
    now = timezone.now()
    sessions = (
        selectors.sessions_starting_between(
            now, now + datetime.timedelta(hours=settings.TRAINING_LINK_HOURS)
        )
        .exclude(online_link="")
        .exclude(mode=Mode.IN_PERSON)
    )
    return sum(
        services.session_online_link_send(session=Session(pk=pk), now=now)
        for pk in sessions.values_list("pk", flat=True)
    )


@shared_task(**RETRY)
def expire_offers() -> int:
    """Pass on the places offered from a waiting list whose time to confirm ran out."""
    return services.offers_expire()


@shared_task(**RETRY)
def request_feedback() -> int:
    """After a session has ended: ``signals.session_ended`` with its attendees, once per
    session, for the sessions of the last ``FEEDBACK_DAYS``."""
    now = timezone.now()
    sessions = selectors.sessions_ended_unannounced(now=now).filter(
        end__gt=now - datetime.timedelta(days=FEEDBACK_DAYS)
    )
    return sum(
        services.session_feedback_request(session=Session(pk=pk), now=now)
        for pk in sessions.values_list("pk", flat=True)
    )
