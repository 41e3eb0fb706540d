"""seed_demo builds the Wegweiser: offerings in every Stadtbezirk in German and English, the
Ombudsstelle as guide, a hub per district with upcoming sessions of its Bezirksvertretung, and the
main menu in order. A second run creates nothing new."""

import pytest
from django.utils import timezone, translation
from wagtail.models import Page

from mitwirken.pages.models import HomePage
from mitwirken.places.models import District
from tests.helpers import seed_demo
from wegweiser.models import (
    CouncilSession,
    DistrictHubIndexPage,
    DistrictHubPage,
    Intent,
    OfferingPage,
    WegweiserPage,
)

pytestmark = pytest.mark.django_db

MENU = [
    "beteiligung",
    "vorhabenliste",
    "wegweiser",
    "stadtbezirke",
    "instrumentenkoffer",
    "schulungen",
    "evaluation",
    "wissen",
    "aktuelles",
]


def _offerings():
    return OfferingPage.objects.child_of(WegweiserPage.objects.get()).live()


def test_seed_shows_progress(seeded):
    assert "Wegweiser" in seeded and "Stadtbezirke" in seeded


def test_the_wegweiser_is_in_the_menu_with_the_ombudsstelle_as_guide(seeded):
    page = WegweiserPage.objects.get()
    assert page.live and page.show_in_menus
    assert page.url == "/wegweiser/"
    with translation.override("en"):
        assert page.url == "/en/signpost/"
    assert page.summary_de and page.summary_en and page.intro_de and page.intro_en
    assert page.easy_language_summary_de and page.easy_language_summary_en
    guide = page.guide
    assert guide is not None and guide.live
    assert guide.slug_de == "ombudsstelle"
    assert "complaint" not in set(guide.intents.values_list("slug", flat=True))
    assert "Büro für Anregungen, Beschwerden und Chancengleichheit" in guide.description_de


def test_offerings_in_german_and_english_for_every_intent_and_channel(seeded):
    offerings = _offerings().prefetch_related("intents")
    assert offerings.count() >= 20
    for offering in offerings:
        assert offering.title_de and offering.title_en, offering.slug
        assert offering.summary_de and offering.summary_en, offering.slug
        assert offering.description_de and offering.description_en, offering.slug
        assert offering.provider_de and offering.provider_en, offering.slug
        assert offering.slug_en, offering.slug
        assert offering.intents.all(), offering.slug
        # Demo addresses only: no real-looking personal mailboxes.
        assert not offering.email or offering.email.endswith("@dortmund.example")
    assert set(offerings.values_list("channel", flat=True)) == {"online", "in_person", "both"}
    used = set(offerings.values_list("intents__slug", flat=True))
    assert used == set(Intent.objects.values_list("slug", flat=True))


def test_every_district_has_offerings_and_its_council_question_time(seeded):
    assert District.objects.count() == 12
    for district in District.objects.all():
        assert _offerings().filter(districts=district).exists(), district.slug
        question_time = _offerings().get(slug_de=f"einwohnerfragestunde-{district.slug}")
        assert list(question_time.districts.all()) == [district]
        assert set(question_time.intents.values_list("slug", flat=True)) == {"inform", "opinion"}
        assert question_time.channel == "in_person"
    city_wide = _offerings().filter(districts__isnull=True)
    portal = city_wide.get(slug_de="beteiligungsportal")
    assert portal.channel == "online"
    assert set(portal.intents.values_list("slug", flat=True)) == {"inform", "opinion", "idea"}
    pool = city_wide.get(slug_de="mitmachpool")
    assert set(pool.intents.values_list("slug", flat=True)) == {"neighbourhood", "opinion"}
    complaints = city_wide.get(slug_de="anregungen-und-beschwerden")
    assert list(complaints.intents.values_list("slug", flat=True)) == ["complaint"]
    assert "§ 24" in complaints.description_de and "section 24" in complaints.description_en


def test_a_hub_per_district_with_upcoming_council_sessions(seeded):
    index = DistrictHubIndexPage.objects.get()
    assert index.live and index.show_in_menus and index.url == "/stadtbezirke/"
    assert index.summary_en and index.intro_de and index.intro_en
    hubs = DistrictHubPage.objects.child_of(index).live()
    assert hubs.count() == 12
    now = timezone.now()
    for district in District.objects.all():
        hub = hubs.get(district=district)
        assert hub.slug_de == hub.slug_en == district.slug
        assert hub.title_de == district.name_de and hub.title_en
        assert hub.summary_de and hub.summary_en
        assert "GO NRW" in hub.council_intro_de and "GO NRW" in hub.council_intro_en
        assert hub.council_office_de and hub.council_office_en and hub.council_url
        sessions = list(hub.sessions.all())
        assert len([session for session in sessions if session.start > now]) >= 2
        assert any(session.start < now for session in sessions)
        for session in sessions:
            assert session.question_time and session.place
            assert session.notes_de and session.notes_en
            assert timezone.localtime(session.start).weekday() < 4  # Monday to Thursday
    with translation.override("en"):
        assert index.url == "/en/districts/"
        assert hubs.get(district__slug="hoerde").url == "/en/districts/hoerde/"


def test_the_main_menu_reads_in_order(seeded):
    home = HomePage.objects.get()
    # What templates/components/main_navigation.html lists: live in-menu children, tree order.
    menu = list(home.get_children().live().public().in_menu().values_list("slug_de", flat=True))
    expected = [slug for slug in MENU if slug in menu]
    assert {"beteiligung", "vorhabenliste", "wegweiser", "stadtbezirke"} <= set(expected)
    assert menu[: len(expected)] == expected


def test_the_training_offering_leads_to_the_dates_and_registration(client, seeded):
    offering = _offerings().get(slug_de="schulungen-fuer-aktive")
    html = client.get(offering.url).content.decode()
    assert 'href="/schulungen/"' in html
    with translation.override("en"):
        english = client.get(offering.url).content.decode()
    assert 'href="/en/training/"' in english


def test_running_the_seed_again_creates_nothing_new(seeded):
    def state():
        return {
            "pages": Page.objects.count(),
            "offerings": OfferingPage.objects.count(),
            "hubs": DistrictHubPage.objects.count(),
            "sessions": sorted(CouncilSession.objects.values_list("page_id", "start", "place")),
            "intents": OfferingPage.intents.through.objects.count(),
            "districts": OfferingPage.districts.through.objects.count(),
            "children": list(
                HomePage.objects.get().get_children().values_list("slug_de", flat=True)
            ),
            "guide": WegweiserPage.objects.get().guide_id,
        }

    before = state()
    seed_demo()
    assert state() == before
