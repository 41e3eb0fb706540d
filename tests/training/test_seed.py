"""seed_demo builds the Schulungen: eight modules in German and English with their goals, formats,
trainers, handouts and lessons, and fifteen sessions in the districts and online, one full with a
waiting list and one past with attendance and certificates. A second run changes nothing."""

import importlib.util
from pathlib import Path

import pytest
import yaml
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from pypdf import PdfReader

from mitwirken.pages.models import HomePage
from tests.factories.accounts import UserFactory
from tests.helpers import seed_demo
from training.models import (
    Enrolment,
    Mode,
    ModuleMaterial,
    Session,
    Trainer,
    TrainingIndexPage,
    TrainingModulePage,
)

pytestmark = pytest.mark.django_db

#: The council paper's needs, one module each (German slugs).
MODULES = {
    "digitale-buergerdialoge-moderieren",
    "hybride-veranstaltungen",
    "format-aus-dem-instrumentenkoffer-waehlen",
    "barrierefreie-online-beteiligung",
    "datenschutz-in-der-beteiligung",
    "videokonferenzen-fuer-nachbarschaftsinitiativen",
    "smartphone-kurs-fuer-aeltere",
    "beteiligungsprozess-auswerten",
}


def _sessions():
    return Session.objects.with_places().select_related("module", "district")


def test_the_schulungen_are_in_the_main_menu_in_both_languages(seeded):
    index = TrainingIndexPage.objects.get()
    assert index.live and index.show_in_menus
    assert index.get_parent().specific_class is HomePage
    assert index.url == "/schulungen/"
    assert index.intro_de and index.intro_en and index.easy_language_summary_en
    with translation.override("en"):
        assert index.url == "/en/training/"
        assert index.title == "Training"


def test_eight_modules_with_everything_a_visitor_reads_in_german_and_english(seeded):
    modules = TrainingModulePage.objects.live().public().for_listing().prefetch_related("trainers")

    assert {module.slug_de for module in modules} == MODULES
    for module in modules:
        for language in ("de", "en"):
            for field in (
                "title",
                "summary",
                "easy_language_summary",
                "description",
                "learning_goals",
                "duration",
                "prerequisites",
                "what_to_bring",
            ):
                assert getattr(module, f"{field}_{language}"), (module.slug, field, language)
        assert module.title_en != module.title_de
        assert module.audiences.all() and module.formats.all() and module.trainers.all()
        assert all(page.live for page in module.formats.all())
    with translation.override("en"):
        page = modules.get(slug_de="smartphone-kurs-fuer-aeltere")
        assert page.url == "/en/training/smartphone-course-for-older-citizens/"
        assert page.title.startswith("Confident with your smartphone")


def test_three_modules_or_more_have_three_to_five_lessons_in_both_languages(seeded):
    with_lessons = [
        module for module in TrainingModulePage.objects.live() if len(module.lessons_de) >= 3
    ]

    assert len(with_lessons) >= 3
    for module in with_lessons:
        assert 3 <= len(module.lessons_de) == len(module.lessons_en) <= 5
        for lesson in [*module.lessons_de, *module.lessons_en]:
            assert lesson.value["title"]
            paragraphs = [
                block for block in lesson.value["body"] if block.block_type == "paragraph"
            ]
            assert paragraphs and len(paragraphs[0].value.source) > 200


def test_handouts_are_small_tagged_pdfs_and_one_is_for_participants_only(seeded, client):
    materials = ModuleMaterial.objects.select_related("document", "document__collection")

    assert materials.count() >= 2
    assert len({material.page_id for material in materials}) >= 2
    for material in materials:
        assert material.title_de and material.title_en
        document = material.document
        assert document.file_extension == "pdf" and 0 < document.file_size < 50_000
        reader = PdfReader(document.file.path)
        assert reader.metadata.title and reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
        assert material.document.title in reader.pages[0].extract_text().replace("\n", " ")
    [private] = [material for material in materials if material.participants_only]
    participant = (
        Enrolment.objects.filter(session__module=private.page, status="confirmed").first().user
    )
    client.force_login(participant)
    assert client.get(private.document.url).status_code == 200
    client.force_login(UserFactory())
    assert client.get(private.document.url).status_code == 404
    assert not any(
        material.document.collection_id == private.document.collection_id
        for material in materials
        if not material.participants_only
    )


