"""Formal statements get a processing status (received, in review, weighed), an anonymised
summary, the result of the weighing, and who weighed it when."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0010_district_review_by_default'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='statement',
            name='status',
            field=models.CharField(choices=[('received', 'received'), ('in_review', 'in review'), ('weighed', 'weighed')], db_index=True, default='received', max_length=10, verbose_name='processing status'),
        ),
        migrations.AddField(
            model_name='statement',
            name='summary',
            field=models.TextField(blank=True, help_text='The concern in your own words, without names, addresses or anything that identifies the person. Public once the statement is weighed.', validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='anonymised summary'),
        ),
        migrations.AddField(
            model_name='statement',
            name='weighed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='weighed'),
        ),
        migrations.AddField(
            model_name='statement',
            name='weighed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='weighed by'),
        ),
        migrations.AddField(
            model_name='statement',
            name='weighing',
            field=models.TextField(blank=True, help_text='How the concern was weighed (Abwägungsergebnis). Public once weighed.', validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='result of the weighing'),
        ),
    ]
