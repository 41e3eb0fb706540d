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
    first_name: str | None = None,
    last_name: str | None = None,
) -> User:
    """Change what the person says about themselves: the public display name, the language of
    their mails and, where given, the optional real name (never public). ``None`` leaves a
    field as it is; an unknown language too. One row, one statement."""
    fields = {"display_name": _line(display_name)}
    if language in dict(settings.LANGUAGES):
        fields["language"] = language
    if first_name is not None:
        fields["first_name"] = _line(first_name)
    if last_name is not None:
        fields["last_name"] = _line(last_name)
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    return user


def _line(text: str) -> str:
    """A name as shown: without invisible format characters and surrounding spaces."""
    return strip_format_controls(text).strip()


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
