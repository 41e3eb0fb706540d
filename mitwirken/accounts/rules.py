"""The account rule every citizen action starts with: signed in, with a confirmed address.

Rules return ``None`` when the action is allowed, else the reason why not, as a translated
sentence people can read (see ``participation.rules``).
"""

from django.core.exceptions import ValidationError
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


# Deletion of the account

STAFF_ACCOUNT = _(
    "This account belongs to the staff of the portal. Staff accounts are deleted in the admin "
    "under Settings, Users."
)


def can_delete_account(user) -> Reason:
    """A person deletes their own account here, and the Ombudsstelle a person's on request;
    accounts of the staff (``is_staff``, superusers, members of a group) are deleted in
    Wagtail's Users, where their roles are."""
    if user.is_staff or user.is_superuser or user.groups.exists():
        return STAFF_ACCOUNT
    return None


def require_account_deletable(user) -> None:
    """Raise a ValidationError with the reason when ``user``'s account may not be deleted."""
    reason = can_delete_account(user)
    if reason:
        raise ValidationError(reason, code="accounts.delete")
