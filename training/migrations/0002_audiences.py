"""The four audiences of a training module."""

from django.db import migrations

AUDIENCES = ["staff", "politics", "active", "citizens"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("training", "Audience")
    for slug in AUDIENCES:
        Audience.objects.get_or_create(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
