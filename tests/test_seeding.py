"""seed_demo loads every app's data files with progress, the same content on every run."""

import pytest
from django.apps import apps
from wagtail.rich_text import RichText

from mitwirken.pages.models import StandardPage
from mitwirken.seeding import app_seeds, model_values, paragraphs
from tests.helpers import seed_demo

pytestmark = pytest.mark.django_db

#: The apps whose rows the seed writes (with Wagtail's pages, revisions and permissions).
SEEDED_APPS = [
    "accounts",
    "account",
    "auth",
    "places",
    "pages",
    "toolkit",
    "training",
    "participation",
    "evaluation",
    "wegweiser",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailsearch",
]


#: A rerun publishes every page again: its history grows, nothing else does.
HISTORY = {"wagtailcore.Revision", "wagtailcore.PageLogEntry"}


def counts() -> dict:
    models = [model for label in SEEDED_APPS for model in apps.get_app_config(label).get_models()]
    return {
        model._meta.label: model.objects.count()
        for model in models
        if model._meta.label not in HISTORY
    }


def test_progress_per_app_and_per_file_with_counts(seeded):
    lines = seeded.splitlines()
    for seed in app_seeds():
        assert f"{seed.label}: {len(seed.steps)} files" in lines
        for step in seed.steps:
            line = next(line for line in lines if line.startswith(f"  {step.file}: "))
            assert step.description in line and " objects (" in line
    assert lines[-1] == "Demo portal ready."


def test_a_second_run_writes_no_row_more(seeded):
    before = counts()
    seed_demo()
    assert counts() == before
    assert before["wagtailcore.ReferenceIndex"] and before["wagtailsearch.IndexEntry"]


def test_data_become_field_values():
    values = model_values(
        StandardPage,
        {
            "title": {"de": "Kontakt", "en": "Contact"},
            "summary": {"de": "Zeile eins\nZeile zwei", "en": ""},
            "body": {"de": [{"paragraph": "Eins\n\nZwei"}], "en": []},
        },
    )
    assert values["title_de"] == "Kontakt" and values["title_en"] == "Contact"
    assert values["summary_de"] == "Zeile eins\nZeile zwei"  # plain text keeps its lines
    [(kind, text)] = values["body_de"]
    assert kind == "paragraph" and isinstance(text, RichText)
    assert text.source == "<p>Eins</p><p>Zwei</p>" == paragraphs("Eins\n\nZwei")
    assert values["body_en"] == []


def test_a_paragraph_of_data_may_be_a_list():
    assert paragraphs("Eins\n\n<ul><li>a</li><li>b</li></ul>\n\nZwei") == (
        "<p>Eins</p><ul><li>a</li><li>b</li></ul><p>Zwei</p>"
    )
