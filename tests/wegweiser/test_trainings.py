"""Training sessions where citizens look in the Wegweiser: the finder's results for "learn how to
participate" (and for getting involved in one's own district), filtered by "how", and the
sessions held in a district on its hub; with their date, place, mode and free places."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import ngettext

from tests.helpers import by_role, parsed, text_of, ui

pytestmark = pytest.mark.django_db

FINDER = "/wegweiser/"
HUB = "/stadtbezirke/hoerde/"


def places_left(count: int) -> str:
    return ngettext("%(counter)s place left", "%(counter)s places left", count) % {"counter": count}


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def hub(home_page, district_hub_page_factory, hoerde):
    return district_hub_page_factory(district=hoerde)


@pytest.fixture
def module(training_module_page_factory):
    return training_module_page_factory(title="Digitale Bürgerdialoge moderieren")


@pytest.fixture
def in_person(session_factory, module):
    """A session in Hörde, and one in person elsewhere."""

    def make(district, **kwargs):
        return session_factory(
            module=module, mode="in_person", place="Bürgersaal", district=district, **kwargs
        )

    return make


def learn(district="hoerde", how="either"):
    return {"intent": "learn", "district": district, "how": how}


def sessions_found(response) -> list[int]:
    """The ids of the sessions among the finder's results, in the order shown."""
    return [
        match.session.pk
        for group in response.context["groups"]
        for match in group.matches
        if group.key == "trainings"
    ]


def session_card(html: str, session):
    (card,) = parsed(html).select(f'article[aria-labelledby="training-session-{session.pk}"]')
    return card


# The finder -----------------------------------------------------------------------------------


def test_learning_in_hoerde_shows_its_sessions_and_the_online_ones_with_date_place_and_places(
    client, finder, hoerde, eving, module, session_factory, in_person, enrolment_factory
):
    here = in_person(hoerde, start=in_days(3), capacity=10)
    enrolment_factory.create_batch(3, session=here)
    online = session_factory(module=module, start=in_days(2))
    in_person(eving, start=in_days(4))
    in_person(hoerde, start=in_days(5), internal=True)
    in_person(hoerde, start=in_days(-1), registration_deadline=in_days(-2))

    response = client.get(FINDER, learn())

    assert sessions_found(response) == [online.pk, here.pk]
    html = response.content.decode()
    card = session_card(html, here)
    assert text_of(card.find(["h4"])) == "Digitale Bürgerdialoge moderieren"
    assert card.find("a")["href"] == module.url
    text = text_of(card)
    assert "Bürgersaal (Hörde)" in text
    assert places_left(7) in text
    assert capfirst(ui("in person")) in text
    assert ui("Training") in text
    assert card.find("time")["datetime"].startswith(
        f"{timezone.localtime(here.start):%Y-%m-%dT%H:%M}"
    )
    assert (
        ui("A training %(purpose)s, in %(district)s.")
        % {
            "purpose": ui("for learning how to participate"),
            "district": "Hörde",
        }
        in text
    )


def test_how_keeps_online_or_in_person_sessions_and_hybrid_ones_in_both(
    client, finder, hoerde, module, session_factory, in_person
):
    online = session_factory(module=module, start=in_days(1))
    present = in_person(hoerde, start=in_days(2))
    hybrid = session_factory(
        module=module, start=in_days(3), mode="hybrid", place="VHS", district=hoerde
    )

    assert sessions_found(client.get(FINDER, learn(how="online"))) == [online.pk, hybrid.pk]
    assert sessions_found(client.get(FINDER, learn(how="in_person"))) == [present.pk, hybrid.pk]


def test_for_the_whole_city_every_public_session_shows(
    client, finder, hoerde, eving, in_person, session_factory, module
):
    sessions = [in_person(eving, start=in_days(1)), in_person(hoerde, start=in_days(2))]
    sessions.append(session_factory(module=module, start=in_days(3)))

    found = sessions_found(client.get(FINDER, learn(district="gesamtstadt")))

    assert found == [session.pk for session in sessions]


def test_getting_involved_in_a_district_shows_its_sessions_for_active_people(
    client, finder, hoerde, session_factory, training_module_page_factory
):
    for_active = training_module_page_factory(audiences=["active"])
    for_staff = training_module_page_factory(audiences=["staff"])
    wanted = session_factory(module=for_active, mode="in_person", place="Rathaus", district=hoerde)
    session_factory(module=for_staff, mode="in_person", place="Rathaus", district=hoerde)
    answer = {"intent": "neighbourhood", "district": "hoerde", "how": "either"}

    assert sessions_found(client.get(FINDER, answer)) == [wanted.pk]
    assert sessions_found(client.get(FINDER, {**answer, "district": "gesamtstadt"})) == []
    assert sessions_found(client.get(FINDER, {**answer, "intent": "opinion"})) == []


