from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from wagtail.signals import page_published

        from mitwirken.editorial.registry import editorial_register

        # kinds registers the kinds of notification this app sends; signals removes a
        # statement's file with its row; generations begins a new participation generation
        # when people send something (cached pages show it); views and feeds register the
        # pages' contexts and routes with the page kit.
        from . import feeds, generations, kinds, signals, views  # noqa: F401
        from .models import ProcedurePage

        # The Ombudsstelle edits the Beteiligung and the Vorhabenliste; each Bezirksvertretung
        # its own district folder. Both handle the contributions to the procedures they may
        # edit (``admin.permissions``: the page permission says where); the Ombudsstelle and
        # the Moderation moderate in every procedure.
        editorial_register(
            ombudsstelle_pages=[
                "participation.ProcedureIndexPage",
                "participation.PlannedProjectIndexPage",
            ],
            district_pages=["participation.DistrictFolderPage"],
            ombudsstelle_permissions=[*CONTRIBUTION_PERMISSIONS, MODERATE_PERMISSION_CODENAME],
            district_permissions=CONTRIBUTION_PERMISSIONS,
            moderation_permissions=[MODERATE_PERMISSION_CODENAME],
        )
        page_published.connect(
            announce_results, sender=ProcedurePage, dispatch_uid="participation.announce_results"
        )
        page_published.connect(
            announce_procedure,
            sender=ProcedurePage,
            dispatch_uid="participation.announce_procedure",
        )


#: What the Ombudsstelle and every Bezirksvertretung may do with contributions, in the
#: procedures whose pages they may edit: see them, enter analog ones (add), answer proposals,
#: weigh statements and hide what breaks the rules (change), see the names and addresses of
#: formal statements (view_statement), export.
CONTRIBUTION_PERMISSIONS = [
    f"participation.{action}_{model}"
    for model in ("proposal", "comment", "support", "pollvote", "statement")
    for action in ("view", "add", "change")
] + ["participation.export_contributions", "participation.view_eventregistration"]
MODERATE_PERMISSION_CODENAME = "participation.moderate_contributions"


def announce_results(sender, instance, **kwargs):
    from .services.results import results_announce

    results_announce(procedure=instance)


def announce_procedure(sender, instance, **kwargs):
    from .services.results import procedure_announce

    procedure_announce(procedure=instance)
