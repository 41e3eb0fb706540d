"""What accounts registers with Wagtail: the downloads of one's data and the deletion of an
account in the "Data protection" menu, their admin URLs and the log action of a deleted account
(all in ``admin/``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin import urls
from .admin.data_requests import URL_NAME, DataRequestsMenuItem
from .admin.deletion import URL_NAME as DELETE_URL_NAME
from .admin.logs import AccountDeletedFormatter
from .selectors import DELETE_ACTION


@hooks.register("register_privacy_menu_item")
def register_data_exports_menu_item():
    return DataRequestsMenuItem(
        _("Downloads of one's data"), reverse(URL_NAME), icon_name="download", order=100
    )


@hooks.register("register_privacy_menu_item")
def register_delete_menu_item():
    return DataRequestsMenuItem(
        _("Delete an account"), reverse(DELETE_URL_NAME), icon_name="bin", order=200
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return urls.urlpatterns


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(DELETE_ACTION)(AccountDeletedFormatter)
