"""Events of a procedure: registration with a capacity, the online link, the iCal file."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from participation.models import EventRegistration
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    EventFactory,
    EventRegistrationFactory,
    ProcedurePageFactory,
)
from tests.helpers import ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_page_shows_mode_place_accessibility_and_places(client, procedure):
    EventFactory(
        procedure=procedure,
        title="Ortstermin",
        capacity=20,
        mode="hybrid",
        online_link="https://meet.example.org/westpark",
    )
    html = client.get(procedure.url).content.decode()
    assert "Ortstermin" in html
    assert "Hörder Bahnhofstraße 16" in html
    assert "Stufenloser Zugang, Induktionsschleife." in html
    assert ui("The link is shown to registered participants.") in html
    assert "meet.example.org" not in html


def test_a_verified_citizen_registers_and_then_sees_the_online_link(client, procedure):
    event = EventFactory(
        procedure=procedure,
        mode="online",
        place="",
        capacity=2,
        online_link="https://meet.example.org/westpark",
    )
    user = UserFactory()
    client.force_login(user)
    url = f"{procedure.url}veranstaltung/{event.pk}/anmelden/"

    response = client.post(url, follow=True)

    assert response.redirect_chain == [(f"{procedure.url}#messages", 302)]
    assert EventRegistration.objects.filter(event=event, user=user).exists()
    assert "https://meet.example.org/westpark" in response.content.decode()
    response = client.post(url, follow=True)
    assert ui("You are already registered for this event.") in messages_of(response)
    assert EventRegistration.objects.count() == 1

    client.post(f"{procedure.url}veranstaltung/{event.pk}/abmelden/")
    assert not EventRegistration.objects.exists()


def test_registration_is_refused_when_the_event_is_full(client, procedure):
    event = EventFactory(procedure=procedure, capacity=1)
    EventRegistrationFactory(event=event)
    client.force_login(UserFactory())

    assert ui("This event is fully booked.") in client.get(procedure.url).content.decode()
    response = client.post(f"{procedure.url}veranstaltung/{event.pk}/anmelden/", follow=True)
    assert ui("This event is fully booked.") in messages_of(response)
    assert EventRegistration.objects.count() == 1


def test_registration_needs_a_verified_account(client, procedure):
    event = EventFactory(procedure=procedure, capacity=10)
    url = f"{procedure.url}veranstaltung/{event.pk}/anmelden/"
    assert ui("Log in to register") in client.get(procedure.url).content.decode()
    client.post(url)
    client.force_login(UserFactory(verified=False))
    response = client.post(url, follow=True)
    assert ui("Please confirm your e-mail address first: we sent you a link.") in messages_of(
        response
    )
    assert not EventRegistration.objects.exists()


def test_no_registration_for_an_event_that_is_over(client, procedure):
    start = timezone.now() - datetime.timedelta(days=2)
    event = EventFactory(procedure=procedure, start=start, end=start + datetime.timedelta(hours=2))
    client.force_login(UserFactory())
    response = client.post(f"{procedure.url}veranstaltung/{event.pk}/anmelden/", follow=True)
    assert ui("This event is over.") in messages_of(response)
    assert not EventRegistration.objects.exists()


def test_the_ical_file_has_berlin_times_and_escaped_text(client, procedure):
    start = datetime.datetime(2026, 7, 1, 18, 30, tzinfo=datetime.UTC)
    event = EventFactory(
        procedure=procedure,
        title="Planung; Westpark, Teil 2",
        start=start,
        end=start + datetime.timedelta(hours=2),
        place="Rathaus, Friedensplatz 1\n44135 Dortmund",
        online_link="https://meet.example.org/geheim",
    )
    url = f"{procedure.url}veranstaltung/{event.pk}/ical/"

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    lines = body.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and "END:VEVENT" in lines
    assert "DTSTART;TZID=Europe/Berlin:20260701T203000" in lines
    assert "DTEND;TZID=Europe/Berlin:20260701T223000" in lines
    [vevent] = icalendar.Calendar.from_ical(body).events
    assert (vevent.start, vevent.end) == (event.start, event.end)
    assert "SUMMARY:Planung\\; Westpark\\, Teil 2" in lines
    assert "LOCATION:Rathaus\\, Friedensplatz 1\\n44135 Dortmund" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "geheim" not in body

    user = UserFactory()
    EventRegistrationFactory(event=event, user=user)
    client.force_login(user)
    assert "https://meet.example.org/geheim" in client.get(url).content.decode().replace(
        "\r\n ", ""
    )


def test_an_event_of_another_procedure_is_not_found(client, procedure):
    other = EventFactory(procedure=ProcedurePageFactory())
    assert client.get(f"{procedure.url}veranstaltung/{other.pk}/ical/").status_code == 404
