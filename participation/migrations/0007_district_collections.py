"""A collection of images and documents per Bezirksvertretung ("Bezirksvertretung Hörde" below the
root collection), on which alone its group may upload, edit and choose; the district groups lose
their permissions on the root collection, the Ombudsstelle keeps them there (so on every
collection) and may now also edit every image and document."""

from django.db import migrations

from mitwirken.editorial.services import publishing_groups_ensure


def create_district_collections(apps, schema_editor):
    publishing_groups_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0006_remove_wagtail_default_groups"),
        ("places", "0002_create_districts_and_topics"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_district_collections, migrations.RunPython.noop)]
