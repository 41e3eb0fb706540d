from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "mitwirken.privacy"
    label = "privacy"
    verbose_name = _("Data protection")

    def ready(self):
        # views registers the privacy page's processing table. The Ombudsstelle edits the page
        # (controller, contact, data protection officer, rights) as every page below the home
        # page; the processing table comes from the code.
        from . import views  # noqa: F401
