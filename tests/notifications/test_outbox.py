"""The outbox: rows written with the event, sent after commit, never lost, never twice."""

import smtplib

import pytest
from django.core import mail
from django.db import transaction

from mitwirken.notifications import services
from mitwirken.notifications.kinds import Kind
from mitwirken.notifications.models import Frequency, Message, Notification
from mitwirken.notifications.selectors import announced
from mitwirken.notifications.services import (
    follow_create,
    notify,
    notify_address,
    notify_recipients,
    preference_set,
)
from mitwirken.pages.kinds import FEEDBACK_RECEIVED, NEWS_PUBLISHED

pytestmark = pytest.mark.django_db


def announce(target, key="news:1", title="Neue Radwege in Hörde", **kwargs):
    return notify(
        NEWS_PUBLISHED,
        target=target,
        key=key,
        context={"page": {"title": title, "summary": "Die Stadt plant drei neue Radwege."}},
        url="/aktuelles/radwege/",
        **kwargs,
    )


def test_the_row_is_written_in_the_events_transaction(user_factory, district):
    follow_create(user=user_factory(), target=district)
    with transaction.atomic():
        announce(district)
        assert Notification.objects.count() == 1


def test_nothing_is_written_when_the_event_rolls_back(user_factory, district):
    follow_create(user=user_factory(), target=district)
    with pytest.raises(RuntimeError), transaction.atomic():
        announce(district)
        raise RuntimeError("the event failed")
    assert Notification.objects.count() == 0


def test_followers_get_a_daily_digest_row_by_default(user_factory, district):
    person = user_factory()
    follow_create(user=person, target=district)
    announce(district)
    row = Notification.objects.get()
    assert (row.user, row.email, row.frequency, row.status, row.reason) == (
        person,
        person.email,
        "daily",
        "waiting",
        "follow",
    )
    assert mail.outbox == []


def test_the_same_occurrence_reaches_each_person_once(user_factory, district, topic):
    person = user_factory()
    follow_create(user=person, target=district)
    follow_create(user=person, target=topic)
    announce(district)
    announce(topic)
    announce(district)
    assert Notification.objects.filter(user=person).count() == 1


@pytest.mark.parametrize(
    "kind",
    ["news.published", Kind(key="news.published", label="News"), Kind(key="unknown", label="?")],
)
def test_notify_refuses_a_kind_that_is_not_a_registered_constant(kind, user_factory, district):
    follow_create(user=user_factory(), target=district)
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify(kind, target=district, key="news:1", context={})
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify_address(kind, email="a@example.org", language="de", key="x", context={})
    assert Notification.objects.count() == 0
    assert Message.objects.count() == 0


def test_an_occurrence_is_announced_once_written_for_anyone(user_factory, district):
    assert not announced(kind=NEWS_PUBLISHED, key="news:1")
    announce(district)  # nobody follows yet: nothing written
    assert not announced(kind=NEWS_PUBLISHED, key="news:1")
    follow_create(user=user_factory(), target=district)
    announce(district)
    assert announced(kind=NEWS_PUBLISHED, key="news:1")
    assert not announced(kind=NEWS_PUBLISHED, key="news:2")
    assert not announced(kind=FEEDBACK_RECEIVED, key="news:1")
    assert not announced(kind=NEWS_PUBLISHED, key="new")  # part of a step, not a whole one


def test_a_mail_to_one_address_is_announced_under_its_key_and_its_beginning():
    notify_address(
        FEEDBACK_RECEIVED,
        email="staff@example.org",
        language="de",
        key="feedback:7:staff@example.org",
        context={"feedback": {"pk": 7, "message": "Hallo"}},
    )
    assert announced(kind=FEEDBACK_RECEIVED, key="feedback:7:staff@example.org")
    assert announced(kind=FEEDBACK_RECEIVED, key="feedback:7")
    assert not announced(kind=FEEDBACK_RECEIVED, key="feedback:70")


