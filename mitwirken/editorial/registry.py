"""What the staff groups edit, as each app declares it in its own ``AppConfig.ready()``::

    from mitwirken.editorial.registry import editorial_register

    editorial_register(
        ombudsstelle_pages=["toolkit.ToolkitIndexPage"],
        ombudsstelle_snippets=["toolkit.FormatCategory"],
        district_pages=["wegweiser.DistrictHubPage"],
    )

- ``ombudsstelle_pages``: page types below which the Ombudsstelle adds, edits, publishes, locks
  and unlocks; granted when such a page is created.
- ``ombudsstelle_snippets``: models the Ombudsstelle adds, changes and deletes (granted with the
  page permissions).
- ``district_pages``: page types that belong to one Stadtbezirk through their ``district`` field
  (a folder, a hub); that district's Bezirksvertretung adds, edits and publishes below it,
  publishes only while no review workflow is assigned, and no other district's group may.
  Granted when such a page is saved with its district, and again when a workflow is assigned.
- ``ombudsstelle_permissions``, ``district_permissions``, ``moderation_permissions``,
  ``trainer_permissions``: model permissions (``app_label.codename``) of the Ombudsstelle, of
  every Bezirksvertretung, of the Moderation and of the Schulungsleitung (trainers). A
  permission says *what* a group may do with a kind of object; where an app's objects belong to
  pages (contributions to a procedure), the app limits them to the pages the person may edit,
  so that a Bezirksvertretung's ``view_proposal`` shows its own district's proposals only; the
  trainers' sessions are limited to those they give. Granted after every ``migrate`` and by
  ``seed_demo``.

Labels are ``app_label.ModelName`` strings, so an app registers without importing models and the
same registry serves data migrations with their historical models. The receivers that grant are
the editorial app's (``signals``); no app grants another app's permissions.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps as global_apps


@dataclass
class EditorialRegistry:
    """Lower-cased model labels (``toolkit.toolkitindexpage``), as ``Model._meta.label_lower``."""

    ombudsstelle_pages: set[str] = field(default_factory=set)
    ombudsstelle_snippets: set[str] = field(default_factory=set)
    district_pages: set[str] = field(default_factory=set)
    #: ``app_label.codename`` as written (codenames are case-sensitive).
    ombudsstelle_permissions: set[str] = field(default_factory=set)
    district_permissions: set[str] = field(default_factory=set)
    moderation_permissions: set[str] = field(default_factory=set)
    trainer_permissions: set[str] = field(default_factory=set)


registry = EditorialRegistry()


def editorial_register(
    *,
    ombudsstelle_pages: Iterable[str] = (),
    ombudsstelle_snippets: Iterable[str] = (),
    district_pages: Iterable[str] = (),
    ombudsstelle_permissions: Iterable[str] = (),
    district_permissions: Iterable[str] = (),
    moderation_permissions: Iterable[str] = (),
    trainer_permissions: Iterable[str] = (),
) -> None:
    """Declare what the staff groups edit and may do of the calling app."""
    registry.ombudsstelle_pages.update(label.lower() for label in ombudsstelle_pages)
    registry.ombudsstelle_snippets.update(label.lower() for label in ombudsstelle_snippets)
    registry.district_pages.update(label.lower() for label in district_pages)
    registry.ombudsstelle_permissions.update(ombudsstelle_permissions)
    registry.district_permissions.update(district_permissions)
    registry.moderation_permissions.update(moderation_permissions)
    registry.trainer_permissions.update(trainer_permissions)


def is_ombudsstelle_page(model) -> bool:
    return _is_registered(model, registry.ombudsstelle_pages)


def is_district_page(model) -> bool:
    return _is_registered(model, registry.district_pages)


def _is_registered(model, labels: set[str]) -> bool:
    """The app's own model: a data migration's historical model has the same label, and what it
    saves the migration grants itself (``services`` takes its ``apps``)."""
    return model._meta.label_lower in labels and model._meta.apps is global_apps
