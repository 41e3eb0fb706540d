"""Sessions in the admin as the Ombudsstelle and as a trainer: the listing and its filters, a
session's participants, attendance, the CSV export and the dashboard's panel."""

import csv
import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from mitwirken.notifications.models import Notification
from mitwirken.places.models import District
from tests.factories.accounts import UserFactory
from tests.factories.training import (
    EnrolmentFactory,
    SessionFactory,
    TrainerFactory,
    TrainingModulePageFactory,
)
from tests.helpers import member_of, ui
from training.models import Enrolment

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def begun_session(**fields):
    """A session that began an hour ago: attendance can be recorded."""
    start = timezone.now() - datetime.timedelta(hours=1)
    return SessionFactory(
        start=start, registration_deadline=start - datetime.timedelta(days=1), **fields
    )


def trainer_of(*sessions, **fields):
    """A member of the Schulungsleitung whose account is linked to a trainer of ``sessions``."""
    person = member_of("Schulungsleitung", **fields)
    trainer = TrainerFactory(user=person)
    for session in sessions:
        session.trainers.add(trainer)
    return person


def participants_url(session) -> str:
    return reverse("training_sessions:participants", args=[session.pk])


def csv_url(session) -> str:
    return reverse("training_sessions:participants_csv", args=[session.pk])


def listed(response) -> str:
    """The text of the listing's table."""
    table = BeautifulSoup(response.content.decode(), "html.parser").find("table", class_="listing")
    return table.get_text(" ") if table else ""


def test_the_ombudsstelle_lists_every_session_a_trainer_only_theirs(client, ombudsstelle):
    own = SessionFactory(module=TrainingModulePageFactory(title="Hybride Veranstaltungen"))
    other = SessionFactory(module=TrainingModulePageFactory(title="Datenschutz in Beteiligung"))
    trainer = trainer_of(own)
    url = reverse("training_sessions:index")

    client.force_login(ombudsstelle)
    everything = listed(client.get(url))
    client.force_login(trainer)
    theirs = client.get(url).content.decode()

    assert own.module.title in everything and other.module.title in everything
    assert own.module.title in theirs and other.module.title not in theirs


