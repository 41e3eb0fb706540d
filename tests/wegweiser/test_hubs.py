"""The district hubs: /stadtbezirke/ lists all twelve; each hub shows its Bezirksvertretung and
upcoming sessions, and the procedures, offerings, events and news of its district only."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mitwirken.places.models import District
from tests.factories.participation import EventFactory, ProcedurePageFactory, phase
from tests.helpers import ui
from wegweiser.models import CouncilSession

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def hub(home_page, district_hub_page_factory, hoerde):
    return district_hub_page_factory(
        district=hoerde,
        council_intro="<p>Die Bezirksvertretung Hörde hat 19 Mitglieder.</p>",
        council_office="Hörder Bahnhofstraße 16, 44263 Dortmund",
        council_url="https://ratsinfo.example.org/bv-hoerde",
    )


def test_the_hub_index_lists_all_twelve_district_hubs(
    client, home_page, district_hub_index_page, district_hub_page_factory
):
    for district in District.objects.all():
        district_hub_page_factory(district=district)
    response = client.get("/stadtbezirke/")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["hubs"]) == 12
    for district in District.objects.all():
        assert f'href="/stadtbezirke/{district.slug}/"' in html
    assert html.index("Innenstadt-West") < html.index("Mengede")


def test_the_hub_shows_the_district_residents_and_the_bezirksvertretung(client, hub, hoerde):
    response = client.get("/stadtbezirke/hoerde/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["district"] == hoerde
    assert "56.547" in html
    assert hoerde.residents_source in html
    assert "Die Bezirksvertretung Hörde hat 19 Mitglieder." in html
    assert "Hörder Bahnhofstraße 16, 44263 Dortmund" in html
    assert 'href="https://ratsinfo.example.org/bv-hoerde"' in html


def test_mengede_has_no_population_figure(client, home_page, district_hub_page_factory):
    district_hub_page_factory(district=District.objects.get(slug="mengede"))
    html = client.get("/stadtbezirke/mengede/").content.decode()
    assert ui("no population figure") in html


def test_the_hub_links_the_finder_preset_for_its_district(client, hub, wegweiser_page):
    html = client.get("/stadtbezirke/hoerde/").content.decode()
    assert 'href="/wegweiser/?district=hoerde"' in html
    # The finder opens with Hörde chosen.
    finder = client.get("/wegweiser/?district=hoerde").content.decode()
    assert 'value="hoerde" checked' in finder


def test_the_hub_shows_upcoming_sessions_in_order_and_past_ones_only_as_recent(client, hub):
    later = CouncilSession.objects.create(
        page=hub, start=in_days(30), place="Saal 2", question_time=False
    )
    soon = CouncilSession.objects.create(
        page=hub,
        start=in_days(3),
        place="Bezirksverwaltungsstelle Hörde, Saal 1",
        notes="Thema: Phoenixsee",
        agenda_url="https://ratsinfo.example.org/tagesordnung-1",
    )
    past = CouncilSession.objects.create(page=hub, start=in_days(-10), place="Alter Saal")
    response = client.get("/stadtbezirke/hoerde/")
    html = response.content.decode()
    contents = response.context["hub"]
    assert contents.upcoming_sessions == [soon, later]
    assert contents.recent_sessions == [past]
    assert html.index("Bezirksverwaltungsstelle Hörde, Saal 1") < html.index("Saal 2")
    assert "Thema: Phoenixsee" in html
    assert 'href="https://ratsinfo.example.org/tagesordnung-1"' in html
    # Question time is marked on the session that has it only.
    upcoming = html.split('id="hub-sessions-heading"')[1].split('id="hub-procedures-heading"')[0]
    cards = upcoming.split("<article")[1:]
    assert "kern-badge--success" in cards[0] and "kern-badge--success" not in cards[1]


def test_the_hub_without_sessions_says_so(client, hub):
    response = client.get("/stadtbezirke/hoerde/")
    assert response.context["hub"].upcoming_sessions == []
    assert ui("No upcoming sessions are listed here yet.") in response.content.decode()


def test_the_hub_shows_procedures_offerings_events_and_news_of_its_district_only(
    client,
    hub,
    hoerde,
    eving,
    procedure_page_factory,
    offering_page_factory,
    event_factory,
    news_index_page_factory,
    news_page_factory,
):
    open_here = procedure_page_factory(title="Phoenixsee-Ufer", districts=[(hoerde, True)])
    procedure_page_factory(title="Hörder Markt geplant", districts=[hoerde], phases=[phase(10)])
    procedure_page_factory(title="Hörde vorbei", districts=[hoerde], phases=[phase(-30)])
    elsewhere = procedure_page_factory(title="Evinger Platz", districts=[eving])
    procedure_page_factory(title="Stadtweiter Haushalt")
    offering_page_factory(title="Sprechstunde Hörde", districts=[hoerde])
    offering_page_factory(title="Sprechstunde Eving", districts=[eving])
    offering_page_factory(title="Bürgertelefon")
    event_factory(procedure=open_here, title="Ufer-Spaziergang")
    event_factory(procedure=open_here, title="Schon vorbei", start=in_days(-5))
    event_factory(procedure=elsewhere, title="Evinger Versammlung")
    news = news_index_page_factory()
    news_page_factory(parent=news, title="Neues aus Hörde", districts=[hoerde])
    news_page_factory(parent=news, title="Neues aus Eving", districts=[eving])
    for number in range(6):
        news_page_factory(
            parent=news,
            title=f"Meldung {number}",
            districts=[hoerde],
            date=datetime.date(2025, 1, 1 + number),
        )

    response = client.get("/stadtbezirke/hoerde/")
    html = response.content.decode()
    contents = response.context["hub"]

    assert [p.title for p in contents.procedures] == ["Phoenixsee-Ufer", "Hörder Markt geplant"]
    assert [o.title for o in contents.offerings] == ["Sprechstunde Hörde"]
    assert [e.title for e in contents.events] == ["Ufer-Spaziergang"]
    assert [n.title for n in contents.news] == [
        "Neues aus Hörde",
        "Meldung 5",
        "Meldung 4",
        "Meldung 3",
        "Meldung 2",
    ]
    for title in ["Phoenixsee-Ufer", "Hörder Markt geplant", "Sprechstunde Hörde"]:
        assert title in html
    assert f'href="{open_here.url}#event-' in html
    for title in [
        "Hörde vorbei",
        "Evinger Platz",
        "Stadtweiter Haushalt",
        "Sprechstunde Eving",
        "Bürgertelefon",
        "Evinger Versammlung",
        "Schon vorbei",
        "Neues aus Eving",
        "Meldung 0",
    ]:
        assert title not in html


def test_an_empty_hub_has_an_empty_state_in_every_section(client, hub):
    html = client.get("/stadtbezirke/hoerde/").content.decode()
    for text in [
        "No upcoming sessions are listed here yet.",
        "No events are planned at the moment.",
        "There is no news from this district yet.",
    ]:
        assert ui(text) in html
    for text in [
        "No procedure for %(name)s is open or planned at the moment.",
        "No offering is listed for %(name)s yet.",
    ]:
        assert ui(text) % {"name": "Hörde"} in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_hubs_make_as_many_queries_for_80_offerings_as_for_20(
    client,
    hub,
    hoerde,
    wegweiser_page,
    procedure_page_factory,
    offering_page_factory,
    event_factory,
    news_index_page_factory,
    news_page_factory,
    django_assert_max_num_queries,
    without_page_cache,
):
    def make(count):
        for number in range(count):
            offering_page_factory(districts=[hoerde] if number % 2 else [], channel="both")

    make(20)
    CouncilSession.objects.create(page=hub, start=in_days(3), place="Saal 1")
    CouncilSession.objects.create(page=hub, start=in_days(-3), place="Saal 1")
    procedure = procedure_page_factory(districts=[hoerde])
    event_factory(procedure=procedure)
    news_page_factory(parent=news_index_page_factory(), districts=[hoerde])
    baseline = {url: _queries(client, url) for url in ["/stadtbezirke/hoerde/", "/stadtbezirke/"]}
    make(60)
    for _number in range(5):
        procedure = procedure_page_factory(districts=[hoerde])
        event_factory(procedure=procedure)
        CouncilSession.objects.create(page=hub, start=in_days(3), place="Saal 1")
    for url, count in baseline.items():
        with django_assert_max_num_queries(count):
            response = client.get(url)
    hub_response = client.get("/stadtbezirke/hoerde/")
    assert len(hub_response.context["hub"].offerings) == 20
    assert hub_response.context["hub"].more_offerings
    assert response.status_code == 200


def test_a_kept_hub_lists_a_session_as_recent_once_it_has_begun(client, citizen, hub):
    client.force_login(citizen)  # the hub a signed-in person gets, not the page cache's
    begins = timezone.now() + datetime.timedelta(seconds=1.5)
    CouncilSession.objects.create(page=hub, start=begins, place="Saal im Rathaus Hörde")

    def listed_under():
        html = client.get("/stadtbezirke/hoerde/").content.decode()
        upcoming = html.split('id="hub-sessions-heading"')[1].split("hub-recent-sessions")[0]
        return "upcoming" if "Saal im Rathaus Hörde" in upcoming else "recent"

    assert listed_under() == "upcoming"
    time.sleep((begins - timezone.now()).total_seconds() + 0.2)
    assert listed_under() == "recent"


def test_a_kept_hub_shows_an_event_entered_after_it_was_kept(
    client, hub, hoerde, django_capture_on_commit_callbacks
):
    procedure = ProcedurePageFactory(title="Phoenixsee-Ufer", districts=[hoerde])
    client.get("/stadtbezirke/hoerde/")

    # Committed, as an event entered in the admin is (a visitor's page is kept until then).
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(procedure=procedure, title="Ufer-Spaziergang", start=in_days(5))

    assert "Ufer-Spaziergang" in client.get("/stadtbezirke/hoerde/").content.decode()
