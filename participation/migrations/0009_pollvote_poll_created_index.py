"""An index for counting a poll's recent votes: after each anonymous vote, the alarm for
moderators counts the votes of the last minutes (``participation/services/polls.py``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0008_statement_attachments_private"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="pollvote",
            index=models.Index(fields=["poll", "created_at"], name="vote_poll_created"),
        ),
    ]
