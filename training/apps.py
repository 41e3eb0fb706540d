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
        # sessions, and sees and exports who registered. The Schulungsleitung (trainers) edits
        # and records attendance in the sessions it gives only (``admin.permissions``).
        editorial_register(
            ombudsstelle_pages=["training.TrainingIndexPage"],
            ombudsstelle_snippets=["training.Trainer"],
            ombudsstelle_permissions=SESSION_PERMISSIONS,
            trainer_permissions=TRAINER_PERMISSIONS,
        )


#: What the Ombudsstelle may do with sessions and their participants.
SESSION_PERMISSIONS = [
    *(f"training.{action}_session" for action in ("add", "change", "delete", "view")),
    "training.view_enrolment",
    "training.change_enrolment",
    "training.export_enrolment",
]

#: What a trainer may do, in the sessions they give: edit them, see who registered, record
#: attendance and export the list.
TRAINER_PERMISSIONS = [
    "training.view_session",
    "training.change_session",
    "training.view_enrolment",
    "training.change_enrolment",
    "training.export_enrolment",
]
