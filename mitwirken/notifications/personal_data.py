"""What the notifications keep of a person (``mitwirken.privacy.registry``)."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.models import Page

from mitwirken.accounts.sections import AccountSection, latest
from mitwirken.accounts.selectors import addresses_of
from mitwirken.privacy.erasure import address_q
from mitwirken.privacy.exporting import iso, page_ref
from mitwirken.privacy.registry import ExportPart, Processing

from .kinds import KINDS
from .models import EmailSubscription, Follow, Message, Notification, Preference
from .services import subscriptions_expire


def mails_expire(now: datetime.datetime) -> int:
    """Outbox rows sent (or given up) longer ago than ``PRIVACY_MAIL_DAYS``, and the rendered
    messages no row needs any more. Rows still to be sent stay, however old."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_MAIL_DAYS)
    done = [Notification.Status.SENT, Notification.Status.DIGESTED, Notification.Status.FAILED]
    _total, deleted = Notification.objects.filter(status__in=done, created_at__lt=cutoff).delete()
    orphans = Message.objects.filter(created_at__lt=cutoff).exclude(
        Exists(Notification.objects.filter(message=OuterRef("pk")))
    )
    _total, messages = orphans.delete()
    return deleted.get(Notification._meta.label, 0) + messages.get(Message._meta.label, 0)


def mails_retention():
    days = settings.PRIVACY_MAIL_DAYS
    return ngettext_lazy(
        "Deleted %(days)d day after sending.",
        "Deleted %(days)d days after sending.",
        days,
    ) % {"days": days}


def subscriptions_retention():
    days = settings.NOTIFICATIONS_CONFIRM_DAYS
    return ngettext_lazy(
        "Until you unsubscribe (a link in every e-mail) or delete your account. A request not "
        "confirmed within %(days)d day is deleted.",
        "Until you unsubscribe (a link in every e-mail) or delete your account. A request not "
        "confirmed within %(days)d days is deleted.",
        days,
    ) % {"days": days}


PROCESSING = [
    Processing(
        key="subscriptions",
        what=_(
            "E-mail subscriptions: your e-mail address, what you subscribed to, the language, "
            "the version of the consent text, when you asked and when you confirmed."
        ),
        purpose=_("Sending you news about the district, topic or procedure you chose."),
        legal_basis=_("Art. 6(1)(a) GDPR: your consent, confirmed by you (double opt-in)."),
        retention=subscriptions_retention,
        recipients=_("The Ombudsstelle (numbers and addresses in the administration)."),
        expire=lambda now: subscriptions_expire(now=now),
    ),
    Processing(
        key="follows",
        what=_("What you follow with your account, and how often you want e-mails of each kind."),
        purpose=_("Telling you about what you follow, as often as you chose."),
        legal_basis=_("Art. 6(1)(a) GDPR: your choice, which you change at any time."),
        retention=_("Until you change it or delete your account."),
        recipients=_("Nobody but you."),
    ),
    Processing(
        key="mails",
        what=_(
            "E-mails to you: your address, subject, text, when they were sent and whether "
            "delivery failed."
        ),
        purpose=_(
            "Sending each e-mail reliably: again after an error, never twice; answering "
            "questions about a mail."
        ),
        legal_basis=_("Art. 6(1)(e) GDPR with § 3 DSG NRW; for subscriptions Art. 6(1)(a) GDPR."),
        retention=mails_retention,
        recipients=_("The portal's operations, when a mail could not be delivered."),
        expire=mails_expire,
    ),
]


# Download of one's data


def _target(target) -> dict:
    """What a follow or subscription is about: its type, title and address."""

    if target is None:
        return {"type": "", "title": "", "url": ""}
    if isinstance(target, Page):
        return {"type": str(target._meta.verbose_name), **page_ref(target)}
    return {"type": str(target._meta.verbose_name), "title": str(target), "url": ""}


def account_export(user):

    follows = Follow.objects.filter(user=user).prefetch_related("target").order_by("created_at")
    yield ExportPart(
        "follows",
        [{**_target(follow.target), "since": iso(follow.created_at)} for follow in follows],
    )
    preferences = Preference.objects.filter(user=user).order_by("kind")
    yield ExportPart(
        "notification_preferences",
        [
            {
                "kind": preference.kind,
                "label": str(KINDS[preference.kind].label) if preference.kind in KINDS else "",
                "frequency": preference.frequency,
            }
            for preference in preferences
        ],
    )
    addresses = addresses_of(user)
    subscriptions = (
        EmailSubscription.objects.filter(address_q("email", addresses))
        .prefetch_related("target")
        .order_by("requested_at", "pk")
    )
    yield ExportPart(
        "email_subscriptions",
        [
            {
                "email": subscription.email,
                **_target(subscription.target),
                "language": subscription.language,
                "consent_version": subscription.consent_version,
                "requested_at": iso(subscription.requested_at),
                "confirmed_at": iso(subscription.confirmed_at),
            }
            for subscription in subscriptions
        ],
    )
    since = timezone.now() - datetime.timedelta(days=settings.PRIVACY_MAIL_DAYS)
    mails = (
        Notification.objects.filter(status=Notification.Status.SENT, sent_at__gte=since)
        .filter(Q(user=user) | address_q("email", addresses))
        .select_related("message")
        .order_by("sent_at", "pk")
    )
    yield ExportPart(
        "mails",
        [
            {
                "subject": mail.message.subject,
                "kind": mail.message.kind,
                "sent_at": iso(mail.sent_at),
            }
            for mail in mails
        ],
    )


# The account page


def account_sections(user) -> list:
    """What the person follows (all of it on ``notifications:overview``) and the e-mail
    subscriptions confirmed for their verified addresses, the latest first."""

    def shown(row):
        target = row.target
        return {
            "row": row,
            "target": target,
            "type": capfirst(target._meta.verbose_name) if target is not None else "",
            "url": target.get_url() if isinstance(target, Page) else "",
        }

    follows = latest(
        Follow.objects.filter(user=user).prefetch_related("target").order_by("-created_at", "-pk")
    )
    # Only addresses the person has confirmed: an address added but not confirmed may be
    # someone else's, whose subscriptions are not theirs to see.
    addresses = (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(address=Lower("email"))
        .values("address")
    )
    subscriptions = latest(
        EmailSubscription.objects.filter(email__in=addresses, confirmed_at__isnull=False)
        .prefetch_related("target")
        .order_by("-confirmed_at", "-pk")
    )
    for found in (follows, subscriptions):
        found["items"] = [shown(row) for row in found["items"]]
    return [
        AccountSection(
            key="follows",
            title=_("What you follow"),
            template="notifications/account/follows.html",
            context={"follows": follows},
            order=50,
        ),
        AccountSection(
            key="subscriptions",
            title=_("Your e-mail subscriptions"),
            template="notifications/account/subscriptions.html",
            context={"subscriptions": subscriptions},
            order=60,
        ),
    ]


# Deletion of the account


def account_erase(user, emails) -> None:
    """Follows and preferences go, and the e-mail subscriptions of each of the addresses; so do
    the outbox's rows to the person or to one of the addresses, sent or not, and every rendered
    message that no other row still uses."""

    rows = Notification.objects.filter(Q(user=user) | address_q("email", emails))
    messages = set(rows.values_list("message_id", flat=True))
    rows.delete()
    Follow.objects.filter(user=user).delete()
    Preference.objects.filter(user=user).delete()
    EmailSubscription.objects.filter(address_q("email", emails)).delete()
    Message.objects.filter(pk__in=messages, notifications__isnull=True).delete()
