"""The Schulungen as a visitor and a signed-in person see them: the index with its filters, a
module page with its course, sessions, places, status and buttons, and query counts that do
not grow with the number of sessions and registrations."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import ngettext

from mitwirken.places.models import District
from tests.factories.toolkit import FormatPageFactory
from tests.factories.training import (
    EnrolmentFactory,
    SessionFactory,
    TrainerFactory,
    TrainingIndexPageFactory,
    TrainingModulePageFactory,
)
from tests.helpers import ui
from training.models import Enrolment
from training.wagtail_hooks import scheduled_change

pytestmark = pytest.mark.django_db

INDEX = "/schulungen/"


@pytest.fixture
def index(home_page):
    return TrainingIndexPageFactory()


@pytest.fixture
def hoerde():
    return District.objects.get(slug="hoerde")


def titles(response) -> list[str]:
    return [module.title for module in response.context["modules"]]


def in_person(module, district, **kwargs):
    return SessionFactory(
        module=module, mode="in_person", place="Bezirksrathaus", district=district, **kwargs
    )


def test_the_index_lists_modules_with_their_next_sessions_and_places(client, index, hoerde):
    module = TrainingModulePageFactory(title="Online-Dialoge moderieren")
    in_person(module, hoerde, capacity=10)
    EnrolmentFactory(session=module.sessions.get())
    TrainingModulePageFactory(title="Datenschutz in der Beteiligung")

    response = client.get(INDEX)
    html = response.content.decode()

    assert response.status_code == 200
    assert titles(response) == ["Online-Dialoge moderieren", "Datenschutz in der Beteiligung"]
    assert "Hörde" in html
    assert places_left(9) in html
    assert ui("No sessions planned at the moment.") in html
    assert 'href="/schulungen/kalender/"' in html


def test_filters_by_audience_format_mode_district_and_free_places(client, index, hoerde):
    fmt = FormatPageFactory(title="Bürgerrat")
    staff = TrainingModulePageFactory(title="Verwaltung", audiences=["staff"], formats=[fmt])
    active = TrainingModulePageFactory(title="Aktive", audiences=["active"])
    full = TrainingModulePageFactory(title="Voll", audiences=["active"])
    in_person(staff, hoerde)
    SessionFactory(module=active)  # online
    session = in_person(full, District.objects.get(slug="eving"), capacity=1)
    EnrolmentFactory(session=session)

    assert titles(client.get(INDEX, {"audience": "staff"})) == ["Verwaltung"]
    assert titles(client.get(INDEX, {"format": fmt.slug})) == ["Verwaltung"]
    assert titles(client.get(INDEX, {"mode": "online"})) == ["Aktive"]
    assert titles(client.get(INDEX, {"district": "hoerde"})) == ["Verwaltung"]
    assert sorted(titles(client.get(INDEX, {"free": "1"}))) == ["Aktive", "Verwaltung"]
    assert titles(client.get(INDEX, {"district": "eving", "free": "1"})) == []


def test_an_invalid_filter_value_shows_its_error_and_the_others_still_filter(client, index):
    TrainingModulePageFactory(title="Verwaltung", audiences=["staff"])
    TrainingModulePageFactory(title="Aktive", audiences=["active"])

    response = client.get(INDEX, {"audience": "staff", "district": "atlantis"})

    assert titles(response) == ["Verwaltung"]
    assert response.context["filter_form"].errors["district"]


def test_a_module_page_shows_the_course_trainers_formats_and_sessions(client, index, hoerde):
    fmt = FormatPageFactory(title="Bürgerrat")
    trainer = TrainerFactory(name="Aylin Demir", bio="Moderiert seit zehn Jahren.")
    module = TrainingModulePageFactory(
        title="Online-Dialoge moderieren",
        formats=[fmt],
        what_to_bring="Ein Headset",
        prerequisites="Keine",
        easy_language_summary="Sie lernen, ein Treffen im Internet zu leiten.",
    )
    module.trainers.add(trainer)
    module.save_revision().publish()
    in_person(module, hoerde, step_free=True, hearing_loop=True, capacity=3)
    SessionFactory(module=module, start=timezone.now() - datetime.timedelta(days=3))  # past

    response = client.get(module.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Ein Headset" in html and "Keine" in html
    assert f'href="{fmt.url}"' in html
    assert "Aylin Demir" in html and "Moderiert seit zehn Jahren." in html
    assert "Sie lernen, ein Treffen im Internet zu leiten." in html
    assert ui("step-free access")[1:] in html
    assert ui("hearing loop") in html
    assert len(response.context["offers"]) == 1  # the past session is not offered
    assert ui("Log in to register") in html
    assert "csrfmiddlewaretoken" not in html  # a visitor's page is the same for every visitor


def status_and_buttons(client, module):
    response = client.get(module.url)
    html = response.content.decode()
    return response.context["offers"][0], html


def test_a_person_sees_register_then_their_place_with_cancel(client, index, citizen):
    session = SessionFactory()
    module = session.module
    client.force_login(citizen)

    offer, html = status_and_buttons(client, module)
    assert offer.action == "register"
    assert ui("Register for this session") in html

    EnrolmentFactory(session=session, user=citizen)
    offer, html = status_and_buttons(client, module)
    assert ui("You are registered.") in html
    assert ui("Cancel my place") in html
    assert f'action="{module.url}platz/{offer.enrolment.pk}/abmelden/"' in html


def test_full_sessions_offer_the_waiting_list_and_offered_places_a_confirm_button(
    client, index, citizen
):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session)
    client.force_login(citizen)

    offer, html = status_and_buttons(client, session.module)
    assert ui("Join the waiting list") in html
    assert ui("fully booked") in html

    EnrolmentFactory(
        session=session,
        user=citizen,
        status=Enrolment.Status.OFFERED,
        offered_until=timezone.now() + datetime.timedelta(hours=5),
    )
    offer, html = status_and_buttons(client, session.module)
    assert ui("Confirm my place") in html


def test_internal_sessions_are_marked_and_refused_to_citizens(client, index, citizen, ombudsstelle):
    session = SessionFactory(internal=True)
    client.force_login(citizen)
    offer, html = status_and_buttons(client, session.module)
    assert ui("internal: administration only") in html
    assert offer.reason and not offer.action

    client.force_login(ombudsstelle)
    offer, _html = status_and_buttons(client, session.module)
    assert offer.action == "register"


def test_after_the_deadline_no_button_but_the_reason(client, index, citizen):
    session = SessionFactory(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(citizen)
    offer, html = status_and_buttons(client, session.module)
    assert ui("Registration for this session has closed.") in html
    assert not offer.action


def places_left(count: int) -> str:
    return ngettext("%(counter)s place left", "%(counter)s places left", count) % {"counter": count}


def test_a_visitors_page_is_cached_and_shows_a_new_registration_after_it(
    client, index, django_capture_on_commit_callbacks
):
    session = SessionFactory(capacity=2)
    assert places_left(2) in client.get(session.module.url).content.decode()

    EnrolmentFactory(session=session)  # not committed: the visitor's page comes from the cache
    assert places_left(2) in client.get(session.module.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # committed: a new generation
        EnrolmentFactory(session=session)
    assert places_left(0) not in client.get(session.module.url).content.decode()
    html = client.get(session.module.url).content.decode()
    assert ui("fully booked") in html


def make_sessions(count: int, index):
    modules = [TrainingModulePageFactory(parent=index) for _ in range(2)]
    for number in range(count):
        session = SessionFactory(module=modules[number % 2], capacity=3)
        EnrolmentFactory(session=session)
        EnrolmentFactory(session=session, status="waiting")
    return modules


@pytest.mark.usefixtures("without_page_cache")
@pytest.mark.parametrize("signed_in", [False, True])
def test_the_index_makes_as_many_queries_for_100_sessions_as_for_10(
    client, index, citizen, django_assert_max_num_queries, signed_in
):
    if signed_in:
        client.force_login(citizen)
    make_sessions(10, index)
    with django_assert_max_num_queries(100) as few:
        client.get(INDEX)
    make_sessions(90, index)
    with django_assert_max_num_queries(len(few)):
        client.get(INDEX, {"free": "1"})
    with django_assert_max_num_queries(len(few)):
        client.get(INDEX)


@pytest.mark.usefixtures("without_page_cache")
def test_the_module_page_makes_as_many_queries_for_100_sessions_as_for_10(
    client, index, citizen, django_assert_max_num_queries
):
    client.force_login(citizen)
    module = TrainingModulePageFactory()
    trainer = TrainerFactory()

    def add(count):
        for _ in range(count):
            session = SessionFactory(module=module, capacity=3)
            session.trainers.add(trainer)
            EnrolmentFactory(session=session)
            EnrolmentFactory(session=session, status="waiting")
            EnrolmentFactory(session=session, user=citizen)

    add(10)
    with django_assert_max_num_queries(100) as few:
        client.get(module.url)
    add(90)
    with django_assert_max_num_queries(len(few)):
        response = client.get(module.url)
    assert len(response.context["offers"]) == 100


def test_cached_pages_expire_when_a_session_begins_or_its_registration_closes(index):
    now = timezone.now()
    session = SessionFactory(
        start=now + datetime.timedelta(hours=5),
        registration_deadline=now + datetime.timedelta(hours=2),
    )

    # What training tells the page cache (midnight may come first: generations take the earlier).
    assert scheduled_change(now) == session.registration_deadline
    assert scheduled_change(session.registration_deadline) == session.start
    assert scheduled_change(session.start) is None
