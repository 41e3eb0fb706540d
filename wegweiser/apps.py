from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WegweiserConfig(AppConfig):
    name = "wegweiser"
    verbose_name = _("Wegweiser")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # views registers the pages' contexts and routes with the page kit.
        from . import views  # noqa: F401

        # The Ombudsstelle edits the Wegweiser and the Stadtbezirke; each Bezirksvertretung the
        # hub of its own district (its sessions, its text).
        editorial_register(
            ombudsstelle_pages=["wegweiser.WegweiserPage", "wegweiser.DistrictHubIndexPage"],
            district_pages=["wegweiser.DistrictHubPage"],
        )
