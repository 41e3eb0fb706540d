"""Delivery on the real services: a Celery worker on Redis, a broker outage, racing senders."""

import os
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from django.db import connection, connections, transaction

from mitwirken.celery import app as celery_app
from mitwirken.notifications import services
from mitwirken.notifications.models import Frequency, Notification
from mitwirken.notifications.services import follow_create, notify, preference_set
from mitwirken.notifications.tasks import send_pending
from mitwirken.pages.kinds import NEWS_PUBLISHED

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs the real Redis (REDIS_URL)"
)
needs_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="row locks with SKIP LOCKED need PostgreSQL",
)


def wait_for(condition, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def immediate_follower(user_factory, target):
    person = user_factory()
    follow_create(user=person, target=target)
    preference_set(user=person, kind="news.published", frequency=Frequency.IMMEDIATELY)
    return person


def announce(target, key):
    notify(NEWS_PUBLISHED, target=target, key=key, context={"page": {"title": key}})


@pytest.mark.services
@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_what_was_queued_after_commit(user_factory, district, celery_broker):
    person = immediate_follower(user_factory, district)
    celery_broker(settings.CELERY_BROKER_URL)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with transaction.atomic():
            announce(district, "news:1")
        assert wait_for(lambda: Notification.objects.filter(status="sent").exists())
    assert [m.to for m in mail.outbox] == [[person.email]]


@pytest.mark.services
@needs_redis
@pytest.mark.django_db(transaction=True)
def test_the_sweep_delivers_after_a_broker_outage(user_factory, district, celery_broker):
    person = immediate_follower(user_factory, district)
    # The broker is down when the event happens: the row is stored, the request does not fail.
    celery_broker("redis://127.0.0.1:1/0")
    with transaction.atomic():
        announce(district, "news:1")
    row = Notification.objects.get()
    assert row.status == "pending" and mail.outbox == []

    # The broker is back: beat's sweep runs on a real worker and sends the waiting row.
    celery_broker(settings.CELERY_BROKER_URL)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        send_pending.delay()
        assert wait_for(lambda: Notification.objects.filter(status="sent").exists())
    assert [m.to for m in mail.outbox] == [[person.email]]


@pytest.mark.services
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_racing_senders_send_each_row_once(user_factory, district, monkeypatch):
    people = [immediate_follower(user_factory, district) for _ in range(60)]
    monkeypatch.setattr(services, "_queue_sending", lambda: None)  # the senders below take them
    with transaction.atomic():
        announce(district, "news:1")
    assert Notification.objects.filter(status="pending").count() == 60

    real_send = services.email_build

    def slow_build(*args, **kwargs):
        time.sleep(0.005)  # let the two senders overlap
        return real_send(*args, **kwargs)

    monkeypatch.setattr(services, "email_build", slow_build)
    start = threading.Barrier(2)
    counts = []

    def sender():
        try:
            start.wait()
            counts.append(services.notifications_send_pending(batch_size=10))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(counts) == 60 and all(count > 0 for count in counts)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(person.email for person in people)
    assert Notification.objects.filter(status="sent").count() == 60
    assert connection.vendor == "postgresql"
