"""The daily retention run: every app's rules from the registry, each in its own transaction."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from .registry import processings

logger = logging.getLogger(__name__)


def retention_run(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """End what is due at ``now`` (default: now) under every processing's rule; returns how
    many rows each rule changed, by key. Idempotent: a second run at the same time changes
    nothing. One failing rule is logged and does not stop the others."""
    now = now or timezone.now()
    changed = {}
    for row in processings():
        if row.expire is None:
            continue
        try:
            with transaction.atomic():
                changed[row.key] = row.expire(now)
        except Exception:
            logger.exception("Retention rule %s failed", row.key)
            continue
        logger.info("Retention rule %s: %d rows", row.key, changed[row.key])
    return changed
