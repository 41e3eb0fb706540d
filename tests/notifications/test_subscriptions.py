"""Double opt-in for visitors without an account, and one-click unsubscribe."""

import datetime

import pytest
from django.core import mail, signing
from django.utils import timezone

from mitwirken.notifications import services
from mitwirken.notifications.mail import unsubscribe_token
from mitwirken.notifications.models import EmailSubscription, Follow, Notification
from mitwirken.notifications.services import InvalidToken, notify, subscription_request
from mitwirken.pages.kinds import NEWS_PUBLISHED

pytestmark = pytest.mark.django_db


def confirmation_token() -> str:
    body = mail.outbox[-1].body
    path = body.split("http://testserver")[1].split()[0]
    return path.rstrip("/").split("/")[-1]


def test_a_request_stores_consent_and_mails_a_confirmation_link(
    district, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscription = subscription_request(
            email="Nachbarin@Example.org", target=district, language="de"
        )
    assert subscription.email == "nachbarin@example.org"
    assert subscription.confirmed_at is None and subscription.requested_at is not None
    assert subscription.consent_version == settings.NOTIFICATIONS_CONSENT_VERSION
    assert mail.outbox[0].to == ["nachbarin@example.org"]
    assert "Hörde" in mail.outbox[0].subject


def test_nothing_is_sent_before_confirmation_and_all_after(
    district, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="de")
    notify(NEWS_PUBLISHED, target=district, key="news:1", context={"page": {"title": "Vorher"}})
    assert not Notification.objects.filter(reason="subscription").exists()

    services.subscription_confirm(token=confirmation_token())
    notify(NEWS_PUBLISHED, target=district, key="news:2", context={"page": {"title": "Nachher"}})
    row = Notification.objects.get(reason="subscription")
    assert row.email == "a@example.org" and row.message.subject.endswith("Nachher")
    subscription = EmailSubscription.objects.get()
    assert subscription.confirmed_at >= subscription.requested_at


def test_a_tampered_confirmation_token_changes_nothing(
    district, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="de")
    token = confirmation_token()
    with pytest.raises(InvalidToken):
        services.subscription_confirm(
            token=token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        )
    forged = signing.dumps({"s": EmailSubscription.objects.get().pk, "r": "x"}, salt="other")
    with pytest.raises(InvalidToken):
        services.subscription_confirm(token=forged)
    assert EmailSubscription.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_is_refused_and_the_request_expires(
    district, settings, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="de")
    token = confirmation_token()
    later = timezone.now() + datetime.timedelta(days=settings.NOTIFICATIONS_CONFIRM_DAYS, seconds=5)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    with pytest.raises(InvalidToken):
        services.subscription_confirm(token=token)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    assert services.subscriptions_expire() == 1
    assert not EmailSubscription.objects.exists()


def test_a_new_request_after_the_resend_window_replaces_the_old_link(
    district, django_capture_on_commit_callbacks, monkeypatch, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="de")
    old = confirmation_token()
    later = timezone.now() + datetime.timedelta(minutes=settings.NOTIFICATIONS_RESEND_MINUTES + 1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="en")
    assert len(mail.outbox) == 2 and "Please confirm" in mail.outbox[1].subject
    with pytest.raises(InvalidToken):
        services.subscription_confirm(token=old)
    services.subscription_confirm(token=confirmation_token())
    assert EmailSubscription.objects.get().language == "en"


def test_a_request_repeated_within_the_resend_window_sends_nothing_and_keeps_the_link(
    district, django_capture_on_commit_callbacks, monkeypatch, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="de")
    first = confirmation_token()
    soon = timezone.now() + datetime.timedelta(minutes=settings.NOTIFICATIONS_RESEND_MINUTES - 1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: soon)
    with django_capture_on_commit_callbacks(execute=True):
        subscription_request(email="a@example.org", target=district, language="en")

    assert len(mail.outbox) == 1
    assert services.subscription_confirm(token=first).confirmed_at is not None


def test_one_click_unsubscribe_stops_the_follow_and_says_so(user_factory, district):
    person = user_factory()
    services.follow_create(user=person, target=district)
    notify(NEWS_PUBLISHED, target=district, key="news:1", context={"page": {"title": "x"}})
    token = unsubscribe_token(Notification.objects.get())

    assert services.unsubscribe(token=token) == "Sie folgen Hörde nicht mehr."
    assert not Follow.objects.exists()
    assert services.unsubscribe(token=token) == "Sie folgen dem bereits nicht mehr."


def test_one_click_unsubscribe_ends_an_email_subscription(district):
    subscription = EmailSubscription.objects.create(
        email="a@example.org",
        content_type_id=services.ContentType.objects.get_for_model(district).pk,
        object_id=district.pk,
        language="de",
        consent_version="2026-11",
        confirmed_at=timezone.now(),
    )
    notify(NEWS_PUBLISHED, target=district, key="news:1", context={"page": {"title": "x"}})
    row = Notification.objects.get(subscription=subscription)
    said = services.unsubscribe(token=unsubscribe_token(row))
    assert "Hörde" in said
    assert not EmailSubscription.objects.exists()


def test_a_tampered_unsubscribe_token_changes_nothing(user_factory, district):
    services.follow_create(user=user_factory(), target=district)
    notify(NEWS_PUBLISHED, target=district, key="news:1", context={"page": {"title": "x"}})
    token = unsubscribe_token(Notification.objects.get())
    with pytest.raises(InvalidToken):
        services.unsubscribe(token=token + "x")
    with pytest.raises(InvalidToken):
        services.unsubscribe(token=signing.dumps({"n": 999999}, salt="notifications.unsubscribe"))
    assert Follow.objects.count() == 1


def test_an_address_subscribed_to_a_district_and_a_topic_hears_once(district, topic):
    for target in (district, topic):
        EmailSubscription.objects.create(
            email="a@example.org",
            content_type_id=services.ContentType.objects.get_for_model(target).pk,
            object_id=target.pk,
            language="de",
            consent_version="2026-11",
            confirmed_at=timezone.now(),
        )
    for target in (district, topic):
        notify(NEWS_PUBLISHED, target=target, key="news:1", context={"page": {"title": "x"}})
    assert Notification.objects.filter(email="a@example.org").count() == 1
