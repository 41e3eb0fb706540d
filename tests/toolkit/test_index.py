"""Instrumentenkoffer: the list of formats, its filter, the categories, paging and queries."""

from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.toolkit import FormatCategoryFactory
from tests.helpers import by_role, ui

pytestmark = pytest.mark.django_db

URL = "/instrumentenkoffer/"


@pytest.fixture
def toolkit(home_page, toolkit_index_page):
    return toolkit_index_page


def titles(response):
    return [format_page.title for format_page in response.context["formats"]]


@pytest.mark.parametrize(
    ("query", "matching", "other"),
    [
        ("mode=analog", {"mode": "analog"}, {"mode": "digital"}),
        ("purpose=empower", {"purpose": "empower"}, {"purpose": "consult"}),
        ("openness=limited", {"openness": "limited"}, {"openness": "open"}),
        ("recruitment=random", {"recruitment": "random"}, {"recruitment": "self_selection"}),
        ("cost_level=low", {"cost_level": "low"}, {"cost_level": "high"}),
        ("staff_effort=low", {"staff_effort": "low"}, {"staff_effort": "high"}),
        ("q=nachbar", {"title": "Nachbarschaftsrat"}, {"title": "Stadtspaziergang"}),
        ("q=Quartier", {"summary": "Für ein Quartier."}, {"summary": "Für die ganze Stadt."}),
        ("category=abstand", {"category__slug": "abstand"}, {"category__slug": "digital"}),
    ],
)
def test_each_filter_narrows_the_list(client, toolkit, format_page_factory, query, matching, other):
    matching, other = dict(matching), dict(other)
    shown = format_page_factory(title=matching.pop("title", "Passt"), **matching)
    format_page_factory(title=other.pop("title", "Passt nicht"), **other)

    assert len(titles(client.get(URL))) == 2
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert titles(response) == [shown.title]


def test_costs_and_staff_effort_filter_by_their_maximum(client, toolkit, format_page_factory):
    format_page_factory(title="Billig", cost_level="low", staff_effort="high")
    format_page_factory(title="Mittel", cost_level="medium", staff_effort="medium")
    format_page_factory(title="Teuer", cost_level="high", staff_effort="low")

    assert titles(client.get(f"{URL}?cost_level=medium")) == ["Billig", "Mittel"]
    assert titles(client.get(f"{URL}?cost_level=high")) == ["Billig", "Mittel", "Teuer"]
    assert titles(client.get(f"{URL}?staff_effort=medium")) == ["Mittel", "Teuer"]


def test_participants_filter_finds_formats_whose_group_size_fits(
    client, toolkit, format_page_factory
):
    format_page_factory(title="Klein", group_size_min=1, group_size_max=10)
    format_page_factory(title="Mittel", group_size_min=5, group_size_max=50)
    format_page_factory(title="Offen", group_size_min=100, group_size_max=None)

    assert titles(client.get(f"{URL}?participants=5")) == ["Klein", "Mittel"]
    assert titles(client.get(f"{URL}?participants=20")) == ["Mittel"]
    assert titles(client.get(f"{URL}?participants=50")) == ["Mittel"]
    assert titles(client.get(f"{URL}?participants=75")) == []
    assert titles(client.get(f"{URL}?participants=5000")) == ["Offen"]


@pytest.mark.parametrize(
    ("query", "error_fields"),
    [
        ("mode=teleportation", {"mode"}),
        ("participants=viele", {"participants"}),
        ("participants=-3", {"participants"}),
        ("participants=99999999999999999999999", {"participants"}),
        ("participants=" + "9" * 5000, {"participants"}),
        ("category=gibt-es-nicht", {"category"}),
        ("cost_level=gratis&staff_effort=0", {"cost_level", "staff_effort"}),
        ("purpose=x&openness=y&recruitment=z", {"purpose", "openness", "recruitment"}),
        ("q=" + "x" * 300, {"q"}),
        ("page=abc", set()),
        ("page=99999", set()),
    ],
)
def test_invalid_filter_values_show_errors_and_are_ignored(
    client, toolkit, format_page_factory, query, error_fields
):
    format_page_factory(title="Eins", mode="analog")
    format_page_factory(title="Zwei", mode="digital")

    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert set(response.context["filter_form"].errors) == error_fields
    assert sorted(titles(response)) == ["Eins", "Zwei"]


def test_valid_filters_still_apply_beside_an_invalid_one(client, toolkit, format_page_factory):
    format_page_factory(title="Analog", mode="analog")
    format_page_factory(title="Digital", mode="digital")

    response = client.get(f"{URL}?mode=analog&participants=viele")

    assert titles(response) == ["Analog"]
    html = response.content.decode()
    assert 'id="format-filter-participants_error"' in html
    assert 'aria-describedby="format-filter-participants_error' in html


