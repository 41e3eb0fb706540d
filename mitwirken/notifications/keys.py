"""The outbox's idempotency keys, private to this app: other apps name an occurrence with the
``key`` they pass to ``notify()`` or ``notify_address()`` and ask ``selectors.announced()``.

A row's key is ``<kind>:<key>`` for one address, ``<kind>:<key>:<recipient>`` for each
recipient of a fan-out. Keys are read as paths: ``announced`` of ``poll:3:1`` is true once
``poll:3:1:a@example.org`` has been written.
"""

from django.db.models import Q

from .kinds import Kind


def occurrence_key(kind: Kind, key: str) -> str:
    return f"{kind.key}:{key}"


def recipient_key(kind: Kind, key: str, recipient: str) -> str:
    return f"{occurrence_key(kind, key)}:{recipient}"


def recipients_prefix(kind: Kind, key: str) -> str:
    """What the key of every recipient's row of this occurrence starts with."""
    return f"{occurrence_key(kind, key)}:"


def occurrence_q(kind: Kind, key: str) -> Q:
    """The rows of this occurrence: its own row, and every recipient's below it."""
    return Q(idempotency_key=occurrence_key(kind, key)) | Q(
        idempotency_key__startswith=recipients_prefix(kind, key)
    )
