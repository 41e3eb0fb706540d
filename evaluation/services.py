"""Writes of evaluation: keyword-only functions named ``<entity>_<action>``, one transaction
each. Other parts append their services in blocks of their own below."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from . import rules
from .models import Invitation, Respondent, Response, Survey

# Answering ------------------------------------------------------------------------------------


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    answers: dict,
    invitation: Invitation | None = None,
    user=None,
    channel: str = Response.Channel.ONLINE,
    language: str | None = None,
) -> Response:
    """Store one person's answers (checked by ``forms``) as a ``Response`` that knows neither
    the invitation nor the person: through ``invitation`` (locked, then used up and its draft
    emptied), or signed in as ``user`` (a ``Respondent`` records that they answered). A second
    answer, also one sent at the same moment, is refused with ``rules.ALREADY_ANSWERED`` and
    nothing is stored. Staff entering a paper form give neither (``channel`` paper)."""
    if invitation is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        rules.require("evaluation.answer", survey, invitation=invitation)
        invitation.answered_at = timezone.now()
        invitation.draft = {}
        invitation.save(update_fields=["answered_at", "draft"])
        person = invitation.user_id
    elif user is not None:
        rules.require("evaluation.answer", survey, user=user)
        person = user.pk
    elif channel == Response.Channel.PAPER:
        person = None
    else:
        raise ValueError("An online answer comes through an invitation or a signed-in person.")
    if person:
        try:
            with transaction.atomic():
                Respondent.objects.create(survey=survey, user_id=person)
        except IntegrityError:  # the same person, sent twice at once
            raise ValidationError(rules.ALREADY_ANSWERED, code="evaluation.answer") from None
    return Response.objects.create(
        survey=survey,
        channel=channel,
        language=language or translation.get_language() or "de",
        answers=survey.answers_kept(answers),
    )


def draft_save(*, invitation: Invitation, answers: dict) -> None:
    """Keep the answers so far on the invitation, to continue later with its link."""
    Invitation.objects.filter(pk=invitation.pk, answered_at__isnull=True).update(draft=answers)
    invitation.draft = answers
