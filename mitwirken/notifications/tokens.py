"""The signed links in mails: confirming a subscription and unsubscribing in one click."""

import datetime

from django.conf import settings
from django.core import signing

from .models import EmailSubscription, Notification

CONFIRM_SALT = "notifications.confirm"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


class InvalidToken(Exception):
    """A confirmation or unsubscribe link that is tampered with, expired or used up."""


def confirm_token(subscription: EmailSubscription) -> str:
    """Valid for NOTIFICATIONS_CONFIRM_DAYS, and only until a newer request replaces it."""
    payload = {"s": subscription.pk, "r": subscription.requested_at.isoformat()}
    return signing.dumps(payload, salt=CONFIRM_SALT)


def subscription_from_token(token: str) -> EmailSubscription:
    max_age = datetime.timedelta(days=settings.NOTIFICATIONS_CONFIRM_DAYS)
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from error
    subscription = EmailSubscription.objects.filter(pk=data.get("s")).first()
    if subscription is None or subscription.requested_at.isoformat() != data.get("r"):
        raise InvalidToken("no such request")
    return subscription


def unsubscribe_token(notification: Notification) -> str:
    return signing.dumps({"n": notification.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def notification_from_token(token: str) -> Notification:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from error
    row = (
        Notification.objects.select_related("message", "follow", "subscription", "user")
        .filter(pk=data.get("n"))
        .first()
    )
    if row is None:
        raise InvalidToken("no such notification")
    return row
