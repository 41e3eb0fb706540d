"""District publishing: a group per Bezirksvertretung, the group "Ombudsstelle" and the workflow
"Prüfung durch die Ombudsstelle" (assigned to no folder yet). Page permissions go to the folders
and indexes that already exist; later ones get theirs when they are saved (mitwirken.editorial).
"""

from django.db import migrations

from mitwirken.editorial.groups import DISTRICT_GROUP_PREFIX, OMBUDSSTELLE_GROUP
from mitwirken.editorial.services import REVIEW_TASK, REVIEW_WORKFLOW, publishing_setup


def create_groups_and_workflow(apps, schema_editor):
    publishing_setup(apps=apps)


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=REVIEW_WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=REVIEW_TASK).delete()
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=OMBUDSSTELLE_GROUP).delete()
    Group.objects.filter(name__startswith=DISTRICT_GROUP_PREFIX).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0003_moderation_group"),
        ("places", "0002_create_districts_and_topics"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
