"""Receivers that remove a download of one's data from private storage with its row.

Connected on import (``AccountsConfig.ready`` imports this module)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver


@receiver(post_delete, sender="accounts.DataExport", dispatch_uid="data_export_file")
def delete_data_export_file(sender, instance, **kwargs):
    """The ZIP of a person's data leaves the disk with its row (expired, or the account
    deleted); after the commit, so a rolled-back delete keeps it."""
    file = instance.file
    if file:
        transaction.on_commit(lambda: file.storage.delete(file.name))
