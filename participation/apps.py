from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from wagtail.signals import page_published

        from mitwirken.editorial.registry import editorial_register

        # kinds registers the kinds of notification this app sends; signals removes a
        # statement's file with its row; views registers the pages' contexts and routes with
        # the page kit.
        from . import kinds, signals, views  # noqa: F401
        from .models import ProcedurePage

        # The Ombudsstelle edits the Beteiligung and the Vorhabenliste; each Bezirksvertretung
        # its own district folder.
        editorial_register(
            ombudsstelle_pages=[
                "participation.ProcedureIndexPage",
                "participation.PlannedProjectIndexPage",
            ],
            district_pages=["participation.DistrictFolderPage"],
        )
        page_published.connect(
            announce_results, sender=ProcedurePage, dispatch_uid="participation.announce_results"
        )


def announce_results(sender, instance, **kwargs):
    from .services.results import results_announce

    results_announce(procedure=instance)
