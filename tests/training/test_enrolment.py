"""Registering for a session, the waiting list and its offers, cancelling: what a participant
and the next in line observe, and that a session never holds more people than places."""

import datetime
import os
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from mitwirken.notifications.models import Notification
from tests.factories.accounts import UserFactory
from tests.factories.pages import HomePageFactory
from tests.factories.training import EnrolmentFactory, SessionFactory
from training import rules, services
from training.models import Enrolment

pytestmark = pytest.mark.django_db


def mails_to(user, kind):
    return Notification.objects.filter(email=user.email, message__kind=kind)


def test_a_place_while_there_is_one_then_the_waiting_list(citizen):
    session = SessionFactory(capacity=1)
    first = services.enrolment_register(session=session, user=citizen)
    second_person = UserFactory()
    second = services.enrolment_register(session=session, user=second_person)

    assert first.status == Enrolment.Status.CONFIRMED
    assert second.status == Enrolment.Status.WAITING
    assert mails_to(citizen, "training.enrolment_confirmed").count() == 1
    assert mails_to(second_person, "training.waiting_list_joined").count() == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("twice", rules.ALREADY_ENROLLED),
        ("deadline", rules.DEADLINE_PASSED),
        ("internal", rules.INTERNAL_ONLY),
    ],
)
def test_refused_registrations_say_why_and_change_nothing(citizen, setup, message):
    session = SessionFactory(internal=setup == "internal")
    if setup == "twice":
        services.enrolment_register(session=session, user=citizen)
    now = session.registration_deadline if setup == "deadline" else None
    before = list(Enrolment.objects.values_list("pk", "status"))

    with pytest.raises(ValidationError) as error:
        services.enrolment_register(session=session, user=citizen, now=now)

    assert str(message) in error.value.messages[0]
    assert list(Enrolment.objects.values_list("pk", "status")) == before


def test_internal_sessions_take_city_addresses_and_staff_groups(ombudsstelle, settings):
    settings.TRAINING_STAFF_EMAIL_DOMAINS = ["stadtdo.de"]
    session = SessionFactory(internal=True)
    colleague = UserFactory(email="m.muster@stadtdo.de")

    assert rules.can_enrol(colleague, session) is None
    assert rules.can_enrol(ombudsstelle, session) is None


def test_a_freed_place_is_offered_to_the_first_in_line_who_confirms(citizen):
    session = SessionFactory(capacity=1)
    holder = EnrolmentFactory(session=session)
    first = services.enrolment_register(session=session, user=citizen)
    later = services.enrolment_register(session=session, user=UserFactory())

    services.enrolment_cancel(enrolment=holder)

    first.refresh_from_db()
    later.refresh_from_db()
    assert first.status == Enrolment.Status.OFFERED
    assert first.offered_until <= session.start
    assert later.status == Enrolment.Status.WAITING
    assert mails_to(citizen, "training.place_offered").count() == 1

    services.offer_confirm(enrolment=first)
    first.refresh_from_db()
    assert first.status == Enrolment.Status.CONFIRMED


def test_an_offer_not_taken_in_time_passes_to_the_next(citizen):
    session = SessionFactory(capacity=1)
    holder = EnrolmentFactory(session=session)
    first = services.enrolment_register(session=session, user=citizen)
    next_person = UserFactory()
    later = services.enrolment_register(session=session, user=next_person)
    services.enrolment_cancel(enrolment=holder)
    first.refresh_from_db()

    expired = services.offers_expire(now=first.offered_until + datetime.timedelta(seconds=1))

    first.refresh_from_db()
    later.refresh_from_db()
    assert expired == 1
    assert first.status == Enrolment.Status.CANCELLED
    assert later.status == Enrolment.Status.OFFERED
    assert mails_to(next_person, "training.place_offered").count() == 1
    with pytest.raises(ValidationError):
        services.offer_confirm(enrolment=first)


def test_leaving_the_waiting_list_offers_nothing(citizen):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session)
    waiting = services.enrolment_register(session=session, user=citizen)
    behind = services.enrolment_register(session=session, user=UserFactory())

    services.enrolment_cancel(enrolment=waiting)

    behind.refresh_from_db()
    assert behind.status == Enrolment.Status.WAITING


def test_registering_again_after_cancelling_queues_anew(citizen):
    session = SessionFactory(capacity=1)
    mine = services.enrolment_register(session=session, user=citizen)
    services.enrolment_cancel(enrolment=mine)
    other = services.enrolment_register(session=session, user=UserFactory())

    again = services.enrolment_register(session=session, user=citizen)

    assert again.pk == mine.pk
    assert again.status == Enrolment.Status.WAITING
    assert other.status == Enrolment.Status.CONFIRMED


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL: SQLite writes one at a time, so there is no race to test",
)
@pytest.mark.django_db(transaction=True)
def test_twenty_people_at_once_for_the_last_place_get_one_place(wagtail_rows):
    HomePageFactory()
    session = SessionFactory(capacity=3)
    EnrolmentFactory.create_batch(2, session=session)
    people = UserFactory.create_batch(20)
    barrier = threading.Barrier(len(people))
    errors = []

    def register(user):
        barrier.wait()
        try:
            services.enrolment_register(session=session, user=user)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = list(session.enrolments.values_list("status", flat=True))
    assert errors == []
    assert statuses.count(Enrolment.Status.CONFIRMED) == 3
    assert statuses.count(Enrolment.Status.WAITING) == 19
