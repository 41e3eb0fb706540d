"""The council sessions as iCal feeds: all districts on the hubs' index, one on each hub; the
editors' sessions and the imported meetings, parsed with icalendar."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from mitwirken.council.models import Body, Meeting, Organization
from mitwirken.places.models import District
from tests.helpers import ui
from wegweiser.models import CouncilSession

pytestmark = pytest.mark.django_db


def events(response) -> dict[str, icalendar.Event]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}


def test_the_calendars_hold_editors_sessions_and_imported_meetings(
    client, home_page, district_hub_index_page, district_hub_page_factory
):
    hoerde, aplerbeck = District.objects.get(slug="hoerde"), District.objects.get(slug="aplerbeck")
    hub = district_hub_page_factory(district=hoerde)
    other = district_hub_page_factory(district=aplerbeck)
    start = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    CouncilSession.objects.create(page=hub, start=start, place="Amtshaus Hörde")
    CouncilSession.objects.create(page=other, start=start, place="Rathaus Aplerbeck")
    body = Body.objects.create(oparl_id="https://ris.example.org/body/1", name="Stadt Dortmund")
    bv = Organization.objects.create(
        oparl_id="https://ris.example.org/org/1", body=body, name="BV Hörde", district=hoerde
    )
    meeting = Meeting.objects.create(
        oparl_id="https://ris.example.org/meeting/1",
        web="https://ris.example.org/meeting/1.html",
        name="12. Sitzung der Bezirksvertretung Hörde",
        start=start + datetime.timedelta(days=7),
        end=start + datetime.timedelta(days=7, hours=2),
        location="Amtshaus Hörde",
    )
    meeting.organizations.add(bv)

    one = events(client.get(f"{hub.url}kalender/"))
    every = events(client.get(f"{district_hub_index_page.url}kalender/"))

    session = ui("Session of the Bezirksvertretung %(district)s") % {"district": "Hörde"}
    assert set(one) == {session, meeting.name}
    imported = one[meeting.name]
    assert imported["DTSTART"].dt == meeting.start
    assert imported["DTEND"].dt == meeting.end
    assert str(imported["URL"]) == meeting.web
    assert len(every) == 3
