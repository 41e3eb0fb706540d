from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction

from mitwirken.text import strip_format_controls

from .models import User


def user_update(
    *,
    user: User,
    display_name: str,
    language: str | None = None,
    privacy_version: str | None = None,
) -> User:
    """The display name and the language of mails; at sign-up also the version of the privacy
    notice the form showed (``privacy_version``)."""
    user.display_name = strip_format_controls(display_name).strip()
    fields = ["display_name", "language"]
    if language in dict(settings.LANGUAGES):
        user.language = language
    if privacy_version is not None:
        user.privacy_version = privacy_version
        fields.append("privacy_version")
    user.save(update_fields=fields)
    return user


@transaction.atomic
def user_email_sync(*, user: User) -> None:
    """Make ``user.email``, as staff set it in the admin, the only address the account has.

    Old addresses no longer log in. A new address is unverified: allauth asks its owner to confirm
    it at the next login.
    """
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    address, _created = EmailAddress.objects.get_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email, "verified": False, "primary": True},
    )
    if not address.primary:
        address.primary = True
        address.save(update_fields=["primary"])
