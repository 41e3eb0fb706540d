from django.db import migrations

from mitwirken.places.data import create_places


def forwards(apps, schema_editor):
    create_places(apps.get_model("places", "District"), apps.get_model("places", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
