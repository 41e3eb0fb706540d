"""Every district hub that exists gets "Prüfung durch die Ombudsstelle", as a new one does:
review is the default, and the Ombudsstelle switches it off per district."""

from django.db import migrations

from mitwirken.editorial.services import district_reviews_default


def review_by_default(apps, schema_editor):
    district_reviews_default(label="wegweiser.DistrictHubPage", apps=apps)


class Migration(migrations.Migration):
    dependencies = [("wegweiser", "0002_intents")]

    operations = [migrations.RunPython(review_by_default, migrations.RunPython.noop)]
