"""Writes of the notifications app. Other apps call ``notify``; nothing else sends mail."""

import datetime
import hashlib
import logging
import smtplib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail as django_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from mitwirken.web.links import site_root_url

from .keys import occurrence_key, recipient_key, recipients_prefix
from .kinds import SUBSCRIPTION_CONFIRM, Kind, get_kind, kind_check
from .mail import Attachment, email_build, message_render
from .models import (
    DEFAULT_FREQUENCY,
    EmailSubscription,
    Follow,
    Frequency,
    Notification,
    Preference,
)
from .selectors import announced
from .tokens import (  # noqa: F401 - InvalidToken is part of this module's API
    InvalidToken,
    confirm_token,
    notification_from_token,
    subscription_from_token,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BATCH_SIZE = 200


def _queue_sending() -> None:
    from .tasks import send_pending

    # robust: a broker outage must not fail the citizen's request; beat's sweep sends later.
    transaction.on_commit(send_pending.delay, robust=True)


# Events -------------------------------------------------------------------------------------


def notify(kind: Kind, *, target, key: str, context: dict, url="", actor=None) -> int:
    """Write an outbox row for everyone who follows ``target`` or subscribed to it.

    ``kind`` is a registered ``Kind`` constant of the sending app's ``kinds.py``; anything else
    is refused. Runs in the caller's transaction: when that rolls back, nothing is written and
    nothing sent. ``key`` names this occurrence of the event (e.g. ``"news:42"``); with it, a
    second call for the same occurrence writes nothing, so each recipient hears of it once
    (``selectors.announced`` tells whether it was). ``context`` is rendered into
    ``notifications/email/<kind>*`` once per language (``url`` may be a callable giving the
    link in the active language); ``actor`` is not told of their own action.
    Returns the number of recipients.
    """
    kind_check(kind)
    content_type = ContentType.objects.get_for_model(target)
    follows = (
        Follow.objects.filter(content_type=content_type, object_id=target.pk, user__is_active=True)
        .exclude(user__notifications__idempotency_key__startswith=recipients_prefix(kind, key))
        .select_related("user")
    )
    if actor is not None:
        follows = follows.exclude(user=actor)
    subscriptions = EmailSubscription.objects.filter(
        content_type=content_type, object_id=target.pk, confirmed_at__isnull=False
    )
    follows, subscriptions = list(follows), list(subscriptions)
    preferences = dict(
        Preference.objects.filter(
            kind=kind.key, user__in=[follow.user_id for follow in follows]
        ).values_list("user_id", "frequency")
    )
    messages = {}

    def message(language):
        if language not in messages:
            messages[language] = message_render(
                kind=kind.key, language=language, context={**context, "target": target}, url=url
            )
        return messages[language]

    rows = []
    for follow in follows:
        frequency = preferences.get(follow.user_id, DEFAULT_FREQUENCY)
        if not kind.digestible:
            frequency = Frequency.IMMEDIATELY
        if frequency == Frequency.OFF:
            continue
        rows.append(
            Notification(
                message=message(follow.user.language),
                user=follow.user,
                follow=follow,
                reason="follow",
                email=follow.user.email,
                frequency=frequency,
                status=_initial_status(frequency),
                idempotency_key=recipient_key(kind, key, f"u{follow.user_id}"),
            )
        )
    subscriber_frequency = DEFAULT_FREQUENCY if kind.digestible else Frequency.IMMEDIATELY
    for subscription in subscriptions:
        # Keyed by address: who subscribed to a news item's district and its topic hears once.
        address = hashlib.sha256(subscription.email.encode()).hexdigest()[:20]
        rows.append(
            Notification(
                message=message(subscription.language),
                subscription=subscription,
                reason="subscription",
                email=subscription.email,
                frequency=subscriber_frequency,
                status=_initial_status(subscriber_frequency),
                idempotency_key=recipient_key(kind, key, f"e{address}"),
            )
        )
    created = Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    if any(row.status == Notification.Status.PENDING for row in rows):
        _queue_sending()
    return len(created)


def _initial_status(frequency: str) -> str:
    if frequency == Frequency.IMMEDIATELY:
        return Notification.Status.PENDING
    return Notification.Status.WAITING


def notify_address(
    kind: Kind,
    *,
    email: str,
    language: str,
    key: str,
    context: dict,
    url="",
    reply_to: str = "",
    attachment: Attachment | None = None,
    **links,
) -> Notification:
    """Queue one mail to one address at once (confirmations, receipts, staff alerts), with
    ``attachment`` (a ``mail.Attachment``, such as a calendar entry) when given.

    ``kind`` is a registered ``Kind`` constant; ``key`` names this mail: a second call with it
    writes nothing."""
    kind_check(kind)
    row, created = Notification.objects.get_or_create(
        idempotency_key=occurrence_key(kind, key),
        defaults={
            "message": message_render(
                kind=kind.key,
                language=language,
                context=context,
                url=url,
                reply_to=reply_to,
                attachment=attachment,
            ),
            "email": email,
            "frequency": Frequency.IMMEDIATELY,
            **links,
        },
    )
    if created:
        _queue_sending()
    return row


def notify_recipients(kind: Kind, *, recipients, key: str, context: dict, url="") -> int:
    """Queue one mail to each of ``recipients`` (``(email, language, user)`` triples, as
    ``mitwirken.editorial.selectors.staff_recipients`` gives them), once per ``key`` and address.

    Returns how many were written now (0 when called again)."""
    written = 0
    for email, language, user in recipients:
        address_key = f"{key}:{email}"
        if announced(kind=kind, key=address_key):
            continue
        links = {"user": user} if user is not None else {}
        notify_address(
            kind, email=email, language=language, key=address_key, context=context, url=url, **links
        )
        written += 1
    return written


# Sending ------------------------------------------------------------------------------------


def _due():
    now = timezone.now()
    return Q(status=Notification.Status.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def notifications_send_pending(*, batch_size: int = BATCH_SIZE, limit: int | None = None) -> int:
    """Send every due outbox row, a batch at a time over one SMTP connection.

    Each batch is locked with SKIP LOCKED, so two workers never take the same row; a row is
    marked sent in the same transaction. An SMTP error puts the row back with a growing delay;
    after MAX_ATTEMPTS it is marked failed for staff to see. Returns the number of mails sent.
    """
    sent = 0
    while limit is None or sent < limit:
        with transaction.atomic():
            rows = list(
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(_due())
                .select_related("message")
                .order_by("pk")[:batch_size]
            )
            if not rows:
                break
            sent += _send_batch(rows)
    return sent


def _send_batch(rows: list[Notification]) -> int:
    now = timezone.now()
    sent, done, retry = 0, [], []
    try:
        connection = django_mail.get_connection()
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        for row in rows:
            _mark_failed_attempt(row, error)
        Notification.objects.bulk_update(
            rows, ["status", "attempts", "last_error", "next_attempt_at"]
        )
        return 0
    root = site_root_url()
    try:
        for row in rows:
            try:
                email_build(row, connection=connection, root=root).send()
            except (smtplib.SMTPException, OSError) as error:
                _mark_failed_attempt(row, error)
                retry.append(row)
            else:
                done.append(row.pk)
                sent += 1
    finally:
        connection.close()
    if done:
        # One UPDATE for the whole batch: bulk_update builds a CASE per field and row in Python.
        Notification.objects.filter(pk__in=done).update(
            status=Notification.Status.SENT,
            sent_at=now,
            attempts=F("attempts") + 1,
            last_error="",
            next_attempt_at=None,
        )
    if retry:
        Notification.objects.bulk_update(
            retry, ["status", "attempts", "last_error", "next_attempt_at"]
        )
    return sent


def _mark_failed_attempt(row: Notification, error: Exception) -> None:
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= MAX_ATTEMPTS:
        row.status, row.next_attempt_at = Notification.Status.FAILED, None
        logger.error("Notification %s failed for good: %s", row.pk, row.last_error)
    else:
        delay = datetime.timedelta(minutes=2 ** (row.attempts - 1))
        row.next_attempt_at = timezone.now() + delay


def notification_resend(*, notification: Notification) -> Notification:
    """Staff send a failed row again: it becomes pending with a fresh count of attempts."""
    notification.status = Notification.Status.PENDING
    notification.attempts, notification.next_attempt_at, notification.last_error = 0, None, ""
    notification.save(update_fields=["status", "attempts", "next_attempt_at", "last_error"])
    _queue_sending()
    return notification


# Digests ------------------------------------------------------------------------------------


def digests_build(*, frequency: str) -> int:
    """Group each recipient's waiting rows of this frequency into one digest mail.

    The rows are locked and marked as digested in the digest's transaction, so nothing is in two
    digests. Returns the number of digests written.
    """
    recipients = (
        Notification.objects.filter(status=Notification.Status.WAITING, frequency=frequency)
        .order_by()  # without the model's ordering, DISTINCT is per recipient
        .values_list("user_id", "subscription_id")
        .distinct()
    )
    written = 0
    for user_id, subscription_id in list(recipients):
        with transaction.atomic():
            items = list(
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(
                    status=Notification.Status.WAITING,
                    frequency=frequency,
                    user_id=user_id,
                    subscription_id=subscription_id,
                )
                .select_related("message", "user", "subscription")
                .order_by("pk")
            )
            if not items:
                continue
            first = items[0]
            language = first.user.language if first.user else first.subscription.language
            digest = Notification.objects.create(
                message=message_render(
                    kind="digest",
                    language=language,
                    context={"items": [item.message for item in items], "frequency": frequency},
                ),
                user=first.user,
                subscription=first.subscription,
                reason="digest",
                email=first.email,
                frequency=frequency,
                idempotency_key=f"digest:{frequency}:{items[0].pk}-{items[-1].pk}:{first.email}",
            )
            Notification.objects.filter(pk__in=[item.pk for item in items]).update(
                status=Notification.Status.DIGESTED, digest=digest
            )
            written += 1
    if written:
        _queue_sending()
    return written


# Follows, preferences, subscriptions ------------------------------------------------------


def follow_create(*, user, target) -> Follow:
    follow, _created = Follow.objects.get_or_create(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
    )
    return follow


def follow_delete(*, user, follow_id: int) -> bool:
    deleted, _ = Follow.objects.filter(user=user, pk=follow_id).delete()
    return bool(deleted)


def preference_set(*, user, kind: str, frequency: str) -> Preference:
    get_kind(kind)
    if frequency not in Frequency.values:
        raise ValueError(f"Unknown frequency {frequency!r}")
    preference, _created = Preference.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )
    return preference


def subscription_request(*, email: str, target, language: str) -> EmailSubscription:
    """Store the request and mail a confirmation link; nothing is sent to it before that.

    Asked again for the same address and target within NOTIFICATIONS_RESEND_MINUTES, it sends
    nothing: the first link still works. Already confirmed, it changes and sends nothing."""
    subscription, created = EmailSubscription.objects.get_or_create(
        email=email.strip().lower(),
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        defaults={"language": language, "consent_version": settings.NOTIFICATIONS_CONSENT_VERSION},
    )
    if subscription.confirmed_at is None:
        if not created:
            resend_after = subscription.requested_at + datetime.timedelta(
                minutes=settings.NOTIFICATIONS_RESEND_MINUTES
            )
            if timezone.now() < resend_after:
                # The mail sent a moment ago is on its way and its link still works.
                return subscription
            # A later request renews the consent and the link; an old link stops working.
            subscription.language = language
            subscription.consent_version = settings.NOTIFICATIONS_CONSENT_VERSION
            subscription.requested_at = timezone.now()
            subscription.save(update_fields=["language", "consent_version", "requested_at"])
        token = confirm_token(subscription)
        with translation.override(language):
            from django.urls import reverse

            url = reverse("notifications:confirm", args=[token])
        notify_address(
            SUBSCRIPTION_CONFIRM,
            email=subscription.email,
            language=language,
            key=f"s{subscription.pk}:{subscription.requested_at.isoformat()}",
            context={
                "target": target,
                "confirm_days": settings.NOTIFICATIONS_CONFIRM_DAYS,
            },
            url=url,
            subscription=subscription,
        )
    return subscription


def subscription_confirm(*, token: str) -> EmailSubscription:
    subscription = subscription_from_token(token)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscriptions_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete requests never confirmed within the confirmation period."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.NOTIFICATIONS_CONFIRM_DAYS)
    _total, deleted = EmailSubscription.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=cutoff
    ).delete()
    return deleted.get(EmailSubscription._meta.label, 0)


def unsubscribe(*, token: str) -> str:
    """Stop what sent the mail behind this one-click link; returns what was stopped, to show."""
    from django.utils.translation import gettext as _

    row = notification_from_token(token)
    if row.subscription is not None:
        target = row.subscription.target
        row.subscription.delete()
        return _("You will no longer receive e-mails about %(target)s.") % {"target": target}
    if row.reason == "follow":
        if row.follow is None:
            return _("You had already stopped following this.")
        target = row.follow.target
        row.follow.delete()
        return _("You no longer follow %(target)s.") % {"target": target}
    if row.user is not None and row.reason == "digest":
        kinds = set(row.items.values_list("message__kind", flat=True))
        for kind in kinds:
            preference_set(user=row.user, kind=kind, frequency=Frequency.OFF)
        return _("You will no longer receive this digest.")
    if row.user is not None and get_kind(row.message.kind).digestible:
        preference_set(user=row.user, kind=row.message.kind, frequency=Frequency.OFF)
        return _("You will no longer receive e-mails of this kind.")
    return _("There is nothing to stop for this e-mail.")
