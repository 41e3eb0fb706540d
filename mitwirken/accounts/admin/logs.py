"""How the admin's log shows a deleted account: who deleted it, and the staff's reason."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


class AccountDeletedFormatter(LogFormatter):
    label = _("Delete account")

    def format_message(self, log_entry):
        if log_entry.data.get("by") == "staff":
            return _("Account deleted by staff on the person's request")
        return _("Account deleted by its owner")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")
