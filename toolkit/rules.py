"""Who may do what in the Instrumentenkoffer, as in ``participation.rules``: a rule returns
``None`` when the action is allowed, else the reason why not, to show. The services check it
before they store anything."""

from django.utils.translation import gettext_lazy as _

from mitwirken.accounts.rules import Reason, account_reason


def can_suggest(user) -> Reason:
    """``None`` when ``user`` may suggest a format, else the reason why not, to show."""
    return account_reason(user, log_in=_("Please log in to suggest a format."))
