"""Reads about accounts that other apps' rules share."""


def is_verified(user) -> bool:
    """Signed in, active, with a confirmed e-mail address (allauth). Cached on the user object
    for the rest of the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    verified = getattr(user, "_email_verified", None)
    if verified is None:
        from allauth.account.models import EmailAddress

        verified = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._email_verified = verified
    return verified


def addresses_of(user) -> set[str]:
    """The confirmed e-mail addresses of ``user``'s account, lower-cased: what they sent or
    subscribed to without logging in is found by these. Never an unconfirmed one: anyone may
    add someone else's address to their account."""
    from allauth.account.models import EmailAddress

    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {email.lower() for email in emails}


def data_export_latest(*, user):
    """The person's latest download of their data that is still kept, or ``None``: what the
    form on the account page shows (being prepared, or ready until when)."""
    from .models import DataExport

    if user is None or not user.is_authenticated:
        return None
    return DataExport.objects.filter(user=user).order_by("-created_at", "-pk").first()


# Deletion of the account

#: The admin's log action of a deleted account (registered in ``wagtail_hooks``).
DELETE_ACTION = "accounts.delete"


def account_deletions(*, limit: int = 20):
    """The admin's log of the latest deleted accounts, newest first, with the staff member."""
    from wagtail.models import ModelLogEntry

    return (
        ModelLogEntry.objects.filter(action=DELETE_ACTION)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
