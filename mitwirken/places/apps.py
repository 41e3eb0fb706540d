from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "mitwirken.places"
    label = "places"
    verbose_name = _("Places and topics")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register
        from mitwirken.web import generations

        # The Stadtbezirke and topics every app uses are the Ombudsstelle's to keep.
        editorial_register(ombudsstelle_snippets=["places.District", "places.Topic"])
        # Pages show them (names, the hubs' residents): the page cache begins anew when saved.
        generations.begin_on_save(generations.PAGES, "places.District", "places.Topic")
