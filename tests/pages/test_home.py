"""The home page: Leichte Sprache and the DGS video, the sections every app adds in the order
editors place them, the newest news first, and a query count that does not grow."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import ngettext
from wagtail import hooks

from mitwirken.pages.models import SiteLinks
from mitwirken.pages.sections import HOME_SECTIONS_HOOK, HomeSection, section_choices
from mitwirken.places.models import District
from tests.factories.pages import DocumentFactory
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


def h2_ids(html: str) -> list[str]:
    return [heading.get("id") for heading in by_role(html, "heading", level=2)]


def section(html: str, key: str):
    """The ``<section>`` headed by the heading with id ``home-<key>``."""
    found = parsed(html).select(f'section[aria-labelledby="home-{key}"]')
    assert len(found) == 1, f"{len(found)} sections home-{key}"
    return found[0]


# Newest news first ------------------------------------------------------------------------------


def test_the_newest_news_come_first_by_their_date_not_by_when_they_were_published(
    client, home_page, news_index_page_factory, news_page_factory
):
    index = news_index_page_factory()
    # Published newest first, as the demo seed does: the oldest item is published last.
    for day, title in [(20, "Neu"), (10, "Mittel"), (1, "Alt"), (5, "Älter als Mittel")]:
        news_page_factory(parent=index, title=title, date=datetime.date(2026, 11, day))
    news = section(client.get("/").content.decode(), "news")
    titles = [text_of(link) for link in by_role(news, "heading", level=3)]
    assert titles == ["Neu", "Mittel", "Älter als Mittel"]
    assert one(news, "link", ui("All news"))["href"] == "/aktuelles/"


def test_without_news_the_home_page_has_no_news_section(client, home_page):
    assert "home-news" not in h2_ids(client.get("/").content.decode())


# Leichte Sprache and sign language ------------------------------------------------------------


@pytest.fixture
def dgs_video(home_page):
    video = DocumentFactory(
        title="DGS-Video", file__filename="dgs.webm", file__data=b"\x1aE\xdf\xa3" + b"0" * 2044
    )
    video._set_document_file_metadata()  # the size, as Wagtail's upload form stores it
    video.save()
    home_page.sign_language_video = [
        (
            "video",
            {
                "title": "Über dieses Portal in Deutscher Gebärdensprache",
                "video": video,
                "duration": "3:45",
                "poster": None,
                "captions": None,
                "transcript": "<p>Was das Portal enthält.</p>",
            },
        )
    ]
    home_page.easy_language_summary = "Hier können Sie mit-machen."
    home_page.save_revision().publish()
    return video


def test_the_dgs_video_plays_from_the_portal_with_its_size_and_duration(client, dgs_video):
    html = client.get("/").content.decode()
    dgs = section(html, "sign-language")
    assert ui("In German Sign Language (DGS)") in text_of(dgs)
    source = dgs.find("video").find("source")
    assert source["src"] == dgs_video.url and source["src"].startswith("/documents/")
    assert source["type"] == "video/webm"
    assert "3:45" in text_of(dgs)
    size = filesizeformat(dgs_video.file_size)
    label = ui("Download video (%(extension)s, %(size)s)") % {"extension": "WEBM", "size": size}
    download = one(dgs, "link", " ".join(label.split()))  # as read out: spaces collapsed
    assert download["href"] == dgs_video.url and download.has_attr("download")
    easy = section(html, "easy-language")
    assert "Hier können Sie mit-machen." in text_of(easy)


def test_leichte_sprache_and_sign_language_link_to_their_pages(
    client, home_page, standard_page_factory
):
    links = SiteLinks.for_site(home_page.get_site())
    links.easy_language_page = standard_page_factory(title="Leichte Sprache", slug="ls")
    links.sign_language_page = standard_page_factory(title="Gebärdensprache", slug="dgs")
    links.save()
    html = client.get("/").content.decode()
    easy = section(html, "easy-language")
    assert one(easy, "link", ui("More in Leichte Sprache"))["href"] == "/ls/"
    dgs = section(html, "sign-language")
    assert one(dgs, "link", ui("More in German Sign Language"))["href"] == "/dgs/"


# Sections: the editors' order, headings of their own, and what comes later ---------------------


def fixed(key: str, text: str):
    html = format_html("<p>{}</p>", text) if text else ""
    return HomeSection(key, key, f"Standard {key}", lambda request, page: html)


@pytest.fixture
def three_sections():
    """Three sections in the standard order a, b, c; c has nothing to show."""
    sections = [fixed("a", "Inhalt A"), fixed("b", "Inhalt B"), fixed("c", "")]
    originals = hooks._hooks.get(HOME_SECTIONS_HOOK, [])
    hooks._hooks[HOME_SECTIONS_HOOK] = [(s, order) for order, s in enumerate(sections)]
    yield sections
    hooks._hooks[HOME_SECTIONS_HOOK] = originals


def place(page, *blocks):
    page.body = list(blocks)
    page.save_revision().publish()


def test_without_placements_the_sections_come_in_their_standard_order(
    client, home_page, three_sections
):
    html = client.get("/").content.decode()
    assert h2_ids(html) == ["home-a", "home-b"]  # c has nothing to show: left out
    assert text_of(one(html, "heading", level=2, id="home-a")) == "Standard a"
    assert "Inhalt A" in text_of(section(html, "a"))


def test_editors_place_sections_among_their_blocks_with_headings_of_their_own(
    client, home_page, three_sections
):
    place(
        home_page,
        ("section", {"section": "b", "heading": "Jetzt mitmachen", "intro": "Drei Verfahren."}),
        ("heading", {"text": "Wer hilft?", "level": "h2"}),
        ("section", {"section": "b", "heading": "Noch einmal", "intro": ""}),
        ("section", {"section": "c", "heading": "", "intro": ""}),
    )
    html = client.get("/").content.decode()
    headings = [text_of(h) for h in by_role(html, "heading", level=2)]
    # b where the editors put it, once; their heading; then a, which they did not place.
    assert headings == ["Jetzt mitmachen", "Wer hilft?", "Standard a"]
    assert "Drei Verfahren." in text_of(section(html, "b"))


def test_a_section_an_app_adds_later_shows_without_an_editor(client, home_page, three_sections):
    place(home_page, ("section", {"section": "b", "heading": "", "intro": ""}))
    with hooks.register_temporarily(HOME_SECTIONS_HOOK, fixed("training", "Schulungen"), order=9):
        assert ("training", "training") in section_choices()
        html = client.get("/").content.decode()
    assert h2_ids(html) == ["home-b", "home-a", "home-training"]


def test_editors_choose_among_the_sections_the_apps_register():
    keys = [key for key, _label in section_choices()]
    assert keys == ["open-procedures", "finder", "events", "training", "district-hubs", "news"]


# Query count -----------------------------------------------------------------------------------


def fill(
    count: int, *, news_index, districts, news_page_factory, procedure_page_factory, event_factory
):
    """``count`` open procedures each with an event, and ``count`` news items."""
    for n in range(count):
        district = districts[n % len(districts)]
        procedure = procedure_page_factory(districts=[district])
        event_factory(procedure=procedure, start=timezone.now() + datetime.timedelta(days=n + 1))
        news_page_factory(parent=news_index)


def test_the_home_page_makes_as_many_queries_with_many_procedures_events_and_news_as_with_few(
    client,
    home_page,
    news_index_page_factory,
    news_page_factory,
    procedure_index_page_factory,
    procedure_page_factory,
    event_factory,
    wegweiser_page_factory,
    district_hub_index_page_factory,
    district_hub_page_factory,
    django_assert_max_num_queries,
    without_page_cache,
):
    districts = list(District.objects.all())
    procedure_index_page_factory()
    wegweiser_page_factory()
    district_hub_index_page_factory()
    for district in districts:
        district_hub_page_factory(district=district)
    kwargs = {
        "news_index": news_index_page_factory(),
        "districts": districts,
        "news_page_factory": news_page_factory,
        "procedure_page_factory": procedure_page_factory,
        "event_factory": event_factory,
    }
    fill(2, **kwargs)
    cache.clear()  # every fragment (navigation, sections) built anew: their queries count too
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    fill(10, **kwargs)
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        html = client.get("/").content.decode()
    assert [key for key in h2_ids(html) if key.startswith("home-")][-5:] == [
        "home-open-procedures",
        "home-finder",
        "home-events",
        "home-district-hubs",
        "home-news",
    ]
    assert len(by_role(section(html, "open-procedures"), "listitem")) == 3


# Trainings ------------------------------------------------------------------------------------


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def session_titles(html: str) -> list[str]:
    return [text_of(h) for h in by_role(section(html, "training"), "heading", level=3)]


def test_the_next_three_trainings_with_free_places_and_a_link_to_all(
    client, home_page, training_module_page_factory, session_factory, enrolment_factory
):
    module = training_module_page_factory(title="Digitale Bürgerdialoge moderieren")
    full = session_factory(module=module, start=in_days(1), capacity=1)
    enrolment_factory(session=full)
    session_factory(module=module, start=in_days(2), internal=True)
    session_factory(module=module, start=in_days(3), registration_deadline=in_days(-1))
    session_factory(module=module, start=in_days(-1), registration_deadline=in_days(-2))
    for day, title in [(6, "Hybride Veranstaltungen"), (4, "Barrierefrei online"), (9, "Später")]:
        session_factory(module__title=title, start=in_days(day), mode="in_person", place="Rathaus")
    session_factory(module=module, start=in_days(5), capacity=3)

    html = client.get("/").content.decode()

    training = section(html, "training")
    assert text_of(one(html, "heading", level=2, id="home-training")) == ui("Trainings")
    assert session_titles(html) == [
        "Barrierefrei online",
        "Digitale Bürgerdialoge moderieren",
        "Hybride Veranstaltungen",
    ]
    assert ngettext("%(counter)s place left", "%(counter)s places left", 3) % {"counter": 3} in (
        text_of(training)
    )
    assert one(training, "link", ui("All trainings and dates"))["href"] == "/schulungen/"
    assert one(training, "link", "Barrierefrei online")["href"].startswith("/schulungen/")


def test_without_trainings_with_free_places_there_is_no_training_section(
    client, home_page, session_factory, enrolment_factory
):
    enrolment_factory(session=session_factory(capacity=1))
    assert "home-training" not in h2_ids(client.get("/").content.decode())


def test_a_training_booked_up_leaves_the_section_for_signed_in_people_too(
    client, home_page, citizen, session_factory, django_capture_on_commit_callbacks
):
    from training.services import enrolment_register

    session = session_factory(capacity=1, module__title="Videokonferenzen")
    client.force_login(citizen)
    assert session_titles(client.get("/").content.decode()) == ["Videokonferenzen"]

    with django_capture_on_commit_callbacks(execute=True):  # begins training's generation
        enrolment_register(session=session, user=citizen)

    assert "home-training" not in h2_ids(client.get("/").content.decode())


def test_the_training_section_makes_as_many_queries_with_100_sessions_as_with_10(
    client,
    home_page,
    training_module_page_factory,
    session_factory,
    enrolment_factory,
    django_assert_max_num_queries,
    without_page_cache,
):
    modules = [training_module_page_factory() for _ in range(3)]

    def add(count):
        for n in range(count):
            session = session_factory(module=modules[n % 3], start=in_days(1 + n / 10))
            enrolment_factory(session=session)

    add(10)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    add(90)
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        html = client.get("/").content.decode()
    assert len(session_titles(html)) == 3
