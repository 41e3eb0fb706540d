"""The home page links the twelve district hubs (a Wegweiser section through a hook)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitwirken.places.models import District
from tests.helpers import by_role

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
