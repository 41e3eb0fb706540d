from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "mitwirken.places"
    label = "places"
    verbose_name = _("Places and topics")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # The Stadtbezirke and topics every app uses are the Ombudsstelle's to keep.
        editorial_register(ombudsstelle_snippets=["places.District", "places.Topic"])
