"""The comparison of two to four formats at /instrumentenkoffer/vergleich/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import by_role, one, parsed, ui
from toolkit.models import FormatSuggestion
from toolkit.views import ATTRIBUTES

pytestmark = pytest.mark.django_db

URL = "/instrumentenkoffer/vergleich/"


@pytest.fixture
def toolkit(home_page, toolkit_index_page):
    return toolkit_index_page


def compare_url(*ids, prefix=""):
    return prefix + URL + "?" + "&".join(f"format={pk}" for pk in ids)


def test_three_formats_side_by_side(client, toolkit, format_page_factory, platform_page_factory):
    decidim = platform_page_factory(title="Decidim")
    analog = format_page_factory(title="Bürgerversammlung", mode="analog")
    formats = [
        format_page_factory(title="Online-Dialog", platforms=[decidim]),
        format_page_factory(title="Spaziergang", mode="distance", duration="90 Minuten"),
        format_page_factory(
            title="Hybrid-Forum",
            mode="hybrid",
            counterpart=analog,
            counterpart_relation="complements",
            equipment_organisers="Kamera und Mikrofon",
        ),
    ]

    response = client.get(compare_url(*(format_page.pk for format_page in formats)))
    html = response.content.decode()

    assert response.status_code == 200
    assert [format_page.title for format_page in response.context["formats"]] == [
        "Online-Dialog",
        "Spaziergang",
        "Hybrid-Forum",
    ]
    for format_page in formats:
        header = one(html, "columnheader", format_page.title)
        assert by_role(header, "link", format_page.title, href=format_page.url)
    assert html.count('scope="row"') == len(ATTRIBUTES) + 3
    for text in (
        "90 Minuten",
        "Kamera und Mikrofon",
        f'href="{decidim.url}"',
        f'href="{analog.url}"',
    ):
        assert text in html
    region = one(html, "region", aria_labelledby="compare-caption")
    assert region["tabindex"] == "0"  # the scrolling table can be reached with the keyboard
    assert region.find("table").caption["id"] == "compare-caption"
    assert by_role(html, "link", "Instrumentenkoffer", href="/instrumentenkoffer/")


def test_an_established_format_and_its_alternative_name_each_other(
    client, toolkit, format_page_factory
):
    analog = format_page_factory(title="Infostand", mode="analog")
    digital = format_page_factory(
        title="Digitale Pinnwand", counterpart=analog, counterpart_relation="complements"
    )

    html = client.get(compare_url(analog.pk, digital.pk)).content.decode()

    def row(label):
        return parsed(html).find("th", scope="row", string=label).parent

    # Columns: the established format first, then its alternative.
    established, alternatives = row(ui("Established format")), row(ui("Alternatives"))
    analog_cell, digital_cell = established.find_all("td")
    assert not by_role(analog_cell, "link")
    assert by_role(digital_cell, "link", "Infostand", href=analog.url)
    analog_cell, digital_cell = alternatives.find_all("td")
    assert by_role(analog_cell, "link", "Digitale Pinnwand", href=digital.url)
    assert not by_role(digital_cell, "link")


def test_english_row_labels(client, toolkit, format_page_factory):
    one, two = format_page_factory(), format_page_factory()

    html = client.get(compare_url(one.pk, two.pk, prefix="/en")).content.decode()

    for text in (
        "Compare formats",
        "Comparison of 2 formats",
        "Category",
        "Who can take part",
        "Participants",
        "Preparation effort",
        "Equipment participants need",
        "Tools and platforms",
        "Established format",
    ):
        assert text in html


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ([], "too_few"),
        (["{a}"], "too_few"),
        (["{a}", "{b}", "{c}", "{d}", "{e}"], "too_many"),
        (["{a}", "abc"], "invalid"),
        (["{a}", ""], "invalid"),
        (["{a}", "-1"], "invalid"),
        (["{a}", "1.5"], "invalid"),
        (["{a}", "99999999999999999999999"], "invalid"),
        (["{a}", "9" * 5000], "invalid"),
        (["{a}", "{a}"], "duplicate"),
        (["{a}", "{b}", "{a}"], "duplicate"),
        (["{a}", "987654"], "unknown"),
        (["{a}", "{draft}"], "unknown"),
        (["{a}", "{home}"], "unknown"),
    ],
)
def test_a_bad_choice_is_a_400_page_with_the_reason_and_a_way_back(
    client, toolkit, format_page_factory, home_page, values, code
):
    ids = {name: format_page_factory().pk for name in "abcde"}
    draft = format_page_factory()
    draft.unpublish()
    ids.update(draft=draft.pk, home=home_page.pk)
    query = "&".join(f"format={value.format(**ids)}" for value in values)

    response = client.get(f"{URL}?{query}")
    html = response.content.decode()

    assert response.status_code == 400
    assert [error.code for error in response.context["form"].errors.as_data()["format"]] == [code]
    assert by_role(html, "alert")
    assert 'href="/instrumentenkoffer/#toolkit-formats-heading"' in html
    assert "<table" not in html
    assert "<h1" in html and 'id="main"' in html
    assert FormatSuggestion.objects.count() == 0


def test_the_error_is_explained_in_english(client, toolkit, format_page_factory):
    one = format_page_factory()

    response = client.get(compare_url(one.pk, prefix="/en"))
    html = response.content.decode()

    assert response.status_code == 400
    assert "Please choose at least 2 formats to compare." in html
    assert "Back to the list of formats" in html


def test_comparing_four_needs_no_more_queries_than_comparing_two(
    client,
    toolkit,
    format_page_factory,
    platform_page_factory,
    without_page_cache,
):
    analog = format_page_factory(mode="analog")
    formats = [
        format_page_factory(
            platforms=[platform_page_factory(), platform_page_factory()],
            counterpart=analog,
            counterpart_relation="replaces",
        )
        for _ in range(4)
    ]
    ids = [format_page.pk for format_page in formats]
    client.get(compare_url(*ids[:2]))

    with CaptureQueriesContext(connection) as two:
        assert client.get(compare_url(*ids[:2])).status_code == 200
    with CaptureQueriesContext(connection) as four:
        assert client.get(compare_url(*ids)).status_code == 200

    assert len(four) == len(two)
