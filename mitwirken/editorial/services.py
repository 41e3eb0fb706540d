"""Editorial permissions: who may add, edit and publish which pages; the Ombudsstelle's review.

Each Bezirksvertretung has a group with Wagtail's page permissions on its own district pages only
(its folder in the Beteiligung, its hub in the Stadtbezirke); the Ombudsstelle's group has them
on every app's index pages. Which pages those are, each app declares in ``registry``. The groups
and the review workflow come from data migrations; the pages exist only once staff (or
``seed_demo``) create them, so the permissions are granted when a page is saved (``signals``) and
by ``publishing_setup`` for pages that already exist. Images and documents likewise: each
Bezirksvertretung has a collection of its own below the root collection and permissions on it
alone; the Ombudsstelle has them on the root collection, so on all.

Every function takes an optional app registry so that data migrations can run the same code with
their historical models.
"""

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models import Q

from .groups import (
    DISTRICT_GROUP_PREFIX,
    MODERATION_GROUP,
    OMBUDSSTELLE_GROUP,
    TRAINER_GROUP,
    district_group_name,
)
from .registry import registry

REVIEW_WORKFLOW = "Prüfung durch die Ombudsstelle"
REVIEW_TASK = "Freigabe durch die Ombudsstelle"
#: Page permissions of a Bezirksvertretung on its district page; "publish" is withdrawn while
#: the page has a review workflow, so that "Publish" becomes "Submit for review".
DISTRICT_PAGE_PERMISSIONS = ("add", "change", "publish")
OMBUDSSTELLE_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
#: What the Ombudsstelle may do with the snippets the apps register for it.
SNIPPET_PERMISSIONS = ("add", "change", "delete")
#: What a group may do with the images and documents of its collection: upload, edit (which in
#: Wagtail includes deleting) and choose them. The Ombudsstelle holds them on the root collection,
#: so on every collection; a Bezirksvertretung on its own collection only, so that its editors
#: neither see nor choose another district's files.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", "add"),
    ("wagtailimages", "image", "change"),
    ("wagtailimages", "image", "choose"),
    ("wagtaildocs", "document", "add"),
    ("wagtaildocs", "document", "change"),
    ("wagtaildocs", "document", "choose"),
)


def _page_permission(apps, action: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _group_with_admin_access(apps, name: str):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def _collection_permissions(apps) -> list:
    """The permissions of ``COLLECTION_PERMISSIONS``, made when missing (Wagtail's migrations make
    them; a database flushed by a test does not have them until ``post_migrate``)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model, action in COLLECTION_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )
        permissions.append(permission)
    return permissions


def _collection_permissions_grant(apps, *, group, collection) -> None:
    """``group`` may upload, edit and choose images and documents in ``collection``."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for permission in _collection_permissions(apps):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=collection.pk, permission=permission
        )


def _root_collection(apps):
    return apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()


def _district_collection(apps, *, group, root):
    """The district's collection below the root, named like its group, or the one where the
    group may upload documents (staff renamed it); made when missing."""
    from wagtail.models import Collection as CollectionTree  # treebeard's add_child, as Wagtail's
    # own migration 0059 uses the real model for the tree

    Collection = apps.get_model("wagtailcore", "Collection")
    children = Collection.objects.filter(depth=root.depth + 1, path__startswith=root.path)
    collection = (
        children.filter(name=group.name).first()
        or children.filter(
            group_permissions__group=group,
            group_permissions__permission__content_type__app_label="wagtaildocs",
            group_permissions__permission__codename="add_document",
        )
        .order_by("path")
        .first()
    )
    if collection is None:
        child = CollectionTree.objects.get(pk=root.pk).add_child(name=group.name)
        collection = Collection.objects.get(pk=child.pk)
    return collection


