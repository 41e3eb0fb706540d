"""The home page links the twelve district hubs (a Wegweiser section through a hook)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitwirken.places.models import District
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


def hub_section(html: str) -> str:
    return html.split('id="home-district-hubs"')[1].split("</section>")[0]


def test_the_home_page_lists_every_district_hub(
    client, home_page, district_hub_index_page, district_hub_page_factory
):
    for district in District.objects.all():
        district_hub_page_factory(district=district)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    section = hub_section(html)
    for district in District.objects.all():
        assert f'href="/stadtbezirke/{district.slug}/"' in section
        assert district.name in section
    assert section.count("<li>") == 12
    assert 'href="/stadtbezirke/"' in section
    assert by_role(html, "heading", level=2, id="home-district-hubs")


def test_without_hubs_the_home_page_has_no_district_section(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert all(not part.html for part in response.context["home_parts"])
    assert 'id="home-district-hubs"' not in response.content.decode()


def test_the_home_page_makes_as_many_queries_with_twelve_hubs_as_with_two(
    client, home_page, district_hub_page_factory, django_assert_max_num_queries
):
    districts = list(District.objects.all())
    for district in districts[:2]:
        district_hub_page_factory(district=district)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    for district in districts[2:]:
        district_hub_page_factory(district=district)
    with django_assert_max_num_queries(len(queries)):
        response = client.get("/")
    assert hub_section(response.content.decode()).count("<li>") == 12


def test_the_home_page_asks_the_finders_three_questions_and_the_finder_answers(
    client, home_page, wegweiser_page_factory
):
    wegweiser_page_factory()
    html = client.get("/").content.decode()
    finder = parsed(html).select_one('section[aria-labelledby="home-finder"]')
    form = one(finder, "form")
    assert form["method"] == "get" and form["action"] == "/wegweiser/"
    questions = [text_of(group.legend) for group in by_role(form, "group")]
    assert questions == [ui("What do you want to do?"), ui("Where?"), ui("How?")]
    assert len(by_role(form, "group")[1].select("input[type=radio]")) == 13  # 12 + whole city
    assert form.select_one("input[name=how][value=either]").has_attr("checked")
    assert one(form, "button", ui("Show what fits"))
    # Sent without JavaScript, the answers go to the finder page, which shows what fits.
    response = client.get(
        form["action"], {"intent": "opinion", "district": "hoerde", "how": "either"}
    )
    assert response.status_code == 200 and response.context["answered"]


def test_without_a_finder_page_the_home_page_has_no_finder(client, home_page):
    assert 'id="home-finder"' not in client.get("/").content.decode()
