"""Receivers that keep the editorial page permissions in step with the page tree, for every page
type the apps register (``registry``).

Connected on import (``EditorialConfig.ready`` imports this module). The page receiver hears
every save and looks the sender up in the registry, so an app that registers its pages needs no
receiver of its own.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page

from .registry import is_district_page, is_ombudsstelle_page
from .services import (
    district_permissions_grant,
    district_review_enable,
    ombudsstelle_permissions_grant,
    publishing_groups_ensure,
)


@receiver(post_save, dispatch_uid="editorial.page_saved")
def grant_page_permissions(
    sender, instance, created=False, raw=False, update_fields=None, **kwargs
):
    """A new index of the Ombudsstelle: it may add, edit and publish below it. A new or changed
    district page: its Bezirksvertretung may. Saves of a few bookkeeping fields (a new revision,
    a lock) cannot move a district page to another district."""
    if raw:
        return
    if created and is_ombudsstelle_page(sender):
        ombudsstelle_permissions_grant(page=instance)
    if created and is_district_page(sender) and instance.district_id is not None:
        # Review by the Ombudsstelle is the default; it switches it off per district.
        district_review_enable(folder=instance)
    elif is_district_page(sender) and (update_fields is None or "district" in update_fields):
        district_permissions_grant(folder=instance)


def _regrant_district_page(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and page.specific_class and is_district_page(page.specific_class):
        district_permissions_grant(folder=page.specific)


@receiver(post_save, sender="wagtailcore.WorkflowPage", dispatch_uid="review_switched_on")
def review_switched_on(sender, instance, raw=False, **kwargs):
    """A workflow assigned to a district page in the admin takes the district's publish
    permission away: with review, its editors submit instead of publishing."""
    if not raw:
        _regrant_district_page(instance.page_id)


@receiver(post_delete, sender="wagtailcore.WorkflowPage", dispatch_uid="review_switched_off")
def review_switched_off(sender, instance, **kwargs):
    """The workflow taken off a district page: its editors publish again. After the commit,
    because the page itself may be what is being deleted."""
    page_id = instance.page_id
    transaction.on_commit(lambda: _regrant_district_page(page_id))


@receiver(post_migrate, dispatch_uid="editorial.roles_after_migrate")
def roles_after_migrate(sender, app_config=None, using="default", **kwargs):
    """After ``migrate`` (and a test database's flush): the groups hold what the apps register,
    also the permissions of models whose migrations just made them. Once, after the last app
    that has models (Django sends the signal for those only)."""
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is with_models[-1]:
        publishing_groups_ensure()
