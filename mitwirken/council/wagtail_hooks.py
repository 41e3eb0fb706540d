"""Registers the OParl import's staff view (``admin/``) in the settings menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin.menus import ImportRunsMenuItem
from .admin.views import URL_NAME, ImportRunsView


@hooks.register("register_admin_urls")
def register_urls():
    return [path("council/imports/", ImportRunsView.as_view(), name=URL_NAME)]


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ImportRunsMenuItem(_("OParl import"), reverse(URL_NAME), icon_name="cogs", order=900)
