"""Receivers that keep the editorial page permissions in step with the page tree, and remove a
statement's file from private storage with its row.

Connected on import (``ParticipationConfig.ready`` imports this module). Senders are named lazily,
so importing the module needs no ready app registry.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver


@receiver(post_save, sender="participation.DistrictFolderPage", dispatch_uid="folder_permissions")
def grant_district_permissions(sender, instance, raw=False, update_fields=None, **kwargs):
    """A new or changed district folder: its Bezirksvertretung may add, edit and publish there.

    Saves of a few bookkeeping fields (a new revision, a lock) cannot move the folder."""
    if raw or (update_fields is not None and "district" not in update_fields):
        return
    from .services.publishing import district_permissions_grant

    district_permissions_grant(folder=instance)


@receiver(post_save, sender="participation.ProcedureIndexPage", dispatch_uid="ombuds_procedures")
@receiver(post_save, sender="participation.PlannedProjectIndexPage", dispatch_uid="ombuds_plans")
@receiver(post_save, sender="toolkit.ToolkitIndexPage", dispatch_uid="ombuds_toolkit")
def grant_ombudsstelle_permissions(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    from .services.publishing import ombudsstelle_permissions_grant

    ombudsstelle_permissions_grant(page=instance)


def _regrant_folder(page_id: int) -> None:
    from .models import DistrictFolderPage
    from .services.publishing import district_permissions_grant

    folder = DistrictFolderPage.objects.filter(pk=page_id).first()
    if folder is not None:
        district_permissions_grant(folder=folder)


@receiver(post_save, sender="wagtailcore.WorkflowPage", dispatch_uid="review_switched_on")
def review_switched_on(sender, instance, raw=False, **kwargs):
    """A workflow assigned to a district folder in the admin takes the district's publish
    permission away: with review, its editors submit instead of publishing."""
    if not raw:
        _regrant_folder(instance.page_id)


@receiver(post_delete, sender="wagtailcore.WorkflowPage", dispatch_uid="review_switched_off")
def review_switched_off(sender, instance, **kwargs):
    """The workflow taken off a folder: its editors publish again. After the commit, because the
    folder itself may be what is being deleted."""
    page_id = instance.page_id
    transaction.on_commit(lambda: _regrant_folder(page_id))


@receiver(post_delete, sender="participation.StatementAttachment", dispatch_uid="attachment_file")
def delete_attachment_file(sender, instance, **kwargs):
    """A statement's PDF (a citizen's name and address) leaves the disk with its row, e.g. when
    its procedure is deleted; after the commit, so a rolled-back delete keeps it."""
    file = instance.file
    if file:
        transaction.on_commit(lambda: file.storage.delete(file.name))
