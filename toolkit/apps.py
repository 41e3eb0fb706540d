from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register
        from mitwirken.web import generations

        # kinds registers the kinds of notification this app sends; views the pages' contexts
        # and routes.
        from . import kinds, views  # noqa: F401

        # The Ombudsstelle edits the Instrumentenkoffer and the format categories.
        editorial_register(
            ombudsstelle_pages=["toolkit.ToolkitIndexPage"],
            ombudsstelle_snippets=["toolkit.FormatCategory"],
            ombudsstelle_permissions=["toolkit.change_toolkitsettings"],
        )
        # The format pages and filters show the categories (ToolkitSettings only sets the
        # staff's review reminders): the page cache begins anew when one is saved.
        generations.begin_on_save(generations.PAGES, "toolkit.FormatCategory")
