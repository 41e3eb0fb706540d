from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "mitwirken.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        # views registers the open data page's datasets and dictionary. The Ombudsstelle edits
        # the page (introduction, licence) as every page below the home page.
        from . import views  # noqa: F401