def test_a_trainer_does_not_find_another_trainers_session(client):
    session = begun_session()
    EnrolmentFactory(session=session)
    stranger = trainer_of(begun_session())
    client.force_login(stranger)

    for url in (
        participants_url(session),
        csv_url(session),
        reverse("training_sessions:edit", args=[session.pk]),
        reverse("training_sessions:delete", args=[session.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(participants_url(session), {"attended": []}).status_code == 404
    assert session.enrolments.get().attended is None


def test_a_trainer_edits_their_own_session_but_adds_none(client):
    session = SessionFactory()
    client.force_login(trainer_of(session))

    assert client.get(reverse("training_sessions:edit", args=[session.pk])).status_code == 200
    assert client.get(reverse("training_sessions:add")).status_code == 302  # no permission


def test_staff_of_other_roles_see_no_sessions(client, district_editor, moderator):
    session = SessionFactory()
    for person in (district_editor, moderator):
        client.force_login(person)
        for url in (participants_url(session), csv_url(session)):
            response = client.get(url)
            # Wagtail's "no permission": back to the dashboard with a message.
            assert (response.status_code, response["Location"]) == (
                302,
                reverse("wagtailadmin_home"),
            )


def test_the_listing_filters_by_module_time_and_district(client, ombudsstelle):
    hoerde = District.objects.get(slug="hoerde")
    upcoming = SessionFactory(
        module=TrainingModulePageFactory(title="Videokonferenzen für Initiativen"),
        mode="in_person",
        place="Bezirksverwaltungsstelle Hörde",
        district=hoerde,
    )
    past = begun_session(
        module=TrainingModulePageFactory(title="Smartphone-Kurs für Ältere"),
        end=timezone.now() - datetime.timedelta(minutes=5),
    )
    client.force_login(ombudsstelle)
    url = reverse("training_sessions:index")

    def titles(**query):
        html = listed(client.get(url, query))
        return {s.module.title for s in (upcoming, past) if s.module.title in html}

    assert titles(when="upcoming") == {upcoming.module.title}
    assert titles(when="past") == {past.module.title}
    assert titles(district=hoerde.pk) == {upcoming.module.title}
    assert titles(module=past.module.pk) == {past.module.title}


def test_a_sessions_participants_by_status_and_the_waiting_list_in_order(client, ombudsstelle):
    session = SessionFactory(capacity=2)
    EnrolmentFactory(session=session, user__display_name="Ada Meier")
    EnrolmentFactory(
        session=session,
        status="offered",
        offered_until=NOW + datetime.timedelta(hours=5),
        user__display_name="Otto Schulz",
    )
    for minutes, name in ((3, "Wera Zweite"), (1, "Willi Erster")):
        EnrolmentFactory(
            session=session,
            status="waiting",
            queued_at=NOW + datetime.timedelta(minutes=minutes),
            user__display_name=name,
        )
    EnrolmentFactory(session=session, status="cancelled", user__display_name="Carla Wolf")
    client.force_login(ombudsstelle)

    html = client.get(participants_url(session)).content.decode()

    def heading(text):
        return re.search(rf"<h2[^>]*>{re.escape(ui(text))}", html).start()

    sections = [
        heading("Registered"),
        html.index("Ada Meier"),
        heading("Places offered from the waiting list"),
        html.index("Otto Schulz"),
        heading("Waiting list"),
        html.index("Willi Erster"),
        html.index("Wera Zweite"),
        heading("Cancelled"),
        html.index("Carla Wolf"),
    ]
    assert sections == sorted(sections)


def test_a_trainer_records_attendance_and_attendees_get_a_certificate(client):
    session = begun_session()
    present = EnrolmentFactory(session=session)
    absent = EnrolmentFactory(session=session)
    waiting = EnrolmentFactory(session=session, status="waiting")
    trainer = trainer_of(session)
    client.force_login(trainer)

    response = client.post(
        participants_url(session), {"attended": [present.pk, waiting.pk]}, follow=True
    )

    present.refresh_from_db()
    absent.refresh_from_db()
    waiting.refresh_from_db()
    assert (present.attended, absent.attended, waiting.attended) == (True, False, None)
    assert present.certificate_code and present.certificate_issued_at
    assert not absent.certificate_code and not waiting.certificate_code
    assert present.certificate_code in response.content.decode()
    mails = Notification.objects.filter(message__kind="training.certificate_ready")
    assert list(mails.values_list("email", flat=True)) == [present.user.email]
    entry = ModelLogEntry.objects.get(action="training.attendance")
    assert entry.user == trainer and entry.data["attended"] == 1


def test_attendance_recorded_again_keeps_the_code_and_mails_once(client, ombudsstelle):
    session = begun_session()
    enrolment = EnrolmentFactory(session=session)
    client.force_login(ombudsstelle)
    client.post(participants_url(session), {"attended": [enrolment.pk]})
    code = Enrolment.objects.get(pk=enrolment.pk).certificate_code

    client.post(participants_url(session), {"attended": []})
    client.post(participants_url(session), {"attended": [enrolment.pk]})

    enrolment.refresh_from_db()
    assert enrolment.attended is True and enrolment.certificate_code == code
    assert Notification.objects.filter(message__kind="training.certificate_ready").count() == 1


def test_attendance_before_the_start_is_refused_and_changes_nothing(client, ombudsstelle):
    session = SessionFactory()
    enrolment = EnrolmentFactory(session=session)
    client.force_login(ombudsstelle)

    response = client.post(participants_url(session), {"attended": [enrolment.pk]}, follow=True)

    assert ui("Attendance can be recorded once the session has begun.") in (
        response.content.decode()
    )
    enrolment.refresh_from_db()
    assert enrolment.attended is None and not enrolment.certificate_code


@pytest.mark.parametrize("role", ["ombudsstelle", "trainer"])
def test_the_csv_lists_every_enrolment_with_its_status(client, ombudsstelle, role):
    session = begun_session()
    EnrolmentFactory(
        session=session, attended=True, certificate_code="TN-AAAA-BBBB", user__email="a@x.org"
    )
    EnrolmentFactory(session=session, status="waiting", user__email="w@x.org")
    client.force_login(ombudsstelle if role == "ombudsstelle" else trainer_of(session))

    response = client.get(csv_url(session))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0][:4] == [
        ui("Status"),
        ui("Position on the waiting list"),
        ui("Name"),
        ui("E-mail"),
    ]
    assert [(row[0], row[1], row[3], row[5], row[6]) for row in rows[1:]] == [
        (ui("registered"), "", "a@x.org", ui("yes"), "TN-AAAA-BBBB"),
        (ui("on the waiting list"), "1", "w@x.org", "", ""),
    ]


def test_the_participants_page_reads_as_many_queries_for_100_as_for_10(
    client, ombudsstelle, django_assert_max_num_queries
):
    client.force_login(ombudsstelle)
    small, large = begun_session(capacity=200), begun_session(capacity=200)
    for session, count in ((small, 10), (large, 100)):
        for _ in range(count):
            EnrolmentFactory(session=session, user=UserFactory())
    client.get(participants_url(small))  # permissions and the admin's own reads, once

    with django_assert_max_num_queries(20) as counted:
        client.get(participants_url(small))
    small_queries = len(counted)  # now: the log of queries keeps only the latest
    with django_assert_max_num_queries(small_queries):
        response = client.get(participants_url(large))
    assert response.content.decode().count('name="attended"') == 100


def test_the_dashboard_names_sessions_this_week_with_free_places_or_a_waiting_list(
    client, ombudsstelle, moderator
):
    soon = timezone.now() + datetime.timedelta(days=2)
    free = SessionFactory(
        module=TrainingModulePageFactory(title="Barrierefreie Online-Beteiligung"),
        start=soon,
        registration_deadline=soon - datetime.timedelta(hours=2),
        capacity=3,
    )
    full = SessionFactory(
        module=TrainingModulePageFactory(title="Voll ohne Warteliste"),
        start=soon,
        registration_deadline=soon - datetime.timedelta(hours=2),
        capacity=1,
    )
    EnrolmentFactory(session=full)
    later = SessionFactory(
        module=TrainingModulePageFactory(title="Erst in zwei Wochen"),
        start=timezone.now() + datetime.timedelta(days=14),
    )

    client.force_login(ombudsstelle)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(moderator)
    moderators = client.get(reverse("wagtailadmin_home")).content.decode()

    assert ui("Sessions this week") in html
    assert free.module.title in html
    assert full.module.title not in html and later.module.title not in html
    assert ui("Sessions this week") not in moderators


def test_a_trainers_dashboard_shows_only_their_sessions(client):
    soon = timezone.now() + datetime.timedelta(days=1)
    deadline = soon - datetime.timedelta(hours=2)
    own = SessionFactory(
        module=TrainingModulePageFactory(title="Eigene Schulung"),
        start=soon,
        registration_deadline=deadline,
    )
    SessionFactory(
        module=TrainingModulePageFactory(title="Fremde Schulung"),
        start=soon,
        registration_deadline=deadline,
    )
    client.force_login(trainer_of(own))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Eigene Schulung" in html and "Fremde Schulung" not in html


def test_a_trainers_dashboard_asks_for_the_attendance_of_their_ended_sessions(client):
    ended = begun_session(
        module=TrainingModulePageFactory(title="Smartphone-Kurs für Ältere"),
        end=timezone.now() - datetime.timedelta(minutes=5),
    )
    EnrolmentFactory(session=ended)
    recorded = begun_session(
        module=TrainingModulePageFactory(title="Schon erfasst"),
        end=timezone.now() - datetime.timedelta(minutes=5),
    )
    EnrolmentFactory(session=recorded, attended=False)
    trainer = trainer_of(ended, recorded)
    client.force_login(trainer)

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    client.post(participants_url(ended), {"attended": []})
    after = client.get(reverse("wagtailadmin_home")).content.decode()

    assert ui("Attendance to record") in html
    assert "Smartphone-Kurs für Ältere" in html and "Schon erfasst" not in html
    assert ui("Attendance to record") not in after
