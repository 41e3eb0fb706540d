"""The notifications the toolkit sends (imported in ``ToolkitConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.kinds import register_kind

REVIEW_DUE = register_kind(
    "toolkit.review_due",
    _("Reminder: a toolkit format is due for review (staff)"),
    digestible=False,
)
SUGGESTION_CREATED = register_kind(
    "toolkit.suggestion_created",
    _("New format suggested for the toolkit (staff)"),
    digestible=False,
)
