"""What accounts registers with Wagtail: the downloads of one's data in the "Data protection"
menu, and their admin URLs (all in ``admin/``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin import urls
from .admin.data_requests import URL_NAME, DataRequestsMenuItem


@hooks.register("register_privacy_menu_item")
def register_data_exports_menu_item():
    return DataRequestsMenuItem(
        _("Downloads of one's data"), reverse(URL_NAME), icon_name="download", order=100
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return urls.urlpatterns
