"""Self-study (lessons read by anyone, progress saved for signed-in people), the calendars of a
session and of all upcoming sessions, and who may download a module's materials."""

import datetime

import pytest
from django.utils import timezone

from mitwirken.places.models import District
from tests.factories.pages import DocumentFactory
from tests.factories.training import (
    EnrolmentFactory,
    SessionFactory,
    TrainingIndexPageFactory,
    TrainingModulePageFactory,
)
from tests.helpers import ui
from training.models import Enrolment, LessonProgress, ModuleMaterial

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return TrainingIndexPageFactory()


def lesson(title):
    return ("lesson", {"title": title, "body": [("paragraph", f"<p>Text zu {title}</p>")]})


@pytest.fixture
def module(index):
    page = TrainingModulePageFactory(title="Hybride Veranstaltungen")
    page.lessons = [lesson("Technik"), lesson("Rollen"), lesson("Ablauf")]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_a_visitor_reads_a_lesson_and_is_invited_to_log_in(client, module):
    response = client.get(f"{module.url}lektion/2/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Text zu Rollen" in html
    assert f'href="{module.url}lektion/1/"' in html and f'href="{module.url}lektion/3/"' in html
    assert ui("Log in to save your progress.") in html
    assert client.get(f"{module.url}lektion/4/").status_code == 404
    assert client.get(f"{module.url}lektion/0/").status_code == 404


def test_marking_lessons_done_shows_progress_and_where_to_continue(client, module, citizen):
    client.force_login(citizen)

    response = client.post(f"{module.url}lektion/1/erledigt/")
    assert response["Location"] == f"{module.url}lektion/2/"
    client.post(f"{module.url}lektion/1/erledigt/")  # twice: saved once
    assert LessonProgress.objects.filter(user=citizen).count() == 1

    html = client.get(module.url).content.decode()
    assert response.wsgi_request.user == citizen
    context = client.get(module.url).context
    assert context["lessons_done"] == 1
    assert context["lesson_next"]["title"] == "Rollen"
    assert f'href="{module.url}lektion/2/"' in html

    client.post(f"{module.url}lektion/2/erledigt/")
    last = client.post(f"{module.url}lektion/3/erledigt/")
    assert last["Location"] == f"{module.url}#lessons"
    assert client.get(module.url).context["lesson_next"] is None


def test_a_visitor_cannot_mark_a_lesson_done(client, module):
    response = client.post(f"{module.url}lektion/1/erledigt/")
    assert "/accounts/login/" in response["Location"]
    assert not LessonProgress.objects.exists()
    assert client.get(f"{module.url}lektion/1/erledigt/").status_code == 405


# Calendars -------------------------------------------------------------------------------------


def test_a_sessions_file_has_the_room_link_only_for_registered_people(client, index, citizen):
    session = SessionFactory(online_link="https://konferenz.example.org/raum-7")
    url = f"{session.module.url}termin/{session.pk}/kalender/"

    anonymous = client.get(url)
    assert anonymous["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in anonymous.content.decode()
    assert "raum-7" not in anonymous.content.decode()

    client.force_login(citizen)
    assert "raum-7" not in client.get(url).content.decode()
    EnrolmentFactory(session=session, user=citizen)
    assert "raum-7" in client.get(url).content.decode().replace("\r\n ", "")


def test_the_feed_holds_upcoming_public_sessions_per_audience_and_district(client, index):
    hoerde = District.objects.get(slug="hoerde")
    active = TrainingModulePageFactory(title="Für Aktive", audiences=["active"])
    staff = TrainingModulePageFactory(title="Für die Verwaltung", audiences=["staff"])
    SessionFactory(module=active, mode="in_person", place="Rathaus Hörde", district=hoerde)
    SessionFactory(module=active)  # online
    SessionFactory(module=staff, internal=True)
    SessionFactory(module=staff)
    SessionFactory(module=active, start=timezone.now() - datetime.timedelta(days=2))

    def summaries(query=""):
        body = client.get(f"/schulungen/kalender/{query}").content.decode()
        return sorted(line for line in body.splitlines() if line.startswith("SUMMARY:"))

    assert summaries() == ["SUMMARY:Für Aktive"] * 2 + ["SUMMARY:Für die Verwaltung"]
    assert summaries("?audience=active") == ["SUMMARY:Für Aktive"] * 2
    assert summaries("?audience=active&district=hoerde") == ["SUMMARY:Für Aktive"]
    assert "konferenz.example.org" not in client.get("/schulungen/kalender/").content.decode()


# Materials -------------------------------------------------------------------------------------


@pytest.fixture
def materials(module):
    public = DocumentFactory(title="Checkliste")
    private = DocumentFactory(title="Folien")
    ModuleMaterial.objects.create(
        page=module, title="Checkliste", document=public, kind="checklist"
    )
    ModuleMaterial.objects.create(
        page=module, title="Folien", document=private, kind="slides", participants_only=True
    )
    return public, private


def test_public_materials_are_for_everyone_the_others_for_participants(
    client, module, materials, citizen
):
    public, private = materials
    assert client.get(public.url).status_code == 200
    assert "/accounts/login/" in client.get(private.url)["Location"]
    html = client.get(module.url).content.decode()
    assert f'href="{public.url}"' in html
    assert f'href="{private.url}"' not in html

    client.force_login(citizen)
    assert client.get(private.url).status_code == 404

    session = SessionFactory(module=module)
    EnrolmentFactory(session=session, user=citizen, status=Enrolment.Status.WAITING)
    assert client.get(private.url).status_code == 404  # waiting is not a place

    Enrolment.objects.filter(user=citizen).update(status=Enrolment.Status.CONFIRMED)
    response = client.get(private.url)
    assert response.status_code == 200
    assert f'href="{private.url}"' in client.get(module.url).content.decode()


def test_staff_who_edit_the_module_read_participants_materials(
    client, module, materials, ombudsstelle
):
    _public, private = materials
    client.force_login(ombudsstelle)
    assert client.get(private.url).status_code == 200
