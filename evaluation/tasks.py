"""Jobs of the evaluation app, run by Celery beat (``CELERY_BEAT_SCHEDULE``). They take ids, not
objects, and are idempotent: a person is invited to a survey once (a constraint) and reminded
once (``Invitation.reminded_at``), so a second run sends nothing new."""

from celery import shared_task
from django.utils import timezone

from . import selectors, services

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def invite_participants() -> int:
    """After a phase or the whole procedure ended: the procedure's online participants are
    invited to its open survey (who took part in a later phase is invited then)."""
    now = timezone.now()
    return sum(
        services.procedure_participants_invite(survey=survey)
        for survey in selectors.surveys_after_phase(now).select_related("procedure")
    )


@shared_task(**RETRY)
def send_reminders() -> int:
    """The one reminder to who was invited ``EVALUATION_REMINDER_DAYS`` ago and has not
    answered, for every open survey."""
    now = timezone.now()
    return sum(
        services.reminders_send(survey=survey, now=now)
        for survey in selectors.surveys_open(now).order_by("pk")
    )
