"""The nightly retention run (docs/privacy.md): each rule of the registry ends what is due at the
time the run is told, leaves what is not due yet, and a second run changes nothing."""

import datetime
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from evaluation.models import Invitation, Respondent
from mitwirken.accounts.models import User
from mitwirken.notifications.models import EmailSubscription, Message, Notification
from mitwirken.notifications.services import subscription_request
from mitwirken.pages.models import Feedback
from mitwirken.places.models import District
from mitwirken.privacy.registry import processings
from mitwirken.privacy.services import retention_run
from participation import services as participation_services
from participation.models import EventRegistration, Report
from participation.personal_data import months_before
from tests.factories.accounts import UserFactory
from tests.factories.evaluation import InvitationFactory, SurveyFactory
from tests.factories.files import pdf_upload
from tests.factories.notifications import MessageFactory, NotificationFactory
from tests.factories.pages import FeedbackFactory
from tests.factories.participation import (
    EventFactory,
    EventRegistrationFactory,
    ProcedurePageFactory,
    ReportFactory,
    phase,
)
from tests.factories.training import EnrolmentFactory, SessionFactory
from training.models import Enrolment

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def later(days: int) -> datetime.datetime:
    return timezone.now() + days * DAY


def run(now, rule: str) -> int:
    """What the whole run changed under ``rule`` at ``now``."""
    return retention_run(now=now)[rule]


def test_every_rule_is_idempotent_and_the_page_states_each_rules_period():
    rules = [row for row in processings() if row.expire is not None]
    assert {row.key for row in rules} >= {
        "account",
        "sessions",
        "accessibility_feedback",
        "subscriptions",
        "mails",
        "reports",
        "statements",
        "event_registrations",
        "training_enrolments",
        "survey_invitations",
    }
    for row in processings():
        assert str(row.what) and str(row.purpose) and str(row.legal_basis)
        assert str(row.retention_text) and str(row.recipients)
    far = later(4000)
    retention_run(now=far)
    assert set(retention_run(now=far).values()) == {0}


def test_months_before_keeps_to_the_calendar():
    moment = datetime.datetime(2027, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2027, 2, 28, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 24) == datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 15).date() == datetime.date(2025, 12, 31)


@pytest.fixture
def formal(home_page):
    """A formal procedure whose one phase ends in 10 days, kept 12 months after that."""
    return ProcedurePageFactory(kind="land_use", retention_months=12, phases=[phase(-4, length=14)])


def test_statements_lose_name_addresses_and_files_after_the_procedures_retention(
    formal, django_capture_on_commit_callbacks
):
    citizen = UserFactory()
    statement = participation_services.statement_create(
        procedure=formal,
        author=citizen,
        text="Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
        name="Erika Mustermann",
        street="Friedensplatz 1",
        postcode="44135",
        city="Dortmund",
        email="erika@example.org",
        attachments=[pdf_upload("Einwendung.pdf")],
    )
    stored = Path(statement.attachments.get().file.path)
    assert stored.exists()
    ended = formal.phases.get().end

    # Eleven months after the end: everything stays.
    assert run(ended + 334 * DAY, "statements") == 0
    statement.refresh_from_db()
    assert statement.name == "Erika Mustermann" and statement.attachments.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert run(ended + 366 * DAY, "statements") == 1
    statement.refresh_from_db()
    assert (statement.name, statement.street, statement.postcode, statement.city) == (
        "",
        "",
        "",
        "",
    )
    assert statement.email == "" and statement.author is None
    assert statement.personal_data_removed_at == ended + 366 * DAY
    assert not statement.attachments.exists() and not stored.exists()
    # What the record needs stays.
    assert statement.reference and statement.text.startswith("Ich erhebe")
    assert run(ended + 400 * DAY, "statements") == 0


def test_a_procedure_keeps_its_own_retention_period(formal):
    longer = ProcedurePageFactory(
        kind="land_use", retention_months=36, phases=[phase(-4, length=14)]
    )
    from tests.factories.participation import StatementFactory

    StatementFactory(procedure=formal)
    kept = StatementFactory(procedure=longer)
    assert run(later(10 + 400), "statements") == 1
    kept.refresh_from_db()
    assert kept.name == "Erika Mustermann"


def test_event_registrations_go_with_the_procedures_retention(formal):
    event = EventFactory(procedure=formal)
    EventRegistrationFactory.create_batch(2, event=event)
    other = EventRegistrationFactory()  # a procedure that runs on
    assert run(later(300), "event_registrations") == 0
    assert run(later(10 + 370), "event_registrations") == 2
    assert list(EventRegistration.objects.all()) == [other]


def test_sent_mails_go_after_their_period_and_what_waits_to_be_sent_stays(settings):
    settings.PRIVACY_MAIL_DAYS = 90
    sent = NotificationFactory(status=Notification.Status.SENT, sent_at=timezone.now())
    pending = NotificationFactory()
    shared = MessageFactory()
    NotificationFactory(message=shared, status=Notification.Status.FAILED)
    NotificationFactory(message=shared)  # pending: its message stays
    assert run(later(89), "mails") == 0
    # Two sent or failed rows and the message only they needed.
    assert run(later(91), "mails") == 3
    assert set(Notification.objects.all()) == {pending, *shared.notifications.all()}
    assert not Message.objects.filter(pk=sent.message_id).exists()
    assert Message.objects.filter(pk=shared.pk).exists()
    assert run(later(91), "mails") == 0