def test_staff_recipients_get_one_mail_each_once_per_key(user_factory):
    staff = user_factory(email="ombudsstelle@example.org", language="en")
    recipients = [("postfach@example.org", "de", None), (staff.email, staff.language, staff)]
    context = {"feedback": {"pk": 8, "message": "Die Rampe fehlt."}}

    def send():
        return notify_recipients(
            FEEDBACK_RECEIVED, recipients=recipients, key="feedback:8", context=context
        )

    assert send() == 2
    assert send() == 0
    rows = Notification.objects.order_by("email")
    assert [(row.email, row.user) for row in rows] == [
        ("ombudsstelle@example.org", staff),
        ("postfach@example.org", None),
    ]
    assert announced(kind=FEEDBACK_RECEIVED, key="feedback:8:postfach@example.org")


def test_the_actor_inactive_people_and_those_who_switched_off_hear_nothing(user_factory, district):
    actor, inactive, silent = user_factory(), user_factory(is_active=False), user_factory()
    for person in (actor, inactive, silent):
        follow_create(user=person, target=district)
    preference_set(user=silent, kind="news.published", frequency=Frequency.OFF)
    announce(district, actor=actor)
    assert Notification.objects.count() == 0


def test_immediate_mail_is_sent_after_commit_with_one_click_unsubscribe(
    user_factory, district, django_capture_on_commit_callbacks
):
    person = user_factory(language="en")
    follow_create(user=person, target=district)
    preference_set(user=person, kind="news.published", frequency=Frequency.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        announce(district)
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [person.email]
    assert sent.subject == "News for Hörde: Neue Radwege in Hörde"
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = sent.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http://testserver/en/")
    assert unsubscribe in sent.body
    html = sent.alternatives[0].content
    assert "Neue Radwege in Hörde" in html and "http://testserver/aktuelles/radwege/" in html
    row = Notification.objects.get()
    assert row.status == "sent" and row.sent_at is not None and row.attempts == 1


def test_german_recipients_get_german_mail(
    user_factory, district, django_capture_on_commit_callbacks
):
    person = user_factory(language="de")
    follow_create(user=person, target=district)
    preference_set(user=person, kind="news.published", frequency=Frequency.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        announce(district)
    assert mail.outbox[0].subject == "Neues für Hörde: Neue Radwege in Hörde"


def test_smtp_errors_are_retried_with_backoff_then_marked_failed(
    user_factory, district, monkeypatch
):
    person = user_factory()
    follow_create(user=person, target=district)
    preference_set(user=person, kind="news.published", frequency=Frequency.IMMEDIATELY)
    announce(district)

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPDataError(451, "try again later")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert services.notifications_send_pending() == 0
    row = Notification.objects.get()
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.next_attempt_at is not None and "451" in row.last_error

    # Not due yet: a second run leaves it alone.
    services.notifications_send_pending()
    row.refresh_from_db()
    assert row.attempts == 1

    for _ in range(services.MAX_ATTEMPTS - 1):
        Notification.objects.update(next_attempt_at=None)
        services.notifications_send_pending()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", services.MAX_ATTEMPTS)
    assert mail.outbox == []


def test_a_resent_failed_row_is_delivered(user_factory, django_capture_on_commit_callbacks):
    row = Notification.objects.create(
        message=services.message_render(
            kind="news.published",
            language="de",
            context={"page": {"title": "Bürgerforum"}, "target": "Eving"},
        ),
        email="a@example.org",
        status="failed",
        attempts=services.MAX_ATTEMPTS,
        idempotency_key="x",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.notification_resend(notification=row)
    row.refresh_from_db()
    assert row.status == "sent"
    assert len(mail.outbox) == 1


def test_news_published_in_a_district_notifies_its_followers(
    user_factory, home_page, news_index_page_factory, news_page_factory, district
):
    person = user_factory()
    follow_create(user=person, target=district)
    index = news_index_page_factory()
    news = news_page_factory.build(
        title="Stadtteilfest in Hörde", slug="stadtteilfest", date="2026-11-27"
    )
    news.title_de, news.slug_de = news.title, news.slug
    index.add_child(instance=news)
    news.districts.set([district])
    news.save_revision().publish()

    row = Notification.objects.get()
    assert row.user == person and row.message.subject == "Neues für Hörde: Stadtteilfest in Hörde"
    assert row.message.url == "http://testserver/aktuelles/stadtteilfest/"
