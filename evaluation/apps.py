from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from mitwirken.editorial.registry import editorial_register

        # kinds registers the mails, receivers listens to training's feedback seam, views
        # registers the pages' contexts and routes, generations begins a new evaluation
        # generation when a response comes in.
        from . import generations, kinds, receivers, views  # noqa: F401

        # The Ombudsstelle edits the evaluation page and the surveys, invites, sees the results
        # and exports the anonymised answers.
        editorial_register(
            ombudsstelle_pages=["evaluation.EvaluationIndexPage"],
            ombudsstelle_snippets=["evaluation.Survey"],
            ombudsstelle_permissions=SURVEY_PERMISSIONS,
        )


#: What the Ombudsstelle may do besides editing surveys.
SURVEY_PERMISSIONS = [
    "evaluation.export_survey",
    "evaluation.view_invitation",
    "evaluation.add_invitation",
    "evaluation.view_response",
    "evaluation.add_response",
]
