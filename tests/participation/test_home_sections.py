"""The home page's sections from participation: the open procedures, the nearest deadline
first, and the next events."""

import datetime
import time

import pytest
from django.utils import timezone

from mitwirken.places.models import District
from participation.views import HOME_EVENTS, HOME_PROCEDURES
from tests.factories.participation import phase
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


def section(response, key: str):
    found = parsed(response).select(f'section[aria-labelledby="home-{key}"]')
    return found[0] if found else None


def card_titles(element) -> list[str]:
    return [text_of(heading) for heading in by_role(element, "heading", level=3)]


@pytest.fixture
def index(home_page, procedure_index_page_factory):
    return procedure_index_page_factory()


def test_open_procedures_come_with_the_nearest_deadline_first_and_their_district(
    client, index, procedure_page_factory
):
    hoerde, eving = District.objects.get(slug="hoerde"), District.objects.get(slug="eving")
    # Open: a current phase ending in 20 days; in 5 days; between phases (the next starts in 9).
    procedure_page_factory(title="In zwanzig Tagen", phases=[phase(-3, 23)], districts=[hoerde])
    procedure_page_factory(title="In fünf Tagen", phases=[phase(-3, 8)], districts=[eving])
    procedure_page_factory(
        title="Zwischen zwei Phasen", phases=[phase(-10, 5), phase(9, 14)], districts=[hoerde]
    )
    # Not open: planned, closed, and a draft.
    procedure_page_factory(title="Geplant", phases=[phase(30)])
    procedure_page_factory(title="Beendet", phases=[phase(-30, 10)])
    procedure_page_factory(title="Entwurf").unpublish()

    html = section(client.get("/"), "open-procedures")
    assert text_of(one(html, "heading", level=2)) == ui("Take part now")
    assert card_titles(html) == ["In fünf Tagen", "Zwischen zwei Phasen", "In zwanzig Tagen"]
    first = by_role(html, "listitem")[0]
    assert "Eving" in text_of(first)
    deadline = timezone.localtime(timezone.now() + datetime.timedelta(days=5))
    assert first.find("time")["datetime"].startswith(deadline.strftime("%Y-%m-%d"))
    assert one(html, "link", ui("All open procedures"))["href"] == "/beteiligung/?status=open"


def test_only_the_first_few_open_procedures_are_shown(client, index, procedure_page_factory):
    for days in range(HOME_PROCEDURES + 2):
        procedure_page_factory(title=f"Frist {days + 2:02d}", phases=[phase(-1, days + 2)])
    html = section(client.get("/"), "open-procedures")
    assert card_titles(html) == [f"Frist {days + 2:02d}" for days in range(HOME_PROCEDURES)]


def test_when_nothing_is_open_the_section_says_so_and_links_all_procedures(
    client, index, procedure_page_factory
):
    procedure_page_factory(title="Geplant", phases=[phase(30)])
    html = section(client.get("/"), "open-procedures")
    assert ui("No procedure is open for contributions at the moment.") in text_of(html)
    link = one(html, "link", ui("All procedures, also planned and closed ones"))
    assert link["href"] == "/beteiligung/"
    assert not by_role(html, "listitem")


def test_the_next_events_of_live_procedures_come_soonest_first(
    client, index, procedure_page_factory, event_factory
):
    procedure = procedure_page_factory(title="Phoenix-See")
    draft = procedure_page_factory(title="Entwurf")
    draft.unpublish()
    now = timezone.now()
    event_factory(procedure=procedure, title="Übermorgen", start=now + datetime.timedelta(days=2))
    event_factory(procedure=procedure, title="Morgen", start=now + datetime.timedelta(days=1))
    event_factory(
        procedure=procedure, title="Läuft gerade", start=now - datetime.timedelta(hours=1)
    )
    event_factory(procedure=procedure, title="Vorbei", start=now - datetime.timedelta(days=1))
    event_factory(procedure=procedure, title="Später", start=now + datetime.timedelta(days=30))
    event_factory(procedure=draft, title="Im Entwurf", start=now + datetime.timedelta(hours=5))

    html = section(client.get("/"), "events")
    assert text_of(one(html, "heading", level=2)) == ui("Upcoming events")
    assert card_titles(html) == ["Läuft gerade", "Morgen", "Übermorgen"][:HOME_EVENTS]
    tomorrow = procedure.events.get(title="Morgen")
    assert one(html, "link", "Morgen")["href"] == f"{procedure.url}#event-{tomorrow.pk}"
    assert "Phoenix-See" in text_of(by_role(html, "listitem")[1])


def test_without_upcoming_events_there_is_no_events_section(
    client, index, procedure_page_factory, event_factory
):
    event_factory(
        procedure=procedure_page_factory(), start=timezone.now() - datetime.timedelta(days=1)
    )
    assert section(client.get("/"), "events") is None


def test_kept_events_show_an_event_entered_since_and_drop_one_that_has_ended(
    client,
    citizen,
    index,
    procedure_page_factory,
    event_factory,
    django_capture_on_commit_callbacks,
):
    client.force_login(citizen)  # the section a signed-in person gets, not the page cache's
    procedure = procedure_page_factory(title="Phoenix-See")
    now = timezone.now()
    ends = now + datetime.timedelta(seconds=1.5)
    event_factory(procedure=procedure, title="Endet gleich", start=now, end=ends)
    assert card_titles(section(client.get("/"), "events")) == ["Endet gleich"]

    with django_capture_on_commit_callbacks(execute=True):  # as staff save it
        event_factory(procedure=procedure, title="Morgen", start=now + datetime.timedelta(days=1))
    assert card_titles(section(client.get("/"), "events")) == ["Endet gleich", "Morgen"]

    time.sleep((ends - timezone.now()).total_seconds() + 0.2)
    assert card_titles(section(client.get("/"), "events")) == ["Morgen"]
