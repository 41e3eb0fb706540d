"""The notifications the accounts app sends (imported in ``AccountsConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.kinds import register_kind

#: The download of one's data is ready. Always sent at once, whatever the person's preferences:
#: they asked for it (or staff did on their request).
DATA_EXPORT_READY = register_kind(
    "accounts.data_export_ready", _("The download of my data is ready"), digestible=False
)
