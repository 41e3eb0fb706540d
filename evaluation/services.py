"""Writes of the evaluation app: keyword-only functions named ``<entity>_<action>``, each in one
transaction, mails through the outbox (``kinds``)."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation

from mitwirken.notifications.services import notify_address
from mitwirken.pages.kit import route_url

from . import rules, selectors
from .kinds import SURVEY_INVITATION
from .models import EvaluationIndexPage, Invitation, Question, Respondent, Response, Survey

logger = logging.getLogger(__name__)

# Invitations, reminders, copies and printed codes (the staff's side) ---------------------------

#: Most printed codes made at once (a sheet per event, not a print run).
PAPER_MAX = 500


def _answer_page() -> EvaluationIndexPage | None:
    return EvaluationIndexPage.objects.live().first()


def _invitation_mail(invitation: Invitation, *, page, reminder: bool) -> None:
    user = invitation.user
    survey = invitation.survey
    notify_address(
        SURVEY_INVITATION,
        email=user.email,
        language=user.language,
        key=f"{'reminder' if reminder else 'invitation'}:{invitation.pk}",
        context={
            "survey": survey,
            "reminder": reminder,
            "about": survey.procedure or survey.session or survey.format,
            "closes_at": survey.closes_at,
        },
        # In the mail's language: the answering route with the invitation's token.
        url=lambda: route_url(page, "survey_invitation", invitation.token),
        user=user,
    )


@transaction.atomic
def invitations_create(*, survey: Survey, users) -> list[Invitation]:
    """Invite each of ``users`` (accounts, or a queryset of them) to ``survey`` by mail, once
    per person and survey: who was invited before, has answered signed in, switched survey
    invitations off or has no active account is left out. The mails go to the outbox in this
    transaction (``invitations_send``). Nothing is written while there is no live evaluation
    page to answer on. Returns the new invitations."""
    page = _answer_page()
    if page is None:
        logger.warning("No live evaluation page: survey %s invites nobody.", survey.pk)
        return []
    user_ids = [user.pk for user in users]
    people = (
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(pk__in=selectors.invitations_refused(user_ids))
        .exclude(pk__in=survey.invitations.filter(user__isnull=False).values("user"))
        .exclude(pk__in=survey.respondents.values("user"))
        .values_list("pk", flat=True)
    )
    new = [Invitation(survey=survey, channel=Invitation.Channel.EMAIL, user_id=pk) for pk in people]
    Invitation.objects.bulk_create(new, ignore_conflicts=True)
    created = list(
        survey.invitations.filter(
            user__in=[invitation.user_id for invitation in new], reminded_at__isnull=True
        )
        .select_related("user", "survey")
        .order_by("pk")
    )
    invitations_send(invitations=created, page=page)
    return created


def invitations_send(*, invitations, page=None) -> int:
    """Write the invitation mail of each e-mail invitation to the outbox, once per invitation
    (its outbox key): calling again sends nothing twice. Returns how many were handed over."""
    page = page or _answer_page()
    if page is None:
        return 0
    sent = 0
    for invitation in invitations:
        if invitation.channel != Invitation.Channel.EMAIL or invitation.user is None:
            continue
        _invitation_mail(invitation, page=page, reminder=False)
        sent += 1
    return sent


@transaction.atomic
def reminders_send(*, survey: Survey, now: datetime.datetime | None = None) -> int:
    """The one reminder, ``EVALUATION_REMINDER_DAYS`` after the invitation, to whom the
    survey invited by mail and who has not answered (with the link or signed in) nor switched
    invitations off, while the survey is open. Returns how many were reminded."""
    now = now or timezone.now()
    page = _answer_page()
    if page is None or not survey.is_open(now):
        return 0
    due = now - datetime.timedelta(days=settings.EVALUATION_REMINDER_DAYS)
    answered = Respondent.objects.filter(survey=survey, user=OuterRef("user"))
    invitations = list(
        survey.invitations.select_for_update(of=("self",))
        .filter(
            channel=Invitation.Channel.EMAIL,
            user__is_active=True,
            answered_at__isnull=True,
            reminded_at__isnull=True,
            created_at__lte=due,
        )
        .exclude(Exists(answered))
        .exclude(user__in=selectors.invitations_refused(survey.invitations.values("user")))
        .select_related("user", "survey")
        .order_by("pk")
    )
    for invitation in invitations:
        _invitation_mail(invitation, page=page, reminder=True)
    Invitation.objects.filter(pk__in=[invitation.pk for invitation in invitations]).update(
        reminded_at=now
    )
    return len(invitations)


@transaction.atomic
def paper_invitations_create(*, survey: Survey, count: int) -> list[Invitation]:
    """``count`` printed codes for ``survey`` (at most ``PAPER_MAX`` at once), to hand out at
    an event: each answers once, like a mailed link."""
    if not 1 <= count <= PAPER_MAX:
        raise ValueError(f"count must be between 1 and {PAPER_MAX}")
    return Invitation.objects.bulk_create(
        [Invitation(survey=survey, channel=Invitation.Channel.PAPER) for _ in range(count)]
    )


#: A question's fields that are not copied: its own id, the survey and its place.
_NOT_COPIED = {"id", "survey", "sort_order"}


@transaction.atomic
def survey_copy(
    *, survey: Survey, title: str = "", procedure=None, session=None, format=None
) -> Survey:
    """A new survey with ``survey``'s questions (every language, keys kept) to add questions
    to; ``based_on`` is the standard instrument it descends from, so the core items compare
    across copies. Closed until staff set its dates."""
    copy = Survey.objects.create(
        **{
            field.attname: getattr(survey, field.attname)
            for field in Survey._meta.concrete_fields
            if field.name.startswith(("title", "intro"))
        },
        based_on=survey if survey.standard else (survey.based_on or survey),
        procedure=procedure,
        session=session,
        format=format,
    )
    if title:
        copy.title = title
        copy.save(update_fields=["title"])
    fields = [field for field in Question._meta.concrete_fields if field.name not in _NOT_COPIED]
    Question.objects.bulk_create(
        [
            Question(
                survey=copy,
                sort_order=question.sort_order,
                **{field.attname: getattr(question, field.attname) for field in fields},
            )
            for question in survey.questions.order_by("sort_order", "pk")
        ]
    )
    return copy


def session_attendees_invite(*, session, attendees, now: datetime.datetime) -> int:
    """The attendees of a training session that ended, invited to the session's open surveys
    (the receiver of ``training.signals.session_ended``). Returns how many were invited."""
    return sum(
        len(invitations_create(survey=survey, users=list(attendees)))
        for survey in selectors.surveys_open(now).filter(session=session).order_by("pk")
    )


def procedure_participants_invite(*, survey: Survey) -> int:
    """The online participants of the survey's procedure, invited (once each)."""
    if survey.procedure_id is None:
        return 0
    users = list(selectors.procedure_participants(survey.procedure_id))
    return len(invitations_create(survey=survey, users=users))


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
