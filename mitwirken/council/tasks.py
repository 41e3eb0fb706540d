"""The OParl import on the beat's schedule and on the staff's "Run import now"."""

import logging

from celery import shared_task

from . import services
from .models import ImportRun

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def import_oparl(trigger: str = ImportRun.Trigger.SCHEDULE) -> None:
    """Imports what changed since the last run; nothing when no endpoint is set or a run is
    already under way."""
    try:
        services.oparl_import(trigger=trigger)
    except services.ImportAlreadyRunning:
        logger.info("OParl import skipped: another run is under way")
