"""The account rule every citizen action starts with: signed in, with a confirmed address.

Rules return ``None`` when the action is allowed, else the reason why not, as a translated
sentence people can read (see ``participation.rules``).
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .selectors import is_verified

Reason = Promise | str | None

#: What a visitor hears unless the rule words it for its action.
LOG_IN = _("Please log in to take part.")


def account_reason(user, *, log_in: Reason = LOG_IN) -> Reason:
    """``None`` when ``user`` is signed in with a confirmed e-mail address, else what they must
    do first. ``log_in`` is what a visitor hears, worded for the action."""
    if user is None or not user.is_authenticated:
        return log_in
    if not is_verified(user):
        return _("Please confirm your e-mail address first: we sent you a link.")
    return None
