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
