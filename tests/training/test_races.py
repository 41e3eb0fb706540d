"""Twenty people press "Register" for the last place at the same moment, through the live
server on PostgreSQL: one gets it, nineteen are put on the waiting list, nobody sees a server
error; the same person's button pressed twenty times at once gives one place."""

import pytest
from django.test import Client

from tests.factories.accounts import UserFactory
from tests.factories.pages import HomePageFactory
from tests.factories.training import (
    EnrolmentFactory,
    SessionFactory,
    TrainingIndexPageFactory,
)
from tests.participation.test_races import CONCURRENT, all_at_once, login_cookies, postgresql_only
from training.models import Enrolment


@pytest.fixture
def live_session(live_server, wagtail_rows):
    HomePageFactory()
    TrainingIndexPageFactory()
    session = SessionFactory(capacity=3)
    EnrolmentFactory.create_batch(2, session=session)  # one place left
    return session


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_twenty_people_at_once_for_the_last_place(live_server, live_session, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "training.enrol": (20, 3600, 1000)}
    module = live_session.module
    url = f"{live_server.url}{module.url}termin/{live_session.pk}/anmelden/"
    # A client each: logging another person in on one client would end the session before.
    cookies = [login_cookies(Client(), module, UserFactory()) for _ in range(CONCURRENT)]

    statuses = all_at_once([(url, cookie, None) for cookie in cookies])

    assert statuses == [302] * CONCURRENT
    assert live_session.enrolments.filter(status__in=Enrolment.HOLDS_PLACE).count() == 3
    assert live_session.enrolments.filter(status=Enrolment.Status.WAITING).count() == 19


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_one_persons_button_twenty_times_at_once_gives_one_place(client, live_server, live_session):
    module = live_session.module
    url = f"{live_server.url}{module.url}termin/{live_session.pk}/anmelden/"
    cookies = login_cookies(client, module, UserFactory())

    statuses = all_at_once([(url, cookies, None)] * CONCURRENT)

    assert statuses == [302] * CONCURRENT
    assert live_session.enrolments.count() == 3