def test_the_handouts_are_what_the_script_makes_of_their_text():
    script = Path(__file__).resolve().parents[2] / "scripts" / "seed_handouts.py"
    spec = importlib.util.spec_from_file_location("seed_handouts", script)
    handouts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(handouts)
    with (handouts.FOLDER / "handouts.yaml").open(encoding="utf-8") as stream:
        for entry in yaml.safe_load(stream):
            assert (handouts.FOLDER / entry["file"]).read_bytes() == handouts.handout_pdf(entry)


def test_trainers_with_profiles_in_both_languages(seeded):
    trainers = Trainer.objects.all()

    assert 4 <= trainers.count() <= 5
    for trainer in trainers:
        assert trainer.role_de and trainer.role_en and trainer.bio_de and trainer.bio_en
        assert trainer.modules.exists() and trainer.sessions.exists()
    roles = " ".join(trainer.role_de for trainer in trainers)
    assert "Ombudsstelle" in roles and "Volkshochschule" in roles and "Digital-Lotse" in roles


def test_a_trainer_gets_the_demo_account_of_the_trainers_group_once_it_exists(seeded):
    group, _created = Group.objects.get_or_create(name="Schulungsleitung")

    seed_demo()

    trainer = Trainer.objects.select_related("user").get(user__email="schulung@demo.example.org")
    assert trainer.sessions.filter(end__lt=timezone.now()).exists()
    assert list(trainer.user.groups.all()) == [group]
    assert trainer.user.check_password("Demo-MitWIRken-2026")


def test_fifteen_sessions_past_and_upcoming_across_districts_and_modes(seeded):
    now = timezone.now()
    sessions = list(_sessions())

    assert len(sessions) == 15
    upcoming = [session for session in sessions if session.start > now]
    assert len(upcoming) >= 8 and len(sessions) - len(upcoming) >= 3
    assert any(now < session.registration_deadline for session in upcoming)
    assert {session.mode for session in sessions} == set(Mode.values)
    assert len({session.district.slug for session in sessions if session.district}) >= 6
    assert {session.module.slug_de for session in sessions} == MODULES
    for session in sessions:
        session.full_clean()  # in person with a place, the deadline before the start
        assert timezone.localtime(session.start).weekday() < 5
        assert session.trainers.exists()
        if session.mode == Mode.ONLINE:
            assert session.district is None and session.online_link
        else:
            assert session.district and session.place_de and session.place_en
            assert session.accessibility_notes_de and session.accessibility_notes_en
    [internal] = [session for session in sessions if session.internal]
    assert internal.start > now and internal.module.slug_de == "datenschutz-in-der-beteiligung"


def test_one_upcoming_session_is_full_and_has_a_waiting_list_in_order(seeded):
    now = timezone.now()
    full = [session for session in _sessions() if session.taken >= session.capacity]

    [session] = full
    assert session.start > now and session.registration_deadline > now
    assert session.waiting >= 2
    waiting = session.enrolments.filter(status=Enrolment.Status.WAITING).order_by("queued_at")
    confirmed = session.enrolments.filter(status=Enrolment.Status.CONFIRMED)
    assert confirmed.count() == session.capacity
    assert max(confirmed.values_list("queued_at", flat=True)) < waiting.first().queued_at


def test_a_past_session_has_its_attendance_and_certificates(seeded):
    now = timezone.now()
    recorded = Enrolment.objects.filter(attended__isnull=False).select_related("session")

    assert {enrolment.session.end < now for enrolment in recorded} == {True}
    attended = [enrolment for enrolment in recorded if enrolment.attended]
    assert attended and len(attended) < len(recorded)  # one stayed away
    for enrolment in attended:
        assert enrolment.certificate_code and enrolment.certificate_name
        assert enrolment.certificate_issued_at >= enrolment.session.end
    assert len({enrolment.certificate_code for enrolment in attended}) == len(attended)
    assert not any(enrolment.certificate_code for enrolment in recorded if not enrolment.attended)
    assert "moderation@demo.example.org" in {enrolment.user.email for enrolment in attended}


def test_running_the_seed_again_changes_no_session_or_registration(seeded):
    def state():
        return (
            sorted(_sessions().values_list("module__slug_de", "start", "capacity")),
            sorted(
                Enrolment.objects.values_list(
                    "session__start", "user__email", "status", "queued_at", "certificate_code"
                )
            ),
            Trainer.objects.count(),
            ModuleMaterial.objects.count(),
        )

    before = state()
    seed_demo()
    assert state() == before
