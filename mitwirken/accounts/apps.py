from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


class AccountsConfig(AppConfig):
    default = True
    name = "mitwirken.accounts"
    label = "accounts"
    verbose_name = _("Accounts")


class WagtailUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's user management with our user's fields (display name, optional real name).

    Listed in INSTALLED_APPS instead of ``wagtail.users``; it stays Wagtail's app, only its user
    views come from ``mitwirken.accounts.admin.viewsets``.
    """

    default = False
    user_viewset = "mitwirken.accounts.admin.viewsets.UserViewSet"
