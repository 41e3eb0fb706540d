"""The calendars to subscribe to: the events of the procedures and the training sessions, of
the whole city or of one district, as a calendar app reads them (icalendar): times in
Europe/Berlin with its VTIMEZONE, absolute links, named feeds, never a wider calendar than was
asked for, and served to calendar apps without cookies (docs/feeds.md)."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from mitwirken.places.models import District

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"


@pytest.fixture
def hoerde():
    return District.objects.get(slug="hoerde")


def read(client, url: str) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(cal) -> list[str]:
    return [str(event["SUMMARY"]) for event in cal.events]


def test_the_events_calendar_holds_upcoming_events_in_berlin_time_per_district(
    home_page, procedure_page_factory, event_factory, hoerde
):
    year = timezone.now().year + 1
    winter = datetime.datetime(year, 1, 15, 17, 0, tzinfo=datetime.UTC)
    summer = datetime.datetime(year, 7, 15, 16, 0, tzinfo=datetime.UTC)
    in_hoerde = procedure_page_factory(title="Radweg Hörde", districts=[hoerde])
    event_factory(
        procedure=in_hoerde, title="Auftakt", start=winter, online_link="https://x.example/geheim"
    )
    event_factory(procedure=in_hoerde, title="Rundgang", start=summer)
    event_factory(
        title="Werkstatt Eving", procedure__districts=[District.objects.get(slug="eving")]
    )
    event_factory(
        procedure=in_hoerde, title="Vorbei", start=timezone.now() - datetime.timedelta(days=2)
    )
    private = procedure_page_factory(districts=[hoerde])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    event_factory(procedure=private, title="Geschlossene Runde")
    visitor = Client()  # a calendar app: no cookies

    city = read(visitor, "/beteiligung/kalender/")
    assert sorted(summaries(city)) == ["Auftakt", "Rundgang", "Werkstatt Eving"]
    assert "geheim" not in city.to_ical().decode()

    response = visitor.get("/beteiligung/kalender/?district=hoerde")
    assert not response.cookies and "public" in response["Cache-Control"]
    district = icalendar.Calendar.from_ical(response.content)
    assert summaries(district) == ["Auftakt", "Rundgang"]
    assert str(district["X-WR-CALNAME"]).endswith("– Hörde")
    assert str(district["X-WR-TIMEZONE"]) == "Europe/Berlin"
    assert district["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=1)
    assert [zone.tz_name for zone in district.timezones] == ["Europe/Berlin"]
    # 17:00 UTC in winter and 16:00 UTC in summer: both at six in the evening in Dortmund.
    for event, stored in zip(district.events, (winter, summer), strict=True):
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert event.start == stored and f"{event.start:%H:%M}" == "18:00"
        assert str(event["URL"]) == f"{ROOT}{in_hoerde.url}"
        assert event["DTSTAMP"] and str(event["UID"]).startswith("event-")

    assert visitor.get("/beteiligung/kalender/?district=atlantis").status_code == 404


def test_the_trainings_calendar_is_per_district_and_refuses_an_unknown_one(
    client,
    home_page,
    training_index_page_factory,
    training_module_page_factory,
    session_factory,
    hoerde,
):
    index = training_index_page_factory()
    module = training_module_page_factory(title="Moderieren")
    session_factory(module=module, mode="in_person", place="Rathaus Hörde", district=hoerde)
    session_factory(module=training_module_page_factory(title="Online leiten"))

    city = read(client, f"{index.url}kalender/")
    assert sorted(summaries(city)) == ["Moderieren", "Online leiten"]
    district = read(client, f"{index.url}kalender/?district=hoerde")
    assert summaries(district) == ["Moderieren"]
    assert str(district["X-WR-CALNAME"]) == f"{index.title} – Hörde"
    [event] = district.events
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(event["URL"]) == f"{ROOT}{module.url}"
    assert client.get(f"{index.url}kalender/?district=atlantis").status_code == 404


def test_a_calendar_makes_as_many_queries_for_30_events_as_for_3(
    client,
    home_page,
    procedure_page_factory,
    event_factory,
    training_index_page_factory,
    training_module_page_factory,
    session_factory,
    hoerde,
    without_page_cache,
):
    procedure = procedure_page_factory(districts=[hoerde])
    training_index_page_factory()
    module = training_module_page_factory()

    def add(count: int) -> None:
        for _ in range(count):
            event_factory(procedure=procedure)
            session_factory(module=module, mode="in_person", district=hoerde)

    urls = ["/beteiligung/kalender/?district=hoerde", "/schulungen/kalender/?district=hoerde"]
    add(3)
    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert len(read(client, url).events) == 3
        few[url] = len(queries)
    add(27)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert len(read(client, url).events) == 30
        assert len(queries) <= few[url], url
