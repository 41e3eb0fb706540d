"""Remove the groups "Moderators" and "Editors" that Wagtail's own migrations create.

They hold add, edit and publish permission on the root page, every image and document permission
on the root collection and access to the admin, so whoever is put into one of them by mistake can
edit the whole site. The portal's staff groups are the Ombudsstelle, the Bezirksvertretungen and
"Moderation" (participation 0003 and 0004), which are kept.

Wagtail's default workflow "Moderators approval" (one approval task for "Moderators", assigned to
the root page, so that it applies to every page without a workflow of its own) goes with them:
without its group nobody but a superuser could approve in it. A workflow that also has tasks of
other groups keeps those and loses the default task; a default workflow or task with a history
(pages were reviewed in it) is kept, deactivated and taken off its pages and snippets, as Wagtail
keeps it; the rest is deleted.

Self-contained on purpose: it uses historical models only, so moving the group code elsewhere
does not touch it.
"""

from django.db import migrations
from django.utils import timezone

DEFAULT_GROUPS = ("Moderators", "Editors")


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    groups = Group.objects.filter(name__in=DEFAULT_GROUPS)
    # Approval tasks that only the default groups may approve: Wagtail's own defaults.
    default_task_ids = set(
        GroupApprovalTask.objects.filter(groups__in=groups)
        .exclude(groups__in=Group.objects.exclude(name__in=DEFAULT_GROUPS))
        .values_list("pk", flat=True)
    )
    # Workflows made of such tasks only.
    default_workflow_ids = set(
        WorkflowTask.objects.filter(task_id__in=default_task_ids)
        .exclude(
            workflow_id__in=WorkflowTask.objects.exclude(task_id__in=default_task_ids).values(
                "workflow_id"
            )
        )
        .values_list("workflow_id", flat=True)
    )
    groups.delete()  # cascades to their page, collection and model permissions

    # Pages still in review in them are released, as Wagtail's own "disable workflow" does.
    TaskState.objects.filter(task_id__in=default_task_ids, status="in_progress").update(
        status="cancelled", finished_at=timezone.now()
    )
    WorkflowState.objects.filter(
        workflow_id__in=default_workflow_ids, status__in=["in_progress", "needs_changes"]
    ).update(status="cancelled")
    WorkflowPage.objects.filter(workflow_id__in=default_workflow_ids).delete()
    WorkflowContentType.objects.filter(workflow_id__in=default_workflow_ids).delete()
    WorkflowTask.objects.filter(task_id__in=default_task_ids).delete()
    # What has a history is kept, deactivated, as Wagtail keeps it; the rest is deleted.
    used_workflows = WorkflowState.objects.filter(workflow_id__in=default_workflow_ids)
    Workflow.objects.filter(pk__in=used_workflows.values("workflow_id")).update(active=False)
    Workflow.objects.filter(pk__in=default_workflow_ids).exclude(
        pk__in=used_workflows.values("workflow_id")
    ).delete()
    used_tasks = TaskState.objects.filter(task_id__in=default_task_ids)
    Task.objects.filter(pk__in=used_tasks.values("task_id")).update(active=False)
    GroupApprovalTask.objects.filter(pk__in=default_task_ids).exclude(
        pk__in=used_tasks.values("task_id")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_procedurepage_formats"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # Every Wagtail migration that creates the default groups, grants them something or
        # builds the default workflow from their permissions (wagtailcore 0002, 0005, 0026, 0045,
        # 0048, 0066; wagtailadmin 0001; the images' and documents' 0002, 0011/0023).
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
