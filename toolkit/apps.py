from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit")

    def ready(self):
        # kinds registers the kinds of notification this app sends.
        from . import kinds  # noqa: F401
