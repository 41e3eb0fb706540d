from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "mitwirken.privacy"
    label = "privacy"
    verbose_name = _("Data protection")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # views registers the privacy page's processing table.
        from . import views  # noqa: F401

        # The Ombudsstelle edits the privacy page (controller, contact, data protection officer,
        # rights); the processing table comes from the code.
        editorial_register(ombudsstelle_pages=["privacy.PrivacyPage"])
