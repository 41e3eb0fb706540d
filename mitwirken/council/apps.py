from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "mitwirken.council"
    label = "council"
    verbose_name = _("Council information (OParl)")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # The Ombudsstelle sets the OParl endpoint, watches the import and starts it by hand.
        editorial_register(
            ombudsstelle_permissions=[
                "council.change_councilsettings",
                "council.view_importrun",
                "council.add_importrun",
            ]
        )
