from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


class AccountsConfig(AppConfig):
    default = True
    name = "mitwirken.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # kinds registers the mail that a download of one's data is ready; signals removes the
        # download's file with its row.
        from . import kinds, signals  # noqa: F401

        # The Ombudsstelle answers data protection requests: a person's download of their data
        # and the deletion of their account, on their request (docs/privacy.md).
        editorial_register(ombudsstelle_permissions=["accounts.handle_data_requests"])


class WagtailUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's user management with our user's fields (display name, optional real name).

    Listed in INSTALLED_APPS instead of ``wagtail.users``; it stays Wagtail's app, only its user
    views come from ``mitwirken.accounts.admin.viewsets``.
    """

    default = False
    user_viewset = "mitwirken.accounts.admin.viewsets.UserViewSet"
