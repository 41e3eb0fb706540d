"""Followers of a procedure hear of new phases and of published results, each once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from mitwirken.notifications.models import Notification, Preference
from mitwirken.notifications.services import follow_create
from participation.services.results import phases_announce
from participation.tasks import announce_phases

pytestmark = pytest.mark.django_db


def phase(start_days: int, end_days: int, title: str) -> dict:
    now = timezone.now()
    return {
        "title": title,
        "kind": "consultation",
        "start": now + datetime.timedelta(days=start_days),
        "end": now + datetime.timedelta(days=end_days),
    }


@pytest.fixture
def follower(user_factory):
    person = user_factory(email="folgt@example.org")
    Preference.objects.create(
        user=person, kind="participation.phase_started", frequency="immediately"
    )
    Preference.objects.create(
        user=person, kind="participation.results_published", frequency="immediately"
    )
    return person


def test_followers_hear_of_a_new_phase_once(
    procedure_page_factory, follower, user, django_capture_on_commit_callbacks
):
    procedure = procedure_page_factory(
        phases=[
            phase(-20, -1, "Information"),
            phase(-1, 20, "Ideen sammeln"),
            phase(20, 30, "Ende"),
        ]
    )
    follow_create(user=follower, target=procedure)

    with django_capture_on_commit_callbacks(execute=True):
        assert announce_phases.delay().get() == 1
        assert phases_announce() == 0

    [message] = mail.outbox
    assert message.to == ["folgt@example.org"]
    assert "Ideen sammeln" in message.subject
    assert procedure.title in message.subject
    assert user.email not in [m.to[0] for m in mail.outbox]


def test_a_phase_that_starts_later_is_announced_when_it_starts(procedure_page_factory, follower):
    procedure = procedure_page_factory(phases=[phase(2, 20, "Später")])
    follow_create(user=follower, target=procedure)

    assert phases_announce() == 0
    assert phases_announce(now=timezone.now() + datetime.timedelta(days=2, hours=1)) == 1


def test_followers_hear_of_published_results_once(
    procedure_page_factory, follower, django_capture_on_commit_callbacks
):
    procedure = procedure_page_factory(phases=[phase(-40, -10, "Vorbei")])
    follow_create(user=follower, target=procedure)
    procedure.save_revision().publish()  # no results yet: nothing to tell
    assert not Notification.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        procedure.results = "<p>Der Rat hat drei Vorschläge übernommen.</p>"
        procedure.save_revision().publish()
        procedure.results = "<p>Der Rat hat drei Vorschläge übernommen. Korrigiert.</p>"
        procedure.save_revision().publish()

    [message] = mail.outbox
    assert message.to == ["folgt@example.org"]
    assert procedure.title in message.subject
