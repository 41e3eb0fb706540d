"""A request finds its page by the slugs of the active language, falling back to German where a
page has no slug of its own, in one query per level of the path however many pages are beside
it (``mitwirken.pages.routing``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowledge(home_page, standard_page_factory):
    return standard_page_factory(title="Wissen", slug="wissen", slug_en="knowledge")


def title_of(response) -> str:
    return response.context["page"].title


def test_a_page_is_found_by_the_slugs_of_the_language_of_the_path(
    client, knowledge, standard_page_factory
):
    standard_page_factory(parent=knowledge, title="Glossar", slug="glossar", slug_en="glossary")
    untranslated = standard_page_factory(parent=knowledge, title="Nur Deutsch", slug="nur-deutsch")

    assert title_of(client.get("/wissen/glossar/")) == "Glossar"
    assert client.get("/en/knowledge/glossary/").status_code == 200
    # Without an English slug the English path takes the German one, as its links do.
    with translation.override("en"):
        assert untranslated.get_url() == "/en/knowledge/nur-deutsch/"
    assert client.get("/en/knowledge/nur-deutsch/").status_code == 200


def test_a_slug_of_another_language_or_an_unknown_one_finds_nothing(client, knowledge):
    assert client.get("/en/wissen/").status_code == 404
    assert client.get("/knowledge/").status_code == 404
    assert client.get("/wissen/gibt-es-nicht/").status_code == 404


def test_a_draft_is_not_found_but_a_page_below_it_is(client, knowledge, standard_page_factory):
    below = standard_page_factory(parent=knowledge, title="Glossar", slug="glossar")
    knowledge.unpublish()

    assert client.get("/wissen/").status_code == 404
    assert title_of(client.get(below.url)) == "Glossar"


def test_a_routable_pages_own_routes_are_found_in_both_languages(client, home_page, wegweiser_page):
    assert client.get("/wegweiser/a-z/").status_code == 200
    assert client.get("/en/wegweiser/a-z/").status_code == 200
    assert client.get("/wegweiser/gibt-es-nicht/").status_code == 404


def test_a_deep_page_takes_as_many_queries_beside_thirty_pages_as_beside_none(
    client, citizen, home_page, procedure_page_factory, district_folder_page_factory
):
    from mitwirken.places.models import District

    client.force_login(citizen)  # never served from the page cache
    hoerde = District.objects.get(slug="hoerde")
    procedure = procedure_page_factory(title="Phoenixsee", districts=[hoerde])
    client.get(procedure.url)
    with CaptureQueriesContext(connection) as alone:
        client.get(procedure.url)

    for district in District.objects.exclude(pk=hoerde.pk):
        district_folder_page_factory(district=district)
    for _number in range(30):
        procedure_page_factory(districts=[hoerde])
    client.get(procedure.url)
    with CaptureQueriesContext(connection) as crowded:
        response = client.get(procedure.url)

    assert title_of(response) == "Phoenixsee"
    assert len(crowded) <= len(alone)
