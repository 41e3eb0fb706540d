"""An offering's page: what it is for, who runs it, where, when, how to reach it, accessibility."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import capfirst

from mitwirken.places.models import District
from tests.helpers import by_role, parsed, text_of, ui
from wegweiser.models import Intent

pytestmark = pytest.mark.django_db


def facts(html: str) -> dict[str, str]:
    """The description lists' terms and their descriptions, as text."""
    terms = parsed(html).find_all("dt")
    return {text_of(term): text_of(term.find_next_sibling("dd")) for term in terms}


@pytest.fixture
def offering(home_page, wegweiser_page, offering_page_factory):
    return offering_page_factory(
        title="Bürgersprechstunde Hörde",
        summary="Sagen Sie der Bezirksbürgermeisterin, was Sie bewegt.",
        description="<p>Jeden ersten Dienstag im Monat.</p>",
        intents=["opinion", "complaint"],
        districts=[District.objects.get(slug="hoerde"), District.objects.get(slug="aplerbeck")],
        provider="Bezirksverwaltungsstelle Hörde",
        channel="both",
        address="Hörder Bahnhofstraße 16\n44263 Dortmund",
        opening_times="Dienstag 16 bis 18 Uhr",
        phone="0231 50-2 34 56",
        email="bv-hoerde@example.org",
        website="https://example.org/sprechstunde",
        languages="Deutsch, Türkisch, Englisch",
        step_free=True,
        induction_loop=False,
        sign_language=True,
        accessibility_notes="Aufzug am Seiteneingang.",
        costs="kostenlos",
    )


def test_the_offering_page_shows_every_fact_in_description_lists(client, offering):
    response = client.get(offering.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Bürgersprechstunde Hörde</h1>" in html
    assert "Jeden ersten Dienstag im Monat." in html
    shown = facts(html)
    assert shown[ui("What it is for")] == " ".join(
        [capfirst(ui("give my opinion")), capfirst(ui("make a complaint or a suggestion"))]
    )
    assert shown[ui("Run by")] == "Bezirksverwaltungsstelle Hörde"
    assert shown[ui("Online or in person")] == capfirst(ui("online and in person"))
    assert shown[ui("Districts")] == "Aplerbeck, Hörde"
    assert shown[ui("Languages offered")] == "Deutsch, Türkisch, Englisch"
    assert shown[ui("Costs")] == "kostenlos"
    assert shown[ui("Opening times")] == "Dienstag 16 bis 18 Uhr"
    assert "<address>Hörder Bahnhofstraße 16<br>44263 Dortmund</address>" in html
    assert shown[ui("Step-free access")] == ui("yes")
    assert shown[ui("Induction loop")] == ui("no")
    assert shown[ui("Sign language on request")] == ui("yes")
    assert shown[ui("More on accessibility")] == "Aufzug am Seiteneingang."


def test_phone_e_mail_and_website_are_links(client, offering):
    html = client.get(offering.url).content.decode()
    assert by_role(html, "link", "0231 50-2 34 56", href="tel:02315023456")
    assert 'href="mailto:bv-hoerde@example.org"' in html
    assert 'href="https://example.org/sprechstunde"' in html


def test_a_city_wide_offering_says_so_and_leaves_out_missing_contact_details(
    client, home_page, wegweiser_page, offering_page_factory
):
    offering = offering_page_factory(title="Bürgertelefon", intents=["inform"], channel="online")
    html = client.get(offering.url).content.decode()
    shown = facts(html)
    assert shown[ui("Districts")] == ui("Whole city")
    assert shown[ui("Online or in person")] == capfirst(ui("online"))
    assert "tel:" not in html and "mailto:" not in html
    assert ui("Address") not in shown
    # The three accessibility facts are always stated, as yes or no.
    assert shown[ui("Step-free access")] == ui("no")
    assert 'href="/wegweiser/"' in html


def test_an_offering_page_needs_as_many_queries_for_twelve_districts_as_for_one(
    client,
    home_page,
    wegweiser_page,
    offering_page_factory,
    django_assert_max_num_queries,
    without_page_cache,
):
    few = offering_page_factory(intents=["opinion"], districts=[District.objects.first()])
    many = offering_page_factory(
        intents=[slug for slug, _label in Intent.Choices.choices],
        districts=list(District.objects.all()),
    )
    cache.clear()  # fragments built anew each time: their queries are counted too
    with CaptureQueriesContext(connection) as one:
        client.get(few.url)

    cache.clear()
    with django_assert_max_num_queries(len(one)):
        assert client.get(many.url).status_code == 200
