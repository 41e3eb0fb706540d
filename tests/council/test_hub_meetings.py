"""A district hub lists the imported meetings of its Bezirksvertretung beside the sessions its
editors entered; other districts' and deleted meetings not; its queries do not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mitwirken.council.models import Body, Meeting, Organization
from mitwirken.places.models import District
from tests.helpers import ui
from wegweiser.models import CouncilSession

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def hoerde():
    return District.objects.get(slug="hoerde")


@pytest.fixture
def organizations(hoerde):
    body = Body.objects.create(oparl_id="https://ris.example.org/body/1", name="Stadt Dortmund")
    aplerbeck = Organization.objects.create(
        oparl_id="https://ris.example.org/org/2", body=body, name="Bezirksvertretung Aplerbeck"
    )
    return {
        "hoerde": Organization.objects.create(
            oparl_id="https://ris.example.org/org/1",
            body=body,
            name="Bezirksvertretung Hörde",
            district=hoerde,
        ),
        "aplerbeck": aplerbeck,
    }


def meeting(organization, n: int, days: int, **fields) -> Meeting:
    row = Meeting.objects.create(
        oparl_id=f"https://ris.example.org/meeting/{organization.pk}/{n}",
        web=f"https://ris.example.org/si0057.asp?id={n}",
        name=f"{n}. Sitzung der {organization.name}",
        start=in_days(days),
        location="Amtshaus Hörde",
        **fields,
    )
    row.organizations.add(organization)
    return row


def test_the_hub_merges_imported_meetings_with_the_editors_sessions(
    client, home_page, district_hub_page_factory, hoerde, organizations
):
    hub = district_hub_page_factory(district=hoerde)
    CouncilSession.objects.create(page=hub, start=in_days(5), place="Schulaula Wellinghofen")
    meeting(organizations["hoerde"], 1, 2)
    meeting(organizations["hoerde"], 2, 9, cancelled=True)
    meeting(organizations["hoerde"], 3, 3, deleted=True)
    meeting(organizations["aplerbeck"], 4, 4)

    html = client.get(hub.url).content.decode()

    upcoming = html[html.index('id="hub-sessions-heading"') : html.index("hub-procedures-heading")]
    assert upcoming.index("1. Sitzung der Bezirksvertretung Hörde") < upcoming.index(
        "Schulaula Wellinghofen"
    )
    assert upcoming.index("Schulaula Wellinghofen") < upcoming.index("2. Sitzung")
    assert upcoming.count(ui("Cancelled")) == 1
    assert 'href="https://ris.example.org/si0057.asp?id=1"' in upcoming
    assert "3. Sitzung" not in upcoming and "Aplerbeck" not in upcoming


def test_the_hubs_queries_do_not_grow_with_its_meetings(
    client, home_page, district_hub_page_factory, hoerde, organizations, without_page_cache
):
    hub = district_hub_page_factory(district=hoerde)

    def queries(count: int) -> int:
        Meeting.objects.all().delete()
        for n in range(count):
            meeting(organizations["hoerde"], n, n - count // 2)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(hub.url).status_code == 200
        return len(captured)

    queries(3)  # warms what a first request reads once
    assert queries(3) == queries(30)
