"""Wagtail's default groups "Moderators" and "Editors" and their workflow are gone after the
migrations; the portal's own groups and its review workflow are not."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP
from mitwirken.editorial.services import REVIEW_WORKFLOW
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("participation.migrations.0006_remove_wagtail_default_groups")


def test_after_the_migrations_wagtails_default_groups_and_workflow_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Moderators", "Editors"}
    assert {"Moderation", OMBUDSSTELLE_GROUP, "Bezirksvertretung Hörde"} <= names
    assert list(Workflow.objects.values_list("name", flat=True)) == [REVIEW_WORKFLOW]
    assert list(Task.objects.values_list("name", flat=True)) == ["Freigabe durch die Ombudsstelle"]
    root = Page.get_first_root_node()
    assert not WorkflowPage.objects.filter(page=root).exists()
    assert not GroupPagePermission.objects.filter(page=root).exists()


def wagtails_defaults():
    """The groups, root page permissions and workflow as Wagtail's migrations leave them."""
    root = Page.get_first_root_node()
    moderators = Group.objects.create(name="Moderators")
    Group.objects.create(name="Editors")
    GroupPagePermission.objects.create(
        group=moderators, page=root, permission=Permission.objects.get(codename="publish_page")
    )
    task = GroupApprovalTask.objects.create(
        name="Moderators approval",
        content_type=ContentType.objects.get_for_model(GroupApprovalTask),
    )
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root)
    return workflow


def test_the_migration_deletes_the_default_workflow_and_keeps_the_review_of_the_ombudsstelle():
    wagtails_defaults()

    migration.remove_default_groups(apps, None)

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    review = Workflow.objects.get(name=REVIEW_WORKFLOW)
    assert [task.specific.groups.get().name for task in review.tasks.all()] == [OMBUDSSTELLE_GROUP]


def test_a_page_in_review_in_the_default_workflow_is_released_and_the_history_kept(
    home_page, standard_page
):
    workflow = wagtails_defaults()
    workflow.start(standard_page, UserFactory())

    migration.remove_default_groups(apps, None)

    workflow.refresh_from_db()
    assert not workflow.active
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()
    state = WorkflowState.objects.get(workflow=workflow)
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert standard_page.get_workflow() is None
    assert not Task.objects.get(name="Moderators approval").active


def test_a_task_shared_with_a_portal_group_keeps_that_group():
    wagtails_defaults()
    task = GroupApprovalTask.objects.get(name="Moderators approval")
    task.groups.add(Group.objects.get(name=OMBUDSSTELLE_GROUP))

    migration.remove_default_groups(apps, None)

    task.refresh_from_db()
    assert task.active
    assert list(task.groups.values_list("name", flat=True)) == [OMBUDSSTELLE_GROUP]
    assert Workflow.objects.filter(name="Moderators approval", active=True).exists()
