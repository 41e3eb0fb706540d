from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WegweiserConfig(AppConfig):
    name = "wegweiser"
    verbose_name = _("Wegweiser")
