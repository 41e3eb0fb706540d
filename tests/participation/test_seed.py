"""seed_demo builds the participation demo: every status, every channel, idempotent and fast."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import GroupPagePermission, Page, Revision

from participation.models import (
    Channel,
    Comment,
    CouncilStep,
    DistrictFolderPage,
    Event,
    Phase,
    PlannedProjectIndexPage,
    PlannedProjectPage,
    Poll,
    PollVote,
    ProcedureIndexPage,
    ProcedurePage,
    Proposal,
    Statement,
    Support,
)
from participation.models.procedures import ProcedureStatus
from tests.helpers import seed_demo

pytestmark = pytest.mark.django_db

#: The Ombudsstelle's demo account, which enters analog contributions (participation/seed).
STAFF_EMAIL = "ombudsstelle@dortmund.example"

COUNTED = [
    Page,
    ProcedurePage,
    DistrictFolderPage,
    PlannedProjectPage,
    Phase,
    CouncilStep,
    Proposal,
    Comment,
    Support,
    Poll,
    PollVote,
    Statement,
    Event,
    GroupPagePermission,
    get_user_model(),
]


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seed_shows_progress(seeded):
    assert "Beteiligung" in seeded and "Vorhabenliste" in seeded


def test_running_the_seed_twice_changes_nothing(seeded):
    before = counts()
    seed_demo()
    after = counts()
    assert after == before
    assert Revision.objects.count() > 0


def test_the_beteiligung_has_a_folder_per_district_and_the_whole_city(seeded):
    index = ProcedureIndexPage.objects.get()
    assert index.url == "/beteiligung/"
    assert index.show_in_menus
    folders = DistrictFolderPage.objects.child_of(index)
    assert set(folders.values_list("slug_de", flat=True)) == {
        "gesamtstadt",
        "innenstadt-west",
        "innenstadt-nord",
        "innenstadt-ost",
        "eving",
        "scharnhorst",
        "brackel",
        "aplerbeck",
        "hoerde",
        "hombruch",
        "luetgendortmund",
        "huckarde",
        "mengede",
    }
    hoerde = folders.get(slug_de="hoerde")
    assert set(
        GroupPagePermission.objects.filter(page=hoerde).values_list("group__name", flat=True)
    ) == {"Bezirksvertretung Hörde"}


def test_english_urls(seeded, client):
    with translation.override("en"):
        assert client.get("/en/participation/").status_code == 200
        assert client.get("/en/planned-projects/").status_code == 200
    assert client.get("/vorhabenliste/").status_code == 200
    assert client.get("/beteiligung/").status_code == 200


def test_every_status_and_enough_procedures_across_districts(seeded):
    procedures = ProcedurePage.objects.live().prefetch_related("phases")
    assert procedures.count() >= 12
    assert {procedure.status() for procedure in procedures} == set(ProcedureStatus.values)
    folders = {procedure.get_parent().slug for procedure in procedures}
    assert len(folders) >= 8
    for procedure in procedures:
        assert procedure.title_en and procedure.summary_de and procedure.summary_en


def test_contributions_through_every_channel_and_analog_ones_entered_by_staff(seeded):
    channels = set()
    for model in (Proposal, Comment, Statement):
        channels |= set(model.objects.values_list("channel", flat=True))
    assert channels == set(Channel.values)
    staff = get_user_model().objects.get(email=STAFF_EMAIL)
    analog = Proposal.objects.exclude(channel=Channel.ONLINE)
    assert analog.exists() and not analog.exclude(entered_by=staff).exists()
    assert Proposal.objects.exclude(status="").exclude(response="").exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert Support.objects.filter(user__isnull=False).exists()
    assert Support.objects.filter(channel=Channel.PAPER, entered_by=staff).exists()
    assert PollVote.objects.filter(channel=Channel.PAPER).exists()
    assert PollVote.objects.filter(user__isnull=False).exists()


def test_events_council_papers_and_a_formal_procedure(seeded):
    hybrid = Event.objects.get(mode="hybrid")
    assert hybrid.capacity and hybrid.registration_required
    with_papers = ProcedurePage.objects.exclude(council_paper="")
    assert with_papers.count() >= 2
    phoenix = with_papers.get(council_paper="16389-20")
    assert [step.body for step in phoenix.council_steps.all()] == [
        "Bezirksvertretung Hörde",
        "Ausschuss für Umwelt, Stadtgestaltung und Wohnen",
        "Rat der Stadt",
    ]
    formal = ProcedurePage.objects.get(kind="land_use")
    assert Statement.objects.filter(procedure=formal).count() >= 2


def test_demo_citizens_have_pseudonyms_and_verified_addresses(seeded):
    from allauth.account.models import EmailAddress

    citizens = get_user_model().objects.filter(email__endswith="@example.org")
    assert citizens.count() >= 5
    for citizen in citizens:
        assert citizen.display_name and not citizen.first_name
        assert EmailAddress.objects.get(user=citizen).verified
        assert not citizen.has_usable_password()


def test_the_vorhabenliste_has_realistic_entries(seeded):
    index = PlannedProjectIndexPage.objects.get()
    assert index.url == "/vorhabenliste/"
    assert index.show_in_menus
    plans = PlannedProjectPage.objects.live()
    assert plans.count() >= 8
    without = plans.filter(participation_planned=False)
    assert without.count() >= 2
    assert not without.filter(no_participation_reason_de="").exists()
    assert plans.new().exists() and plans.exclude(pk__in=plans.new()).exists()
    assert plans.filter(procedure__isnull=False).exists()
