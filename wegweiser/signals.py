"""Receivers that give editors their page permissions on the Wegweiser's pages.

Connected on import (``WegweiserConfig.ready``). The Ombudsstelle edits the Wegweiser and the
Stadtbezirke; each Bezirksvertretung edits the hub of its own district (its sessions, its text).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender="wegweiser.WegweiserPage", dispatch_uid="ombuds_wegweiser")
@receiver(post_save, sender="wegweiser.DistrictHubIndexPage", dispatch_uid="ombuds_hubs")
def grant_ombudsstelle_permissions(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    from participation.services.publishing import ombudsstelle_permissions_grant

    ombudsstelle_permissions_grant(page=instance)


@receiver(post_save, sender="wegweiser.DistrictHubPage", dispatch_uid="district_hub_permissions")
def grant_district_permissions(sender, instance, raw=False, update_fields=None, **kwargs):
    """A new or changed hub: its district's Bezirksvertretung may edit and publish it."""
    if raw or (update_fields is not None and "district" not in update_fields):
        return
    from participation.services.publishing import district_permissions_grant

    district_permissions_grant(folder=instance)
