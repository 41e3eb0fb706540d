"""Reads of the imported council information."""

from django.db.models import Count, Q

from .models import ImportRun, Meeting, Organization, Paper

#: How many runs the staff view lists.
RUNS_SHOWN = 20


def import_runs_latest() -> list[ImportRun]:
    return list(ImportRun.objects.all()[:RUNS_SHOWN])


def imported_totals() -> dict[str, int]:
    """How many live (not deleted) organizations, meetings and papers are imported."""
    live = Q(deleted=False)
    return {
        "organizations": Organization.objects.filter(live).count(),
        "districts": Organization.objects.filter(live, district__isnull=False).count(),
        "meetings": Meeting.objects.filter(live).count(),
        "papers": Paper.objects.aggregate(n=Count("pk", filter=live))["n"],
    }
