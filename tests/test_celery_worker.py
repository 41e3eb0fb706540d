"""A real Celery worker on the real Redis delivers what the portal queues after commit."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from django.db import transaction

from mitwirken.celery import app as celery_app
from mitwirken.notifications.models import Notification
from mitwirken.pages.models import Feedback
from mitwirken.pages.services import feedback_create

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the real Redis (REDIS_URL)"),
]


@pytest.fixture
def redis_worker():
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url")}
    celery_app.conf.update(task_always_eager=False, broker_url=settings.REDIS_URL)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        celery_app.conf.update(saved)


def wait_for(condition, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_feedback_mail_goes_through_redis_and_a_worker(redis_worker, settings):
    settings.STAFF_EMAIL = "ombudsstelle@dortmund.example"
    with transaction.atomic():
        feedback = feedback_create(message="Der Kontrast der Links ist zu schwach.")

    assert wait_for(lambda: Notification.objects.filter(status="sent").exists())
    assert f"#{feedback.pk}" in mail.outbox[0].subject
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ombudsstelle@dortmund.example"]
    assert "Der Kontrast der Links ist zu schwach." in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_nothing_is_queued_when_the_transaction_rolls_back(redis_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        feedback_create(message="Wird verworfen.")
        raise RuntimeError("rollback")

    time.sleep(1)
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_training_confirmation_with_its_calendar_file_goes_through_a_worker(
    redis_worker, wagtail_rows
):
    from tests.factories.accounts import UserFactory
    from tests.factories.pages import HomePageFactory
    from tests.factories.training import SessionFactory
    from training.services import enrolment_register

    HomePageFactory()
    session = SessionFactory(place="")
    person = UserFactory()
    with transaction.atomic():
        enrolment_register(session=session, user=person)

    assert wait_for(lambda: Notification.objects.filter(status="sent").exists())
    (confirmation,) = mail.outbox
    assert confirmation.to == [person.email]
    ((name, content, mimetype),) = confirmation.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert f"SUMMARY:{session.module.title}" in content
