"""Writes of the participation app (citizen side); views, forms and the admin call these."""

from .contributions import (
    attachments_validate,
    comment_create,
    poll_vote,
    proposal_create,
    statement_create,
    support_create,
)
from .events import event_entry, event_ical, event_register, event_unregister
from .statements import statement_process

__all__ = [
    "attachments_validate",
    "comment_create",
    "event_entry",
    "event_ical",
    "event_register",
    "event_unregister",
    "poll_vote",
    "proposal_create",
    "statement_create",
    "statement_process",
    "support_create",
]
