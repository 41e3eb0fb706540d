from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # generations begins a new training generation when sessions or their places change
        # (cached pages show them); kinds registers the kinds of notification this app sends;
        # views the pages' contexts and routes.
        from . import generations, kinds, views  # noqa: F401

        # The Ombudsstelle edits the Schulungen (modules below the index), the trainers and the
        # sessions, and sees and exports who registered.
        editorial_register(
            ombudsstelle_pages=["training.TrainingIndexPage"],
            ombudsstelle_snippets=["training.Trainer"],
            ombudsstelle_permissions=SESSION_PERMISSIONS,
        )


#: What the Ombudsstelle may do with sessions and their participants.
SESSION_PERMISSIONS = [
    *(f"training.{action}_session" for action in ("add", "change", "delete", "view")),
    "training.view_enrolment",
    "training.change_enrolment",
    "training.export_enrolment",
]