def test_the_trainings_are_capped_with_a_link_to_all_of_them(
    client, finder, training_index_page, session_factory, module
):
    for day in range(12):
        session_factory(module=module, start=in_days(day + 1))

    response = client.get(FINDER, learn(district="gesamtstadt"))

    (group,) = [group for group in response.context["groups"] if group.key == "trainings"]
    assert len(group.matches) == 10 and group.has_more
    assert group.more_url == "/schulungen/"
    assert 'href="/schulungen/"' in response.content.decode()


def test_the_finder_makes_as_many_queries_for_100_sessions_as_for_10(
    client, finder, hoerde, module, session_factory, enrolment_factory, in_person
):
    def make(count):
        for number in range(count):
            session = in_person(hoerde, start=in_days(1 + number / 10))
            enrolment_factory(session=session)
            session_factory(module=module, start=in_days(1 + number / 10))

    make(5)
    client.get(FINDER, learn())
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(FINDER, learn())
    make(45)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get(FINDER, learn())

    assert len(many) <= len(few)
    assert len(sessions_found(response)) == 10


def test_kept_results_show_a_session_booked_up_after_they_were_kept(
    client, finder, citizen, session_factory, module, django_capture_on_commit_callbacks
):
    from training.services import enrolment_register

    session = session_factory(module=module, capacity=1)
    client.force_login(citizen)  # the kept fragment, not the page cache's page
    assert places_left(1) in text_of(session_card(client.get(FINDER, learn()), session))

    with django_capture_on_commit_callbacks(execute=True):
        enrolment_register(session=session, user=citizen)

    card = session_card(client.get(FINDER, learn()), session)
    assert ui("Fully booked: you can join the waiting list") in text_of(card)


# The district hub -----------------------------------------------------------------------------


def trainings(html) -> list[str]:
    section = parsed(html).select_one('section[aria-labelledby="hub-training-heading"]')
    return [text_of(heading) for heading in by_role(section, "heading", level=3)]


def test_the_hub_lists_the_sessions_held_in_its_district(
    client, hub, hoerde, eving, training_index_page, session_factory, in_person, module
):
    later = in_person(hoerde, start=in_days(9))
    sooner = session_factory(
        module__title="Hybride Veranstaltungen",
        start=in_days(2),
        mode="hybrid",
        place="VHS",
        district=hoerde,
    )
    in_person(eving, start=in_days(3))
    session_factory(module=module, start=in_days(4))  # online: on the Schulungen page
    in_person(hoerde, start=in_days(-2), registration_deadline=in_days(-3))

    html = client.get(HUB).content.decode()

    heading = by_role(html, "heading", level=2, id="hub-training-heading")[0]
    assert text_of(heading) == ui("Trainings in %(name)s") % {"name": "Hörde"}
    assert trainings(html) == ["Hybride Veranstaltungen", "Digitale Bürgerdialoge moderieren"]
    assert session_card(html, later) and session_card(html, sooner)
    assert 'href="/schulungen/"' in html


def test_a_hub_without_sessions_says_so(client, hub):
    html = client.get(HUB).content.decode()
    assert ui("No training is planned in %(name)s at the moment.") % {"name": "Hörde"} in html


def test_the_hub_makes_as_many_queries_for_100_sessions_as_for_10(
    client, hub, hoerde, in_person, enrolment_factory, without_page_cache
):
    def make(count):
        for number in range(count):
            enrolment_factory(session=in_person(hoerde, start=in_days(1 + number / 10)))

    make(10)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(HUB)
    make(90)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        html = client.get(HUB).content.decode()

    assert len(many) <= len(few)
    assert len(trainings(html)) == 10


def test_a_kept_hub_shows_a_session_entered_after_it_was_kept(
    client, hub, hoerde, in_person, django_capture_on_commit_callbacks
):
    client.get(HUB)

    with django_capture_on_commit_callbacks(execute=True):  # as the admin commits it
        session = in_person(hoerde, start=in_days(5))

    assert session_card(client.get(HUB).content.decode(), session)