def _ombudsstelle_group(apps):
    """The group "Ombudsstelle": admin access, and every image and document in every collection."""
    group = _group_with_admin_access(apps, OMBUDSSTELLE_GROUP)
    root = _root_collection(apps)
    if root is not None:
        _collection_permissions_grant(apps, group=group, collection=root)
    return group


def _district_group(apps, district):
    """The group of a Bezirksvertretung: admin access, and its own collection of images and
    documents ("Bezirksvertretung Hörde" below the root collection), made when missing, and
    none on the root collection, which would open every other district's. Permissions staff give
    it on further collections (a shared one of logos, say) stay."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = _group_with_admin_access(apps, district_group_name(district))
    root = _root_collection(apps)
    if root is not None:
        collection = _district_collection(apps, group=group, root=root)
        _collection_permissions_grant(apps, group=group, collection=collection)
        GroupCollectionPermission.objects.filter(group=group, collection_id=root.pk).delete()
    return group


def _sync_page_permissions(apps, *, page_id: int, group, actions) -> None:
    """``group`` holds exactly ``actions`` on the page (among the page actions we manage)."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = {action: _page_permission(apps, action) for action in actions}
    for permission in wanted.values():
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )
    GroupPagePermission.objects.filter(
        group=group,
        page_id=page_id,
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=[f"{a}_page" for a in OMBUDSSTELLE_PAGE_PERMISSIONS],
    ).exclude(permission__in=wanted.values()).delete()


def _has_review(apps, page_id: int) -> bool:
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    return WorkflowPage.objects.filter(page_id=page_id, workflow__active=True).exists()


@transaction.atomic
def district_permissions_grant(*, folder, apps=global_apps) -> None:
    """Give the Bezirksvertretung of ``folder`` (a registered district page: a district's
    folder in the Beteiligung, its hub in the Stadtbezirke) add, edit and publish permission on
    it, and no other district's group any permission there. While the page has a review
    workflow, the group may add and edit but not publish. A page without a district
    (Gesamtstadt) belongs to the Ombudsstelle alone. Safe to run again."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    District = apps.get_model("places", "District")
    own_group = None
    if folder.district_id is not None:
        district = District.objects.get(pk=folder.district_id)
        own_group = _district_group(apps, district)
        actions = [
            action
            for action in DISTRICT_PAGE_PERMISSIONS
            if action != "publish" or not _has_review(apps, folder.pk)
        ]
        _sync_page_permissions(apps, page_id=folder.pk, group=own_group, actions=actions)
    others = GroupPagePermission.objects.filter(
        page_id=folder.pk, group__name__startswith=DISTRICT_GROUP_PREFIX
    )
    if own_group is not None:
        others = others.exclude(group=own_group)
    others.delete()


@transaction.atomic
def ombudsstelle_permissions_grant(*, page, apps=global_apps) -> None:
    """The Ombudsstelle may add, edit, publish, lock and unlock everything below ``page`` (a
    registered index: the Beteiligung, the Vorhabenliste, the Instrumentenkoffer, the Wegweiser,
    the Stadtbezirke), and add, change and delete the snippets the apps registered for it.
    Safe to run again."""
    group = _ombudsstelle_group(apps)
    _sync_page_permissions(
        apps, page_id=page.pk, group=group, actions=OMBUDSSTELLE_PAGE_PERMISSIONS
    )
    group.permissions.add(*_snippet_permissions(apps))


def _snippet_permissions(apps):
    """The permissions of ``SNIPPET_PERMISSIONS`` on every registered snippet that has them
    (a database flushed by a test lacks them until ``post_migrate``)."""
    Permission = apps.get_model("auth", "Permission")
    wanted = Q(pk__in=[])
    for label in registry.ombudsstelle_snippets:
        app_label, model = label.split(".")
        wanted |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in SNIPPET_PERMISSIONS],
        )
    return Permission.objects.filter(wanted)


def review_workflow_get(*, apps=global_apps):
    """The workflow "Prüfung durch die Ombudsstelle", made with its approval task when missing.

    It is assigned to no page: a district page gets it when review is switched on there."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    group = _ombudsstelle_group(apps)
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK,
            content_type=ContentType.objects.get_for_model(GroupApprovalTask),
        )
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _registered_permissions(apps, labels) -> list:
    """The permissions ``app_label.codename`` of ``labels`` that exist: those of an app whose
    migrations have not run yet come with the next ``migrate``."""
    Permission = apps.get_model("auth", "Permission")
    wanted = Q(pk__in=[])
    for label in labels:
        app_label, codename = label.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(wanted))


