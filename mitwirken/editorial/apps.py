from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "mitwirken.editorial"
    label = "editorial"

    def ready(self):
        # checks validates what the apps register; signals grants the page permissions of what
        # they register and switches a district's publishing when a workflow is assigned.
        from . import checks, signals  # noqa: F401
        from .registry import editorial_register

        # The Ombudsstelle switches the review of a district on and off in Wagtail's workflow
        # settings.
        editorial_register(ombudsstelle_permissions=["wagtailcore.change_workflow"])
