"""Invitations by mail through the outbox: after a procedure's phase ends, after a training
session (the feedback seam), one reminder, and printed codes; preferences are respected."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from evaluation import services, tasks
from evaluation.kinds import SURVEY_INVITATION
from evaluation.models import Invitation, Respondent
from mitwirken.notifications.models import Notification, Preference
from mitwirken.notifications.services import notifications_send_pending
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    CommentFactory,
    EventFactory,
    EventRegistrationFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    StatementFactory,
    SupportFactory,
    phase,
)
from tests.factories.training import EnrolmentFactory, SessionFactory
from tests.helpers import ui
from training import services as training_services

from .conftest import SurveyFactory

pytestmark = pytest.mark.django_db


def invited(survey) -> set[str]:
    return set(
        Notification.objects.filter(message__kind=SURVEY_INVITATION.key).values_list(
            "email", flat=True
        )
    ) & set(survey.invitations.values_list("user__email", flat=True))


@pytest.fixture
def ended_procedure(evaluation_page):
    """A procedure whose consultation phase ended yesterday."""
    return ProcedurePageFactory(phases=[phase(-15, length=14)])


def test_participants_of_a_procedure_are_invited_once_after_a_phase_ends(ended_procedure):
    survey = SurveyFactory(procedure=ended_procedure)
    proposal = ProposalFactory(procedure=ended_procedure, author__email="ada@example.org")
    CommentFactory(procedure=ended_procedure, author__email="bert@example.org")
    SupportFactory(proposal=proposal, user__email="cem@example.org")
    StatementFactory(procedure=ended_procedure, author__email="dana@example.org")
    event = EventFactory(procedure=ended_procedure)
    EventRegistrationFactory(event=event, user__email="emil@example.org")
    CommentFactory(procedure=ended_procedure, author=proposal.author)  # counted once
    ProposalFactory(procedure=ended_procedure, author__email="paper@example.org", channel="paper")
    ProposalFactory(author__email="elsewhere@example.org")  # another procedure

    assert tasks.invite_participants() == 5
    assert tasks.invite_participants() == 0  # a second run invites nobody again

    expected = {"ada@example.org", "bert@example.org", "cem@example.org", "dana@example.org"}
    assert invited(survey) == expected | {"emil@example.org"}
    assert survey.invitations.count() == 5


def test_a_poll_voter_is_invited(ended_procedure):
    survey = SurveyFactory(procedure=ended_procedure)
    poll = PollFactory(procedure=ended_procedure)
    voter = UserFactory(email="vera@example.org")
    poll.votes.create(user=voter)

    tasks.invite_participants()

    assert invited(survey) == {"vera@example.org"}


def test_the_invitation_mail_links_the_answer_page_with_its_token(ended_procedure, settings):
    settings.BASE_URL = "https://mitwirken.example.org"
    survey = SurveyFactory(procedure=ended_procedure, title="Wie war es?")
    ProposalFactory(
        procedure=ended_procedure, author__email="ada@example.org", author__language="en"
    )

    tasks.invite_participants()
    notifications_send_pending()

    invitation = survey.invitations.get()
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "Wie war es?" in message.subject
    assert (
        f"https://mitwirken.example.org/en/evaluation/umfrage/{invitation.token}/" in message.body
    )
    assert ui("No more invitations to surveys", "en") in message.alternatives[0][0]


def test_no_invitation_before_a_phase_ends_or_for_a_closed_survey(evaluation_page):
    running = ProcedurePageFactory()  # its phase runs four more weeks
    SurveyFactory(procedure=running)
    ProposalFactory(procedure=running)
    ended = ProcedurePageFactory(phases=[phase(-15, length=14)])
    SurveyFactory(procedure=ended, closes_at=timezone.now() - datetime.timedelta(hours=1))
    ProposalFactory(procedure=ended)

    assert tasks.invite_participants() == 0
    assert not Invitation.objects.exists()


def test_who_switched_invitations_off_is_not_invited(ended_procedure):
    survey = SurveyFactory(procedure=ended_procedure)
    quiet = ProposalFactory(procedure=ended_procedure).author
    Preference.objects.create(user=quiet, kind=SURVEY_INVITATION.key, frequency="off")
    ProposalFactory(procedure=ended_procedure, author__email="ada@example.org")

    tasks.invite_participants()

    assert invited(survey) == {"ada@example.org"}


def test_unsubscribing_from_the_mail_stops_the_reminder(ended_procedure, client, settings):
    survey = SurveyFactory(procedure=ended_procedure)
    ProposalFactory(procedure=ended_procedure, author__email="ada@example.org")
    tasks.invite_participants()
    notifications_send_pending()
    link = next(line for line in mail.outbox[0].body.splitlines() if "abbestellen" in line)

    client.post(link.split()[-1].replace(settings.BASE_URL, ""))
    later = timezone.now() + datetime.timedelta(days=settings.EVALUATION_REMINDER_DAYS + 1)

    assert services.reminders_send(survey=survey, now=later) == 0


def test_attendees_of_a_session_are_invited_when_it_ends(evaluation_page):
    now = timezone.now()
    session = SessionFactory(
        start=now - datetime.timedelta(hours=4), end=now - datetime.timedelta(hours=1)
    )
    survey = SurveyFactory(session=session)
    EnrolmentFactory(session=session, user__email="anna@example.org", attended=True)
    EnrolmentFactory(session=session, user__email="absent@example.org", attended=False)

    training_services.session_feedback_request(session=session)

    assert invited(survey) == {"anna@example.org"}


def test_one_reminder_after_the_days_set_to_who_has_not_answered(ended_procedure, settings):
    settings.EVALUATION_REMINDER_DAYS = 7
    survey = SurveyFactory(procedure=ended_procedure)
    for email in ("ada@example.org", "bert@example.org", "cem@example.org"):
        ProposalFactory(procedure=ended_procedure, author__email=email)
    tasks.invite_participants()
    survey.invitations.filter(user__email="bert@example.org").update(answered_at=timezone.now())
    cem = survey.invitations.get(user__email="cem@example.org").user
    Respondent.objects.create(survey=survey, user=cem)  # answered while signed in

    assert services.reminders_send(survey=survey, now=timezone.now()) == 0  # too early
    later = timezone.now() + datetime.timedelta(days=8)
    assert services.reminders_send(survey=survey, now=later) == 1
    assert services.reminders_send(survey=survey, now=later) == 0  # once

    reminders = Notification.objects.filter(idempotency_key__contains=":reminder:")
    assert list(reminders.values_list("email", flat=True)) == ["ada@example.org"]


def test_printed_codes_answer_once_each(evaluation_page):
    survey = SurveyFactory()

    codes = services.paper_invitations_create(survey=survey, count=30)

    assert survey.invitations.filter(channel="paper", user=None).count() == 30
    assert len({invitation.code for invitation in codes}) == 30
    assert all(len(invitation.code) == 8 for invitation in codes)


def test_a_copy_of_the_standard_instrument_keeps_its_keys_in_both_languages():
    standard = SurveyFactory(standard=True, title_de="Standard", title_en="Standard EN")
    question = standard.questions.get(key="fair")
    question.text_en = "The process was fair."
    question.save()
    procedure = ProcedurePageFactory()

    copy = services.survey_copy(survey=standard, procedure=procedure)
    second = services.survey_copy(survey=copy)

    assert copy.based_on == standard and second.based_on == standard
    assert not copy.standard and copy.procedure == procedure
    assert list(copy.questions.values_list("key", flat=True)) == ["fair", "channel", "comment"]
    assert copy.questions.get(key="fair").text_en == "The process was fair."
    assert standard.questions.count() == 3  # the original keeps its own
