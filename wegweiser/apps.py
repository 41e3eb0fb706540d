from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WegweiserConfig(AppConfig):
    name = "wegweiser"
    verbose_name = _("Wegweiser")

    def ready(self):
        # signals keeps the editors' page permissions in step with the page tree.
        from . import signals  # noqa: F401
