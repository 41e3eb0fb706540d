"""seed_demo builds the Instrumentenkoffer: the council's three groups and a fourth for the
established analog formats, real formats and platforms in German and English, analog counterparts
for every digital alternative, and procedures that name formats."""

from io import StringIO

import pytest
from django.utils import translation

from mitwirken.seeding import seed_run
from participation.models import ProcedurePage
from toolkit.models import (
    FormatCategory,
    FormatExample,
    FormatPage,
    Mode,
    PlatformIndexPage,
    PlatformPage,
    ToolkitIndexPage,
)

pytestmark = pytest.mark.django_db

#: The participation files the format links need (contributions and plans are left out: slow).
PARTICIPATION = [
    "participation/structure.yaml",
    "participation/people.yaml",
    "participation/procedures.yaml",
    "participation/procedure_formats.yaml",
]
FORMAT_LINKS = "participation/procedure_formats.yaml"


def run(only: list[str]) -> None:
    """Run these apps' (or files') seed steps as ``manage.py seed_demo`` does: in German."""
    with translation.override("de"):
        seed_run(stdout=StringIO(), only=only)


def counts() -> dict:
    models = [FormatCategory, FormatPage, FormatExample, PlatformPage, PlatformIndexPage]
    counted = {model.__name__: model.objects.count() for model in models}
    counted["platform links"] = FormatPage.platforms.through.objects.count()
    counted["procedure links"] = ProcedurePage.formats.through.objects.count()
    return counted


def assert_four_categories_each_with_formats():
    categories = FormatCategory.objects.all()
    assert list(categories.values_list("slug", flat=True)) == [
        "abstandsformate",
        "soziale-teilhabe",
        "digitale-alternativen",
        "bewaehrte-formate",
    ]
    for category in categories:
        assert category.name_de and category.name_en and category.name_de != category.name_en
        assert category.description_de and category.description_en
        assert FormatPage.objects.live().filter(category=category).exists()
    established = categories.get(slug="bewaehrte-formate")
    assert established.name_de == "Bewährte analoge Formate"
    assert established.name_en == "Established analog formats"
    toolkit = ToolkitIndexPage.objects.get()
    assert toolkit.url == "/instrumentenkoffer/" and toolkit.show_in_menus
    assert toolkit.intro_de and toolkit.intro_en
    assert toolkit.easy_language_summary_de and toolkit.easy_language_summary_en
    with translation.override("en"):
        assert ToolkitIndexPage.objects.get().url == "/en/toolkit/"
        assert PlatformIndexPage.objects.get().url == "/en/toolkit/platforms/"


def assert_every_format_complete_in_german_and_english():
    formats = FormatPage.objects.live()
    assert formats.count() >= 16
    for page in formats:
        for field in ("title", "slug", "summary", "easy_language_summary", "duration"):
            german, english = getattr(page, f"{field}_de"), getattr(page, f"{field}_en")
            assert german and english, (page.slug, field)
        assert len(page.how_it_works_de) >= 3 and len(page.how_it_works_en) >= 3, page.slug
        assert {block.block_type for block in page.how_it_works_en} == {"step"}, page.slug
        assert page.target_groups_en and page.accessibility_notes_en, page.slug
        assert page.data_protection_notes_de and page.data_protection_notes_en, page.slug
        assert page.last_reviewed and page.reviewer is None
        page.full_clean()  # group sizes and counterpart rules hold
    for example in FormatExample.objects.all():
        assert example.title_de and example.title_en and example.place_en
        assert example.source_url.startswith("https://")
    # Two formats are deliberately overdue, so the review report has something to show.
    assert formats.review_due(months=12).count() == 2


def assert_alternatives_name_analog_formats_and_digital_ones_have_examples():
    formats = FormatPage.objects.live()
    for page in formats.exclude(mode=Mode.ANALOG):
        assert page.examples.exists(), page.slug
    # The analog originals are a group of their own, not one of the council's three.
    established = formats.filter(mode=Mode.ANALOG)
    assert established.count() == 7
    assert set(established.values_list("category__slug", flat=True)) == {"bewaehrte-formate"}
    assert not formats.filter(category__slug="bewaehrte-formate").exclude(mode=Mode.ANALOG)
    for page in established:
        assert page.alternatives.live().exists(), page.slug
    alternatives = formats.filter(category__slug="digitale-alternativen")
    assert alternatives.count() >= 5
    for page in alternatives:
        assert page.counterpart is not None, page.slug
        assert page.counterpart.mode == Mode.ANALOG
        assert page.counterpart_relation in ("replaces", "complements")
    required = {
        "online-umfrage",
        "video-buergerdialog",
        "stadtteilspaziergang-mit-abstand",
        "hybrider-workshop",
        "telefonsprechstunde",
        "postkartenaktion",
        "fenster-und-zaunausstellung",
        "messenger-gruppe",
        "digitale-pinnwand",
        "buergerrat-online",
        "podcast",
    }
    assert required <= set(formats.values_list("slug_de", flat=True))
    messenger = formats.get(slug_de="messenger-gruppe")
    assert "nicht WhatsApp" in messenger.data_protection_notes_de


def assert_platforms_with_licences_linked_from_formats():
    platforms = PlatformPage.objects.live()
    assert platforms.count() >= 6
    for platform in platforms:
        assert platform.licence and platform.website.startswith("https://")
        assert platform.source_code.startswith("https://github.com/")
        assert platform.summary_de and platform.summary_en
        assert platform.procurement_notes_de and platform.procurement_notes_en
    licences = dict(platforms.values_list("slug_de", "licence"))
    assert licences["decidim"] == "AGPL-3.0-or-later"
    assert licences["limesurvey"] == "GPL-2.0-or-later"
    assert licences["openslides"] == "MIT"
    survey = FormatPage.objects.get(slug_de="online-umfrage")
    assert list(survey.platforms.values_list("slug_de", flat=True)) == ["limesurvey"]
    assert FormatPage.platforms.through.objects.count() >= 10


def test_the_toolkit_demo_is_complete_and_a_second_run_creates_nothing():
    run(["mitwirken.pages", "toolkit"])
    assert_four_categories_each_with_formats()
    assert_every_format_complete_in_german_and_english()
    assert_alternatives_name_analog_formats_and_digital_ones_have_examples()
    assert_platforms_with_licences_linked_from_formats()

    before = counts()
    run(["toolkit"])
    assert counts() == before


def test_procedures_name_formats_once_the_toolkit_is_seeded():
    run(["mitwirken.pages", *PARTICIPATION])  # no toolkit yet: the link step skips
    assert not ProcedurePage.formats.through.objects.exists()

    run(["toolkit", FORMAT_LINKS])
    named = ProcedurePage.objects.live().filter(formats__isnull=False).distinct()
    assert named.count() >= 5
    phoenix = ProcedurePage.objects.get(slug_de="phoenix-see-uferpromenade")
    assert "online-beteiligung" in phoenix.formats.values_list("slug_de", flat=True)
    assert not phoenix.has_unpublished_changes

    before = counts()
    run([FORMAT_LINKS])
    assert counts() == before