def test_unconfirmed_subscriptions_expire(settings):
    settings.NOTIFICATIONS_CONFIRM_DAYS = 7
    subscription_request(
        email="neu@example.org", target=District.objects.get(slug="hoerde"), language="de"
    )
    assert run(later(6), "subscriptions") == 0
    assert run(later(8), "subscriptions") == 1
    assert not EmailSubscription.objects.exists()


def test_accessibility_feedback_loses_its_sender(settings):
    settings.PRIVACY_FEEDBACK_DAYS = 365
    feedback = FeedbackFactory(name="Erika", email="erika@example.org")
    anonymous = FeedbackFactory(name="", email="")
    assert run(later(364), "accessibility_feedback") == 0
    assert run(later(366), "accessibility_feedback") == 1
    feedback.refresh_from_db()
    assert (feedback.name, feedback.email) == ("", "")
    assert feedback.message and Feedback.objects.filter(pk=anonymous.pk).exists()


def test_reports_lose_their_reporter(settings):
    settings.PRIVACY_REPORT_DAYS = 365
    report = ReportFactory()
    assert report.reporter is not None
    assert run(later(364), "reports") == 0
    assert run(later(366), "reports") == 1
    report.refresh_from_db()
    assert report.reporter is None and report.reason
    assert Report.objects.count() == 1


def test_unconfirmed_sign_ups_expire_and_staff_accounts_stay(settings):
    settings.PRIVACY_UNCONFIRMED_ACCOUNT_DAYS = 7
    unconfirmed = UserFactory(verified=False)
    confirmed = UserFactory()
    made_by_staff = UserFactory(verified=False, is_staff=True)
    assert run(later(6), "account") == 0
    assert run(later(8), "account") == 1
    assert set(User.objects.all()) >= {confirmed, made_by_staff}
    assert not User.objects.filter(pk=unconfirmed.pk).exists()
    assert not EmailAddress.objects.filter(email=unconfirmed.email).exists()


def test_expired_sessions_are_cleared():
    session = SessionStore()
    session["visited"] = True
    session.create()
    assert run(timezone.now(), "sessions") == 0
    assert run(later(15), "sessions") == 1
    assert not Session.objects.exists()


def test_training_registrations_without_a_place_go_after_the_session(settings):
    settings.PRIVACY_TRAINING_DAYS = 90
    session = SessionFactory(capacity=1)
    attended = EnrolmentFactory(session=session, status=Enrolment.Status.CONFIRMED)
    EnrolmentFactory(session=session, status=Enrolment.Status.WAITING)
    EnrolmentFactory(session=session, status=Enrolment.Status.CANCELLED)
    after_session = session.end - timezone.now()
    assert run(timezone.now() + after_session + 89 * DAY, "training_enrolments") == 0
    assert run(timezone.now() + after_session + 91 * DAY, "training_enrolments") == 2
    assert list(Enrolment.objects.all()) == [attended]


def test_survey_invitations_forget_whom_they_went_to_after_the_survey_closed(settings):
    settings.PRIVACY_SURVEY_DAYS = 30
    survey = SurveyFactory(closes_at=later(5))
    person = UserFactory()
    invitation = InvitationFactory(survey=survey, user=person, draft={"fair": "4"})
    Respondent.objects.create(survey=survey, user=UserFactory())
    open_one = InvitationFactory(survey=SurveyFactory(closes_at=None), user=person)
    assert run(later(34), "survey_invitations") == 0
    assert run(later(36), "survey_invitations") == 2
    invitation.refresh_from_db()
    assert invitation.user is None and invitation.draft == {}
    assert Invitation.objects.filter(survey=survey).count() == 1
    assert not Respondent.objects.exists()
    open_one.refresh_from_db()
    assert open_one.user == person


def test_beat_runs_the_retention_every_night(settings):
    from mitwirken.celery import app

    app.loader.import_default_modules()
    entry = settings.CELERY_BEAT_SCHEDULE["privacy-retention"]
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {3}


def test_a_failing_rule_is_logged_and_the_others_still_run(monkeypatch, caplog):
    from mitwirken.privacy import services
    from mitwirken.privacy.registry import Processing

    def broken(now):
        raise RuntimeError("the disk is full")

    feedback = FeedbackFactory(name="Erika", email="erika@example.org")
    rows = [
        Processing("broken", "a", "b", "c", "d", "e", expire=broken),
        *processings(),
    ]
    monkeypatch.setattr(services, "processings", lambda: rows)
    changed = services.retention_run(now=later(400))
    assert "broken" not in changed and changed["accessibility_feedback"] == 1
    assert "Retention rule broken failed" in caplog.text
    feedback.refresh_from_db()
    assert feedback.email == ""
