"""What the toolkit registers with Wagtail: its log actions, the suggestions' permission policy,
its menu group, the report of formats due for review and its dashboard panel (all in
``toolkit/admin/``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import services
from .admin import dashboard, urls
from .admin.menus import ReviewReportMenuItem, ToolkitViewSetGroup
from .admin.permissions import SuggestionPermissionPolicy
from .admin.reports import REPORT_URL_NAME, ReviewDueReportView
from .models import FormatSuggestion

register_permission_policy(
    FormatSuggestion, SuggestionPermissionPolicy(FormatSuggestion), exact_class=True
)
register_snippet(ToolkitViewSetGroup)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        services.ACCEPT_ACTION, _("Draft format created"), _("Draft format created")
    )
    actions.register_action(
        services.DECLINE_ACTION, _("Suggestion declined"), _("Suggestion declined")
    )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Formats due for review"),
        reverse(REPORT_URL_NAME),
        icon_name=ReviewDueReportView.header_icon,
        order=800,
    )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return urls.urlpatterns


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request))
