"""The notifications the pages app sends."""

from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.kinds import register_kind

NEWS_PUBLISHED = register_kind("news.published", _("News about what I follow"))
FEEDBACK_RECEIVED = register_kind(
    "feedback.received", _("Feedback on accessibility (staff)"), digestible=False
)
FEEDBACK_ANSWERED = register_kind(
    "feedback.answered", _("Answer to my feedback on accessibility"), digestible=False
)
