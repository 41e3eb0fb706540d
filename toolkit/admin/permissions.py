"""Who may handle suggestions and see the review report: Wagtail's page permissions on the
Instrumentenkoffer decide."""

from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .. import services


class SuggestionPermissionPolicy(BasePermissionPolicy):
    """Every action on suggestions needs Wagtail's permission to add formats below the
    Instrumentenkoffer."""

    def user_has_permission(self, user, action):
        return services.may_add_formats(user)

    def user_has_any_permission(self, user, actions):
        return services.may_add_formats(user)

    def users_with_any_permission(self, actions):
        return services.toolkit_editors()


def may_see_review_report(user) -> bool:
    index = services.toolkit_index()
    return index is not None and PagePermissionPolicy().user_has_any_permission_for_instance(
        user, ["add", "change", "publish"], index
    )