@transaction.atomic
def roles_grant(*, apps=global_apps) -> None:
    """Each staff group holds the model permissions the apps register for it (``registry``).
    Permissions staff gave a group in the admin stay. Safe to run again."""
    Group = apps.get_model("auth", "Group")
    _ombudsstelle_group(apps).permissions.add(
        *_registered_permissions(apps, registry.ombudsstelle_permissions)
    )
    _group_with_admin_access(apps, MODERATION_GROUP).permissions.add(
        *_registered_permissions(apps, registry.moderation_permissions)
    )
    _group_with_admin_access(apps, TRAINER_GROUP).permissions.add(
        *_registered_permissions(apps, registry.trainer_permissions)
    )
    district = _registered_permissions(apps, registry.district_permissions)
    for group in Group.objects.filter(name__startswith=DISTRICT_GROUP_PREFIX):
        group.permissions.add(*district)


@transaction.atomic
def publishing_groups_ensure(*, apps=global_apps) -> None:
    """Groups for the Ombudsstelle, the Moderation, the Schulungsleitung and each
    Bezirksvertretung with their collections of images and documents and their model
    permissions, and the review workflow."""
    District = apps.get_model("places", "District")
    _ombudsstelle_group(apps)
    for district in District.objects.all():
        _district_group(apps, district)
    roles_grant(apps=apps)
    review_workflow_get(apps=apps)


@transaction.atomic
def publishing_setup(*, apps=global_apps) -> None:
    """The groups and the review workflow, and the page permissions on every registered page
    that already exists. Safe to run again."""
    publishing_groups_ensure(apps=apps)
    for model in _registered_models(apps, registry.ombudsstelle_pages):
        for page in model.objects.all():
            ombudsstelle_permissions_grant(page=page, apps=apps)
    for model in _registered_models(apps, registry.district_pages):
        for page in model.objects.all():
            district_permissions_grant(folder=page, apps=apps)


def _registered_models(apps, labels):
    """The models of ``labels`` that ``apps`` has: a data migration's historical state lacks
    those of apps whose first migration comes later, and there are no such pages yet."""
    for label in sorted(labels):
        try:
            yield apps.get_model(label)
        except LookupError:
            continue


@transaction.atomic
def district_reviews_default(*, label: str, apps=global_apps) -> None:
    """Every page of the district page type ``label`` that has a district and no workflow of its
    own gets "Prüfung durch die Ombudsstelle", as a new one does (``signals``). For the data
    migrations that bring existing pages in step."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = review_workflow_get(apps=apps)
    for page in apps.get_model(label).objects.filter(district__isnull=False):
        if not WorkflowPage.objects.filter(page_id=page.pk).exists():
            WorkflowPage.objects.create(page_id=page.pk, workflow=workflow)
        district_permissions_grant(folder=page, apps=apps)


@transaction.atomic
def district_review_enable(*, folder) -> None:
    """Switch on "Prüfung durch die Ombudsstelle" for a district page: the page gets the
    workflow, and the district's editors submit for review instead of publishing."""
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.update_or_create(page=folder, defaults={"workflow": review_workflow_get()})
    district_permissions_grant(folder=folder)


@transaction.atomic
def district_review_disable(*, folder) -> None:
    """Switch the review off again: the district's editors publish themselves."""
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.filter(page=folder).delete()
    district_permissions_grant(folder=folder)
