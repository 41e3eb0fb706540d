"""What the evaluation keeps of a person (``mitwirken.privacy.registry``)."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mitwirken.privacy.exporting import iso
from mitwirken.privacy.registry import ExportPart, Processing

from .models import SMALL_GROUP, Invitation, Respondent


def invitations_expire(now: datetime.datetime) -> int:
    """Of the surveys closed longer than ``PRIVACY_SURVEY_DAYS`` ago: whom an invitation went
    to and the draft it kept, and who answered. The invitations stay as numbers."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_SURVEY_DAYS)
    closed = Q(survey__closes_at__lt=cutoff)
    invitations = Invitation.objects.filter(closed).filter(~Q(draft={}) | Q(user__isnull=False))
    changed = invitations.update(user=None, draft={})
    _total, deleted = Respondent.objects.filter(closed).delete()
    return changed + deleted.get(Respondent._meta.label, 0)


def invitations_retention():
    days = settings.PRIVACY_SURVEY_DAYS
    return ngettext_lazy(
        "Until %(days)d day after the survey closed; then only the number of invitations stays.",
        "Until %(days)d days after the survey closed; then only the number of invitations stays.",
        days,
    ) % {"days": days}


PROCESSING = [
    Processing(
        key="survey_invitations",
        what=_(
            "That you were invited to a survey and whether you answered (not what), and "
            "answers you saved for later until you send them."
        ),
        purpose=_("Inviting you once, reminding you once, letting you answer once."),
        legal_basis=_("Art. 6(1)(e) GDPR with § 3 DSG NRW."),
        retention=invitations_retention,
        recipients=_("Nobody: staff see only numbers."),
        expire=invitations_expire,
    ),
    Processing(
        key="survey_answers",
        what=_(
            "Your answers to a survey, without account, name, address, invitation or time "
            "of day: only the day and the language. Every question may be left out."
        ),
        purpose=_("Evaluating the procedures and formats and who they reach."),
        legal_basis=_(
            "Art. 6(1)(e) GDPR with § 3 DSG NRW; Art. 9(2)(j) and Art. 89 GDPR with § 17 "
            "DSG NRW for statistics."
        ),
        retention=_("Kept for the evaluation; they cannot be traced back to you."),
        recipients=format_lazy(
            _(
                "The evaluation's staff; results are published only for groups of at least "
                "{count} answers."
            ),
            count=SMALL_GROUP,
        ),
    ),
]


# Download of one's data


def account_export(user):
    """Which surveys invited the person and which they answered. The answers are not linked to
    the account (``Response`` knows no person), so they cannot be part of it; answers saved for
    later on an invitation are, until they are sent."""

    surveys = {}
    invitations = Invitation.objects.filter(user=user).select_related("survey")
    for invitation in invitations.order_by("created_at", "pk"):
        surveys[invitation.survey_id] = {
            "survey": invitation.survey.title,
            "invited_at": iso(invitation.created_at),
            "channel": invitation.channel,
            "reminded_at": iso(invitation.reminded_at),
            "answered": invitation.answered_at is not None,
            "answered_at": iso(invitation.answered_at),
            "saved_answers": invitation.draft or None,
        }
    for respondent in Respondent.objects.filter(user=user).select_related("survey"):
        record = surveys.setdefault(
            respondent.survey_id,
            {
                "survey": respondent.survey.title,
                "invited_at": None,
                "channel": None,
                "reminded_at": None,
                "answered_at": None,
                "saved_answers": None,
            },
        )
        record["answered"] = True
    yield ExportPart("surveys", list(surveys.values()))


# Deletion of the account


def account_erase(user, emails) -> None:
    """Invitations not yet answered go, and so does the record that the person answered a
    survey (``Respondent``). The answers stay: they never knew whose they are."""

    Invitation.objects.filter(user=user, answered_at__isnull=True).delete()
    Invitation.objects.filter(user=user).update(user=None)
    Respondent.objects.filter(user=user).delete()
