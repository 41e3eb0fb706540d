"""Who may do what in participation's back office."""

from wagtail.permission_policies.base import BasePermissionPolicy

from ..services import moderation

EXPORT_PERMISSION = "participation.export_contributions"
#: Formal statements carry names and addresses: staff see them, and open their attachments,
#: with this permission only.
STATEMENT_VIEW_PERMISSION = "participation.view_statement"


class ModerationPermissionPolicy(BasePermissionPolicy):
    """Reports, the queue and its actions: everything needs the permission to moderate."""

    def user_has_permission(self, user, action):
        return user.is_active and user.has_perm(moderation.MODERATE_PERMISSION)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return moderation.moderators()
