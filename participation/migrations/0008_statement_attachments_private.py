"""Statement attachments move out of MEDIA_ROOT into private storage, under generated names
(``statements/<uuid>.pdf``): they had a guessable public address. The original file name stays
in the ``name`` field."""

import uuid
from functools import partial

from django.core.files.storage import storages
from django.db import migrations, models, transaction

import mitwirken.files
import participation.models.contributions


def move_to_private_storage(apps, schema_editor):
    StatementAttachment = apps.get_model("participation", "StatementAttachment")
    public, private = storages["default"], mitwirken.files.private_storage()
    for attachment in StatementAttachment.objects.exclude(file="").iterator():
        old = attachment.file.name
        if not public.exists(old):
            continue
        with public.open(old, "rb") as source:
            new = private.save(f"statements/{uuid.uuid4()}.pdf", source)
        StatementAttachment.objects.filter(pk=attachment.pk).update(file=new)
        transaction.on_commit(partial(public.delete, old))


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0007_district_collections"),
    ]

    operations = [
        migrations.AlterField(
            model_name="statementattachment",
            name="file",
            field=models.FileField(
                storage=mitwirken.files.private_storage,
                upload_to=participation.models.contributions.statement_attachment_path,
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
