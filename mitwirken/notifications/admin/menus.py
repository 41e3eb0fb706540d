"""The admin menu "Notifications": outbox, follows and e-mail subscriptions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .viewsets import EmailSubscriptionViewSet, FollowViewSet, OutboxViewSet


class NotificationsViewSetGroup(ModelViewSetGroup):
    items = (OutboxViewSet, FollowViewSet, EmailSubscriptionViewSet)
    menu_label = _("Notifications")
    menu_icon = "mail"
    menu_name = "notifications"
    menu_order = 800
