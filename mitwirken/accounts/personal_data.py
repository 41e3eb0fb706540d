"""What an account keeps of a person (``mitwirken.privacy.registry``)."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.models import ModelLogEntry

from mitwirken.privacy.exporting import iso
from mitwirken.privacy.registry import ExportPart, Processing

from .models import User
from .services import account_label, data_exports_expire


def unconfirmed_accounts_expire(now: datetime.datetime) -> int:
    """Sign-ups whose address was never confirmed: nobody could sign in with them. Accounts
    that staff made for a role (staff, superusers, members of a group) are left alone."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_UNCONFIRMED_ACCOUNT_DAYS)
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    unconfirmed = User.objects.filter(
        date_joined__lt=cutoff, is_staff=False, is_superuser=False, groups__isnull=True
    ).exclude(Exists(confirmed))
    _total, deleted = unconfirmed.delete()
    return deleted.get(User._meta.label, 0)


def sessions_expire(now: datetime.datetime) -> int:
    """Sessions past their expiry (what ``manage.py clearsessions`` does)."""
    _total, deleted = Session.objects.filter(expire_date__lt=now).delete()
    return deleted.get(Session._meta.label, 0)


def account_retention():
    days = settings.PRIVACY_UNCONFIRMED_ACCOUNT_DAYS
    return ngettext_lazy(
        "Until you delete your account. An account whose e-mail address was not confirmed "
        "within %(days)d day is deleted.",
        "Until you delete your account. An account whose e-mail address was not confirmed "
        "within %(days)d days is deleted.",
        days,
    ) % {"days": days}


def sessions_retention():
    days = settings.SESSION_COOKIE_AGE // (24 * 60 * 60)
    return ngettext_lazy(
        "Until you sign out, at most %(days)d day after your last visit; then deleted.",
        "Until you sign out, at most %(days)d days after your last visit; then deleted.",
        days,
    ) % {"days": days}


PROCESSING = [
    Processing(
        key="account",
        what=_(
            "Your account: e-mail address, password (only as a hash), display name "
            "(pseudonym), optional real name, language of e-mails, when you signed up and "
            "last signed in, the version of the privacy notice you were shown."
        ),
        purpose=_("Signing in; taking part under your pseudonym; e-mails about what you follow."),
        legal_basis=_(
            "Art. 6(1)(e) and (3) GDPR with § 3 DSG NRW (the city involves its citizens)."
        ),
        retention=account_retention,
        recipients=_(
            "Publicly only your display name. The Ombudsstelle sees the account in the "
            "administration, never the password."
        ),
        expire=unconfirmed_accounts_expire,
    ),
    Processing(
        key="sessions",
        what=_(
            "A cookie with a random key and, on the server, whether and as whom you are "
            "signed in. No tracking and no cookies of others."
        ),
        purpose=_("Keeping you signed in; protecting forms against forgery."),
        legal_basis=_(
            "Art. 6(1)(e) GDPR; § 25(2) no. 2 TDDDG (strictly necessary, so no consent)."
        ),
        retention=sessions_retention,
        recipients=_("Nobody: only the portal's software reads it."),
        expire=sessions_expire,
    ),
]


# Download of one's data


def _data_exports_retention():
    return _(
        "%(days)s days after it is ready; a request that never finished as long after it was made."
    ) % {"days": settings.PRIVACY_EXPORT_DAYS}


def _data_exports_expire(now) -> int:

    return data_exports_expire(now)


PROCESSING.append(
    Processing(
        key="data_exports",
        what=_("Downloads of one's own data: the ZIP file, when it was asked for and by whom"),
        purpose=_("To give a person the data the portal stores about them, on their request."),
        legal_basis=_("Art. 15 and 20 GDPR with Art. 6(1)(c) GDPR (legal obligation)"),
        retention=_data_exports_retention,
        recipients=_(
            "Only the person, after logging in; the Ombudsstelle when it prepared the download "
            "on the person's request."
        ),
        expire=_data_exports_expire,
    )
)


def account_export(user):

    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    yield ExportPart(
        "account",
        {
            "email": user.email,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in addresses
            ],
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "privacy_version": user.privacy_version,
        },
    )
    yield ExportPart(
        "consents",
        [
            {
                "consent": "privacy_notice",
                "version": user.privacy_version,
                "given_at": iso(user.date_joined),
                "context": "sign_up",
            }
        ]
        if user.privacy_version
        else [],
    )
    yield ExportPart(
        "data_exports",
        [
            {
                "requested_at": iso(export.created_at),
                "finished_at": iso(export.finished_at),
                "requested_by_staff": export.requested_by_id is not None,
            }
            for export in user.data_exports.order_by("created_at", "pk")
        ],
    )


# Deletion of the account


def account_erase(user, emails) -> None:
    """The admin's earlier log entries about the account (created or edited by staff) keep
    what happened, named by the account's number instead of its name or address."""

    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user, for_concrete_model=False),
        object_id=str(user.pk),
    ).update(label=account_label(user))
