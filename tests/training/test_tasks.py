"""The timed mails of the training app and the feedback seam: what participants receive, once,
and what a receiver of ``session_ended`` is told."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from mitwirken.notifications.models import Notification
from tests.factories.accounts import UserFactory
from tests.factories.training import EnrolmentFactory, SessionFactory
from tests.helpers import ui
from training import services, signals, tasks
from training.models import Enrolment

pytestmark = pytest.mark.django_db


def mails(kind):
    return Notification.objects.filter(message__kind=kind)


def recipients(kind) -> set:
    return set(mails(kind).values_list("email", flat=True))


def tomorrow_at(hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# The reminder the day before ----------------------------------------------------------------


def test_the_day_before_everyone_with_a_place_is_reminded_once():
    session = SessionFactory(start=tomorrow_at(17))
    confirmed = EnrolmentFactory.create_batch(2, session=session)
    EnrolmentFactory(session=session, status=Enrolment.Status.WAITING)
    EnrolmentFactory(session=session, status=Enrolment.Status.CANCELLED)
    EnrolmentFactory(session=SessionFactory(start=tomorrow_at(17) + datetime.timedelta(days=1)))

    assert tasks.send_session_reminders() == 2
    assert tasks.send_session_reminders() == 0

    assert recipients("training.session_reminder") == {e.user.email for e in confirmed}
    reminder = mails("training.session_reminder").first().message
    assert session.module.title in reminder.subject
    assert session.module.title in reminder.text
    assert ui("If you cannot come, cancel here (no login needed):") in reminder.text


def test_whoever_registers_later_that_day_is_reminded_on_the_next_run(citizen):
    session = SessionFactory(start=tomorrow_at(17), registration_deadline=tomorrow_at(12))
    EnrolmentFactory(session=session)
    tasks.send_session_reminders()

    services.enrolment_register(session=session, user=citizen)

    assert tasks.send_session_reminders() == 1
    assert mails("training.session_reminder").count() == 2


# The online room's link ---------------------------------------------------------------------


def test_the_link_goes_to_confirmed_participants_shortly_before_the_start(settings):
    settings.TRAINING_LINK_HOURS = 2
    soon = timezone.now() + datetime.timedelta(hours=1)
    session = SessionFactory(start=soon, online_link="https://konferenz.example.org/raum-7")
    confirmed = EnrolmentFactory(session=session)
    EnrolmentFactory(session=session, status=Enrolment.Status.WAITING)
    EnrolmentFactory(session=session, status=Enrolment.Status.OFFERED)
    # Not yet due, without a link, in person: nothing.
    EnrolmentFactory(session=SessionFactory(start=timezone.now() + datetime.timedelta(hours=3)))
    EnrolmentFactory(session=SessionFactory(start=soon, online_link=""))
    EnrolmentFactory(session=SessionFactory(start=soon, mode="in_person", place="Rathaus"))

    assert tasks.send_online_links() == 1
    assert tasks.send_online_links() == 0

    assert recipients("training.online_link") == {confirmed.user.email}
    message = mails("training.online_link").get().message
    assert "https://konferenz.example.org/raum-7" in message.text
    assert "https://konferenz.example.org/raum-7" in message.html
    assert "raum-7" in message.attachment_content


def test_who_takes_a_place_after_the_links_went_out_gets_it_at_once(
    citizen, settings, django_capture_on_commit_callbacks
):
    settings.TRAINING_LINK_HOURS = 2
    start = timezone.now() + datetime.timedelta(hours=1)
    session = SessionFactory(
        start=start,
        registration_deadline=start - datetime.timedelta(minutes=15),
        online_link="https://konferenz.example.org/raum-9",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_register(session=session, user=citizen)

    links = [m for m in mail.outbox if "raum-9" in m.body]
    assert [m.to for m in links] == [[citizen.email]]


# Offers from the waiting list ---------------------------------------------------------------


def test_an_offer_not_confirmed_in_time_passes_on_by_the_periodic_task():
    session = SessionFactory(capacity=1)
    first = EnrolmentFactory(
        session=session,
        status=Enrolment.Status.OFFERED,
        offered_until=timezone.now() - datetime.timedelta(minutes=1),
    )
    behind = EnrolmentFactory(session=session, status=Enrolment.Status.WAITING)

    assert tasks.expire_offers() == 1

    first.refresh_from_db()
    behind.refresh_from_db()
    assert first.status == Enrolment.Status.CANCELLED
    assert behind.status == Enrolment.Status.OFFERED
    assert recipients("training.place_offered") == {behind.user.email}


# The feedback seam --------------------------------------------------------------------------


@pytest.fixture
def ended():
    """What ``session_ended`` was sent with, one dict per signal."""
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signals.session_ended.connect(receiver, weak=False, dispatch_uid="test-ended")
    yield received
    signals.session_ended.disconnect(dispatch_uid="test-ended")


def past_session(**kwargs):
    start = timezone.now() - datetime.timedelta(hours=5)
    return SessionFactory(
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_deadline=start - datetime.timedelta(days=1),
        **kwargs,
    )


def test_after_a_session_its_attendees_are_handed_on_once(ended):
    session = past_session()
    present = EnrolmentFactory(session=session, attended=True)
    EnrolmentFactory(session=session, attended=False)
    EnrolmentFactory(session=session, status=Enrolment.Status.CANCELLED)
    SessionFactory()  # not over yet

    assert tasks.request_feedback() == 1
    assert tasks.request_feedback() == 0

    assert [signal["session"].pk for signal in ended] == [session.pk]
    assert ended[0]["attendees"] == [present.user]
    session.refresh_from_db()
    assert session.feedback_requested_at is not None


def test_without_attendance_recorded_everyone_confirmed_counts_as_attendee(ended):
    session = past_session()
    confirmed = EnrolmentFactory.create_batch(2, session=session)
    EnrolmentFactory(session=session, status=Enrolment.Status.WAITING)

    services.session_feedback_request(session=session)

    assert {user.pk for user in ended[0]["attendees"]} == {e.user.pk for e in confirmed}


def test_a_failing_receiver_leaves_the_session_to_be_tried_again():
    session = past_session()

    def broken(sender, **kwargs):
        raise RuntimeError("survey not reachable")

    signals.session_ended.connect(broken, weak=False, dispatch_uid="test-broken")
    try:
        with pytest.raises(RuntimeError):
            services.session_feedback_request(session=session)
    finally:
        signals.session_ended.disconnect(dispatch_uid="test-broken")

    session.refresh_from_db()
    assert session.feedback_requested_at is None


def test_sessions_long_past_ask_for_no_feedback(ended):
    start = timezone.now() - datetime.timedelta(days=30)
    SessionFactory(
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_deadline=start - datetime.timedelta(days=1),
    )

    assert tasks.request_feedback() == 0
    assert ended == []


# The confirmation's calendar file -----------------------------------------------------------


def ics_of(message) -> str:
    (name, content, mimetype), *_rest = message.attachments
    assert name.endswith(".ics")
    assert mimetype == "text/calendar"
    return content


def test_the_confirmation_mail_carries_the_session_as_a_calendar_file(
    citizen, django_capture_on_commit_callbacks
):
    session = SessionFactory(place="", online_link="https://konferenz.example.org/geheim")

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_register(session=session, user=citizen)

    (confirmation,) = mail.outbox
    assert confirmation.to == [citizen.email]
    ics = ics_of(confirmation)
    assert "BEGIN:VEVENT" in ics
    assert f"SUMMARY:{session.module.title}" in ics
    [vevent] = icalendar.Calendar.from_ical(ics).events
    assert vevent.start == session.start.replace(microsecond=0)
    assert "geheim" not in ics


def test_a_confirmed_offer_carries_the_calendar_file_and_the_waiting_list_none(
    citizen, django_capture_on_commit_callbacks
):
    session = SessionFactory(capacity=1)
    holder = EnrolmentFactory(session=session)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.enrolment_register(session=session, user=citizen)
    assert mail.outbox[-1].attachments == []

    services.enrolment_cancel(enrolment=holder)
    waiting.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_confirm(enrolment=waiting)

    confirmations = [m for m in mail.outbox if m.attachments]
    assert [m.to for m in confirmations] == [[citizen.email]]
    assert f"SUMMARY:{session.module.title}" in ics_of(confirmations[0])


def test_the_calendar_file_speaks_the_participants_language(django_capture_on_commit_callbacks):
    person = UserFactory(language="en")
    session = SessionFactory(place="", module__title_en="Moderating digital dialogues")

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_register(session=session, user=person)

    assert "SUMMARY:Moderating digital dialogues" in ics_of(mail.outbox[0])


def test_beat_runs_each_timed_job_of_the_training_app(settings):
    from mitwirken.celery import app

    app.loader.import_default_modules()
    schedule = {
        key: entry
        for key, entry in settings.CELERY_BEAT_SCHEDULE.items()
        if key.startswith("training-")
    }
    assert {entry["task"] for entry in schedule.values()} == {
        "training.tasks.send_session_reminders",
        "training.tasks.send_online_links",
        "training.tasks.expire_offers",
        "training.tasks.request_feedback",
    }
    assert {entry["task"] for entry in schedule.values()} <= set(app.tasks)
    assert schedule["training-session-reminders"]["schedule"].hour == set(range(9, 21))
    assert schedule["training-expire-offers"]["schedule"] <= 300
