from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from wagtail.signals import page_published

        # kinds registers the kinds of notification this app sends; signals keeps the district
        # groups' page permissions in step with the page tree.
        from . import kinds, signals  # noqa: F401
        from .models import ProcedurePage

        page_published.connect(
            announce_results, sender=ProcedurePage, dispatch_uid="participation.announce_results"
        )


def announce_results(sender, instance, **kwargs):
    from .services.results import results_announce

    results_announce(procedure=instance)
