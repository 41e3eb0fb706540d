"""The platforms: the comparison matrix of all of them, and one platform's page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import by_role, one

pytestmark = pytest.mark.django_db

URL = "/instrumentenkoffer/plattformen/"


@pytest.fixture
def platforms_index(home_page, toolkit_index_page, platform_index_page):
    return platform_index_page


def test_the_matrix_lists_every_platform_with_its_criteria(
    client, platforms_index, platform_page_factory
):
    platforms = [
        platform_page_factory(
            title="Decidim",
            licence="AGPL-3.0-or-later",
            hosting="self_hosted",
            languages="Deutsch, Englisch, Türkisch",
            data_protection="Betrieb im eigenen Rechenzentrum möglich.",
            accessibility="BITV-Test 2024 bestanden.",
            costs="Keine Lizenzkosten; Betrieb ab 5.000 Euro im Jahr.",
            community="Große Gemeinschaft, Stiftung in Barcelona.",
            procurement_notes="Rahmenvertrag über den IT-Planungsrat.",
        ),
        platform_page_factory(title="Adhocracy+", licence="AGPL-3.0-only", hosting="service"),
        platform_page_factory(title="CONSUL Democracy", licence="AGPL-3.0-or-later"),
    ]
    hidden = platform_page_factory(title="Entwurfsplattform")
    hidden.unpublish()

    response = client.get(URL)
    html = response.content.decode()
    table = html.split("<table")[1].split("</table>")[0]

    assert response.status_code == 200
    assert table.count('scope="row"') == 3
    assert table.count('scope="col"') == 9
    for platform in platforms:
        row = table.split(f'href="{platform.url}">{platform.title}</a></th>')[1].split("</tr>")[0]
        assert by_role(row, "cell", platform.licence)
    for text in (
        "Deutsch, Englisch, Türkisch",
        "Betrieb im eigenen Rechenzentrum möglich.",
        "BITV-Test 2024 bestanden.",
        "Keine Lizenzkosten; Betrieb ab 5.000 Euro im Jahr.",
        "Große Gemeinschaft, Stiftung in Barcelona.",
        "Rahmenvertrag über den IT-Planungsrat.",
    ):
        assert text in table
    assert "Entwurfsplattform" not in html
    region = one(html, "region", aria_labelledby="platform-matrix-caption")
    assert region["tabindex"] == "0"  # the scrolling table can be reached with the keyboard
    assert 'id="platform-matrix-caption"' in table


def test_english_column_headers(client, platforms_index, platform_page_factory):
    platform_page_factory()

    html = client.get(f"/en{URL}").content.decode()

    for text in (
        "Licence",
        "Hosting",
        "Languages",
        "Community and maintenance",
        "Procurement notes",
    ):
        assert f'scope="col">{text}</th>' in html


def test_the_matrix_needs_as_many_queries_for_12_platforms_as_for_3(
    client,
    platforms_index,
    platform_page_factory,
    django_assert_max_num_queries,
    without_page_cache,
):
    for _ in range(3):
        platform_page_factory()
    cache.clear()  # fragments built anew each time: their queries are counted too
    with CaptureQueriesContext(connection) as three:
        client.get(URL)

    for _ in range(9):
        platform_page_factory()
    cache.clear()
    with django_assert_max_num_queries(len(three)):
        response = client.get(URL)
    assert len(response.context["platforms"]) == 12


def test_a_platform_page_shows_its_criteria_links_and_formats(
    client, platforms_index, platform_page_factory, format_page_factory
):
    platform = platform_page_factory(
        title="Decidim",
        website="https://decidim.org/",
        source_code="https://github.com/decidim/decidim",
        licence="AGPL-3.0-or-later",
        maintainer="Decidim Free Software Association",
        hosting="both",
        hosting_notes="Auch bei kommunalen Rechenzentren.",
        procurement_notes="Ausschreibung nach UVgO.",
    )
    uses = format_page_factory(title="Online-Haushalt", platforms=[platform])
    draft = format_page_factory(title="Entwurfsformat", platforms=[platform])
    draft.unpublish()
    format_page_factory(title="Ohne Plattform")

    response = client.get(platform.url)
    html = response.content.decode().split('id="main"')[1]

    assert response.status_code == 200
    for text in (
        'href="https://decidim.org/"',
        'href="https://github.com/decidim/decidim"',
        "AGPL-3.0-or-later",
        "Decidim Free Software Association",
        "Auch bei kommunalen Rechenzentren.",
        "Ausschreibung nach UVgO.",
    ):
        assert text in html
    assert by_role(html, "link", "Online-Haushalt", href=uses.url)
    assert "Entwurfsformat" not in html
    assert "Ohne Plattform" not in html


def test_a_platform_no_format_uses_says_so_in_english(
    client, platforms_index, platform_page_factory
):
    platform = platform_page_factory()

    html = client.get(f"/en{platform.url}").content.decode()

    assert "Formats that use this platform" in html
    assert "No format in the toolkit names this platform yet." in html


def test_a_platform_page_needs_as_many_queries_for_ten_formats_as_for_one(
    client,
    platforms_index,
    platform_page_factory,
    format_page_factory,
    without_page_cache,
):
    platform = platform_page_factory()
    format_page_factory(platforms=[platform])
    cache.clear()  # fragments built anew each time: their queries are counted too
    with CaptureQueriesContext(connection) as one:
        client.get(platform.url)

    for _ in range(9):
        format_page_factory(platforms=[platform])
    cache.clear()
    with CaptureQueriesContext(connection) as ten:
        response = client.get(platform.url)
    assert len(ten) <= len(one)
    assert response.status_code == 200
