"""The six intents of the finder's first question."""

from django.db import migrations

INTENTS = ["inform", "opinion", "idea", "complaint", "neighbourhood", "learn"]


def create_intents(apps, schema_editor):
    Intent = apps.get_model("wegweiser", "Intent")
    for slug in INTENTS:
        Intent.objects.get_or_create(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("wegweiser", "0001_initial")]

    operations = [migrations.RunPython(create_intents, migrations.RunPython.noop)]
