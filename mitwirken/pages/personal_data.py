"""What the pages keep of a person (``mitwirken.privacy.registry``)."""

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mitwirken.accounts.selectors import addresses_of
from mitwirken.privacy.erasure import address_q
from mitwirken.privacy.exporting import iso
from mitwirken.privacy.registry import ExportPart, Processing

from .models import Feedback


def feedback_expire(now: datetime.datetime) -> int:
    """Name and e-mail address of accessibility feedback older than ``PRIVACY_FEEDBACK_DAYS``;
    the message stays for the accessibility statement's record."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_FEEDBACK_DAYS)
    return (
        Feedback.objects.filter(created_at__lt=cutoff)
        .exclude(name="", email="")
        .update(name="", email="")
    )


def feedback_retention():
    days = settings.PRIVACY_FEEDBACK_DAYS
    return ngettext_lazy(
        "Name and e-mail address are deleted %(days)d day after we received the message; "
        "the message stays.",
        "Name and e-mail address are deleted %(days)d days after we received the message; "
        "the message stays.",
        days,
    ) % {"days": days}


PROCESSING = [
    Processing(
        key="accessibility_feedback",
        what=_(
            "Feedback on barriers: your message, the page it was sent from, and if you gave "
            "them, your name and e-mail address."
        ),
        purpose=_("Removing the barrier and answering you (the feedback mechanism)."),
        legal_basis=_(
            "Art. 6(1)(c) and (e) GDPR with the Act on Equal Opportunities for People with "
            "Disabilities of North Rhine-Westphalia (BGG NRW) and the BITV NRW."
        ),
        retention=feedback_retention,
        recipients=_("The Ombudsstelle."),
        expire=feedback_expire,
    ),
]


# Download of one's data


def account_export(user):
    """Accessibility feedback sent from any of the person's addresses (the form needs no
    account)."""

    addresses = addresses_of(user)
    feedback = Feedback.objects.filter(address_q("email", addresses)).order_by("created_at", "pk")
    yield ExportPart(
        "accessibility_feedback",
        [
            {
                "name": row.name,
                "email": row.email,
                "message": row.message,
                "page_url": row.page_url,
                "language": row.language,
                "created_at": iso(row.created_at),
                "status": row.status,
                "answer": row.answer,
                "answered_at": iso(row.answered_at),
            }
            for row in feedback
        ],
    )


# Deletion of the account


def account_erase(user, emails) -> None:
    """Accessibility feedback sent from one of the account's addresses stays, without the
    sender's name and address."""

    Feedback.objects.filter(address_q("email", emails)).update(name="", email="")
