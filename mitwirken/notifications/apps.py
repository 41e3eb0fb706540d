from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "mitwirken.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # The Ombudsstelle watches the outbox and sends a failed mail again.
        editorial_register(
            ombudsstelle_permissions=[
                "notifications.view_notification",
                "notifications.change_notification",
            ]
        )
