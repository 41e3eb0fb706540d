"""Registers the notifications admin (``admin/``) with Wagtail: its log action, its menu and
its panel on the dashboard."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin import dashboard
from .admin.menus import NotificationsViewSetGroup
from .admin.views import RESEND_ACTION


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(RESEND_ACTION, _("Re-send"), _("Queued to be sent again"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NotificationsViewSetGroup()


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request.user))