def test_every_category_is_listed_with_its_description_and_number_of_formats(
    client, toolkit, format_page_factory
):
    abstand = FormatCategoryFactory(
        name="Abstandsformate", slug="abstand", sort_order=1, description="Mit Abstand dabei."
    )
    teilhabe = FormatCategoryFactory(
        name="Digitale Teilhabe", slug="teilhabe", sort_order=2, description="Für alle online."
    )
    FormatCategoryFactory(
        name="Digitale Alternativen", slug="alternativen", sort_order=3, description="Neu gedacht."
    )
    format_page_factory(category=abstand, mode="analog")
    format_page_factory(category=abstand, mode="digital")
    format_page_factory(category=teilhabe, mode="digital")

    response = client.get(URL)
    html = response.content.decode()
    counts = {category.slug: category.format_count for category in response.context["categories"]}

    assert counts == {"abstand": 2, "teilhabe": 1, "alternativen": 0}
    for text in ("Abstandsformate", "Mit Abstand dabei.", "Digitale Alternativen", "Neu gedacht."):
        assert text in html

    # The counts follow the filter; the category filter leaves the other categories' counts.
    filtered = client.get(f"{URL}?mode=digital&category=abstand")
    counts = {category.slug: category.format_count for category in filtered.context["categories"]}
    assert counts == {"abstand": 1, "teilhabe": 1, "alternativen": 0}
    assert len(titles(filtered)) == 1


def test_categories_link_to_their_formats_keeping_the_other_filters(
    client, toolkit, format_page_factory
):
    format_page_factory(category=FormatCategoryFactory(slug="abstand"), mode="analog")

    html = client.get(f"{URL}?mode=analog&page=1").content.decode()

    assert 'href="?mode=analog&amp;category=abstand#toolkit-formats-heading"' in html


def test_formats_are_grouped_under_their_category_in_category_order(
    client, toolkit, format_page_factory
):
    second = FormatCategoryFactory(name="Zweite Gruppe", slug="zweite", sort_order=2)
    first = FormatCategoryFactory(name="Erste Gruppe", slug="erste", sort_order=1)
    format_page_factory(title="Beta", category=second)
    format_page_factory(title="Alpha", category=second)
    format_page_factory(title="Gamma", category=first)

    response = client.get(URL)
    results = response.content.decode().split('id="toolkit-formats-heading"')[1]

    assert titles(response) == ["Gamma", "Alpha", "Beta"]
    order = ["Erste Gruppe</h3>", "Gamma</a>", "Zweite Gruppe</h3>", "Alpha</a>", "Beta</a>"]
    positions = [results.index(text) for text in order]
    assert positions == sorted(positions)


def test_a_card_shows_the_attributes_and_the_established_format_it_replaces(
    client, toolkit, format_page_factory
):
    analog = format_page_factory(title="Bürgerversammlung", mode="analog")
    digital = format_page_factory(
        title="Online-Bürgerversammlung",
        summary="Die Versammlung im Browser.",
        duration="90 Minuten",
        group_size_min=10,
        group_size_max=None,
        counterpart=analog,
        counterpart_relation="replaces",
    )

    html = client.get(URL).content.decode()
    card = html.split(f'id="format-{digital.pk}"')[1].split("</article>")[0]

    assert f'href="{digital.url}"' in html
    assert "Die Versammlung im Browser." in card
    assert "90 Minuten" in card
    assert "10" in card
    assert by_role(card, "link", "Bürgerversammlung", href=analog.url)


def test_an_established_formats_card_links_its_published_alternatives(
    client, toolkit, format_page_factory
):
    established = FormatCategoryFactory(name="Bewährte analoge Formate", slug="bewaehrte-formate")
    analog = format_page_factory(title="Infostand", mode="analog", category=established)
    for title in ("Fensterausstellung", "Digitale Pinnwand", "Entwurf"):
        format_page_factory(title=title, counterpart=analog, counterpart_relation="complements")
    analog.alternatives.get(title="Entwurf").unpublish()

    html = client.get(URL).content.decode()
    card = html.split(f'id="format-{analog.pk}"')[1].split("</article>")[0]

    assert ui("Alternatives") in card
    for title in ("Digitale Pinnwand", "Fensterausstellung"):
        alternative = analog.alternatives.get(title=title)
        assert by_role(card, "link", title, href=alternative.url)
    assert "Entwurf" not in card


