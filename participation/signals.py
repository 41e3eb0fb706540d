"""Receivers that remove a statement's file from private storage with its row.

Connected on import (``ParticipationConfig.ready`` imports this module). Senders are named lazily,
so importing the module needs no ready app registry. The editorial page permissions of
participation's pages are granted by ``mitwirken.editorial`` (registered in ``apps.py``).
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver


@receiver(post_delete, sender="participation.StatementAttachment", dispatch_uid="attachment_file")
def delete_attachment_file(sender, instance, **kwargs):
    """A statement's PDF (a citizen's name and address) leaves the disk with its row, e.g. when
    its procedure is deleted; after the commit, so a rolled-back delete keeps it."""
    file = instance.file
    if file:
        transaction.on_commit(lambda: file.storage.delete(file.name))
