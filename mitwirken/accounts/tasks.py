"""Jobs of the accounts app: they take ids, call a service and are idempotent."""

from celery import shared_task

from . import services
from .models import DataExport

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def build_data_export(export_id: int) -> bool:
    """Build the download of one's data and mail its link; a run for an export that is finished
    or gone does nothing. Returns whether the export is ready."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None:
        return False
    return services.data_export_build(export=export).finished_at is not None