def test_the_established_formats_are_a_group_of_their_own(client, toolkit, format_page_factory):
    alternatives = FormatCategoryFactory(
        name="Digitale Alternativen für bewährte Formate",
        slug="digitale-alternativen",
        sort_order=3,
    )
    established = FormatCategoryFactory(
        name="Bewährte analoge Formate", slug="bewaehrte-formate", sort_order=4
    )
    analog = format_page_factory(title="Bürgerversammlung", mode="analog", category=established)
    digital = format_page_factory(
        title="Video-Bürgerdialog",
        category=alternatives,
        counterpart=analog,
        counterpart_relation="replaces",
    )

    everything = client.get(URL)
    html = everything.content.decode().split('id="toolkit-formats-heading"')[1]
    order = [
        "Digitale Alternativen für bewährte Formate</h3>",
        f'id="format-{digital.pk}"',
        "Bewährte analoge Formate</h3>",
        f'id="format-{analog.pk}"',
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert titles(client.get(f"{URL}?category=bewaehrte-formate")) == ["Bürgerversammlung"]
    assert titles(client.get(f"{URL}?category=digitale-alternativen")) == ["Video-Bürgerdialog"]


def test_cards_have_compare_checkboxes_for_a_separate_compare_form(
    client, toolkit, format_page_factory
):
    one = format_page_factory()
    two = format_page_factory()

    html = client.get(URL).content.decode()

    for format_page in (one, two):
        assert (
            f'type="checkbox" id="compare-{format_page.pk}" name="format" '
            f'value="{format_page.pk}" form="compare-form"'
        ) in html
    assert '<form id="compare-form"' in html
    assert 'action="/instrumentenkoffer/vergleich/"' in html
    assert forms_nest(html) is False


def test_the_index_links_to_the_platforms_and_the_suggestion_form(
    client, toolkit, platform_index_page
):
    html = client.get(URL).content.decode()

    assert 'href="/instrumentenkoffer/plattformen/"' in html
    assert 'href="/instrumentenkoffer/vorschlagen/"' in html


def test_without_platform_index_there_is_no_platform_link(client, toolkit):
    html = client.get(URL).content.decode()

    assert "/plattformen/" not in html


def test_english_wording(client, toolkit, format_page_factory, platform_index_page):
    format_page_factory(title="Online-Dialog")

    response = client.get("/en/instrumentenkoffer/")
    html = response.content.decode()

    assert response.status_code == 200
    for text in (
        "Compare selected formats (2 to 4)",
        "Suggest a format",
        "Find formats",
        "Number of participants",
        "1 format found",
        "Online-Dialog",
    ):
        assert text in html


def test_pagination_keeps_the_filters(client, toolkit, format_page_factory):
    for number in range(26):
        format_page_factory(title=f"Analog {number:02}", mode="analog")
    format_page_factory(title="Digital", mode="digital")

    first = client.get(f"{URL}?mode=analog")
    html = first.content.decode()

    assert len(titles(first)) == 24
    assert 'href="?mode=analog&amp;page=2"' in html
    second = client.get(f"{URL}?mode=analog&page=2")
    assert titles(second) == ["Analog 24", "Analog 25"]
    assert 'href="?mode=analog&amp;page=1"' in second.content.decode()


def test_the_list_needs_as_many_queries_for_60_formats_as_for_15(
    client, toolkit, format_page_factory, platform_page_factory, django_assert_max_num_queries
):
    categories = [FormatCategoryFactory(sort_order=number) for number in range(3)]
    platforms = [platform_page_factory(), platform_page_factory()]
    established = format_page_factory(mode="analog", category=categories[0])

    def add_formats(count):
        for number in range(count):
            format_page_factory(
                category=categories[number % 3],
                platforms=platforms,
                counterpart=established,
                counterpart_relation="complements",
            )

    add_formats(14)
    cache.clear()  # fragments built anew each time: their queries are counted too
    with CaptureQueriesContext(connection) as fifteen:
        assert client.get(f"{URL}?participants=10").status_code == 200

    add_formats(45)
    cache.clear()
    with django_assert_max_num_queries(len(fifteen)):
        response = client.get(f"{URL}?participants=10")
    assert response.context["formats"].paginator.count == 60


class _FormNesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.nested = False

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.nested = self.nested or self.depth > 0
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "form":
            self.depth -= 1


def forms_nest(html: str) -> bool:
    parser = _FormNesting()
    parser.feed(html)
    return parser.nested


def test_the_kept_list_shows_a_format_published_since_and_each_filter_its_own(
    client, citizen, toolkit, format_page_factory
):
    client.force_login(citizen)  # the list a signed-in person gets, not the page cache's
    format_page_factory(title="Stadtspaziergang", mode="analog")
    client.get(URL)

    format_page_factory(title="Online-Umfrage", mode="digital")
    everything = client.get(URL).content.decode()
    analog = client.get(URL, {"mode": "analog"}).content.decode()

    assert "Stadtspaziergang" in everything and "Online-Umfrage" in everything
    assert "Stadtspaziergang" in analog and "Online-Umfrage" not in analog
