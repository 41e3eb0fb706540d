"""RSS and Atom of the news, the new procedures and the published results: what a feed reader
gets (feedparser), narrowed per district and topic by the listings' parameters, only live
public pages, from the page cache; and the links to the feeds on the pages (docs/feeds.md)."""

import calendar
import datetime
import html

import feedparser
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from mitwirken.places.models import District, Topic
from tests.factories.participation import phase
from tests.helpers import parsed, ui

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


@pytest.fixture
def places():
    return {
        "hoerde": District.objects.get(slug="hoerde"),
        "eving": District.objects.get(slug="eving"),
        "verkehr": Topic.objects.get(slug="verkehr"),
    }


@pytest.fixture
def news_index(home_page, news_index_page_factory):
    return news_index_page_factory()


def feed(client, url: str, kind: str = "rss"):
    """The feed at ``url`` as a feed reader parses it, after checking it is well-formed."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == CONTENT_TYPES[kind]
    parsed_feed = feedparser.parse(response.content)
    assert not parsed_feed.bozo, parsed_feed.get("bozo_exception")
    return parsed_feed


def titles(parsed_feed) -> list[str]:
    """The entries' titles as a reader shows them (both formats carry them as HTML)."""
    return [html.unescape(entry.title) for entry in parsed_feed.entries]


def hide(page, how: str) -> None:
    if how == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        page.unpublish()


def test_the_news_feeds_hold_live_public_news_newest_first_per_district_and_topic(
    client, news_index, news_page_factory, places
):
    news_page_factory(
        parent=news_index,
        title="Radweg & Brücke in Hörde",
        summary="Der Radweg <Hörder Brücke> & mehr.",
        date=datetime.date(2026, 11, 20),
        districts=[places["hoerde"]],
        topics=[places["verkehr"]],
    )
    news_page_factory(
        parent=news_index,
        title="Spielplatz in Eving",
        date=datetime.date(2026, 11, 10),
        districts=[places["eving"]],
    )
    for how in ("private", "draft"):
        hide(news_page_factory(parent=news_index, title=f"Nicht öffentlich ({how})"), how)

    for kind in ("rss", "atom"):
        news = feed(client, f"/aktuelles/{kind}/", kind)
        assert news.feed.title == "Aktuelles"
        assert news.feed.link == f"{ROOT}/aktuelles/"
        assert titles(news) == ["Radweg & Brücke in Hörde", "Spielplatz in Eving"]
        first = news.entries[0]
        assert first.link == f"{ROOT}/aktuelles/{news_index.get_children().first().slug}/"
        # Plain text as the HTML that both formats carry: shown as it was written.
        assert html.unescape(first.summary) == "Der Radweg <Hörder Brücke> & mehr."
        assert {tag.term for tag in first.tags} == {"Hörde", "Verkehr und Mobilität"}
        # Dated before it went online: that day's beginning in Dortmund, 23:00 UTC the day before.
        assert calendar.timegm(first.published_parsed) == calendar.timegm((2026, 11, 19, 23, 0, 0))
        assert titles(feed(client, f"/aktuelles/{kind}/?district=hoerde", kind)) == [
            "Radweg & Brücke in Hörde"
        ]
        assert titles(feed(client, f"/aktuelles/{kind}/?district=eving", kind)) == [
            "Spielplatz in Eving"
        ]
        assert titles(feed(client, f"/aktuelles/{kind}/?topic=verkehr", kind)) == [
            "Radweg & Brücke in Hörde"
        ]
        assert feed(client, f"/aktuelles/{kind}/?district=hoerde", kind).feed.title == (
            "Aktuelles – Hörde"
        )
        for query in ("?district=atlantis", "?topic=nichts", "?district=hoerde&topic=x"):
            assert client.get(f"/aktuelles/{kind}/{query}").status_code == 404
    with translation.override("en"):
        english = news_index.get_url()
    assert english.startswith("/en/")
    assert feed(client, f"{english}rss/").entries[0].link.startswith(f"{ROOT}{english}")


def test_the_procedure_feeds_hold_new_procedures_and_published_results(
    client, home_page, procedure_page_factory, places
):
    now = timezone.now()
    open_one = procedure_page_factory(
        title="Radweg Hörde", districts=[places["hoerde"]], topics=[places["verkehr"]]
    )
    with_text = procedure_page_factory(
        title="Spielplatz Eving", districts=[places["eving"]], results="<p>Umgesetzt.</p>"
    )
    by_phase = procedure_page_factory(
        title="Parkplatz Hörde",
        districts=[places["hoerde"]],
        phases=[phase(-40, 30), phase(-3, 30, kind="results", title="Ergebnisse")],
    )
    for how in ("private", "draft"):
        hide(procedure_page_factory(title=f"Verborgen ({how})", results="<p>x</p>"), how)
    published = {open_one: 1, with_text: 4, by_phase: 2}  # days ago
    for procedure, days in published.items():
        type(procedure).objects.filter(pk=procedure.pk).update(
            first_published_at=now - datetime.timedelta(days=days),
            last_published_at=now - datetime.timedelta(days=days),
        )

    for kind in ("rss", "atom"):
        new = feed(client, f"/beteiligung/neu/{kind}/", kind)
        assert titles(new) == ["Radweg Hörde", "Parkplatz Hörde", "Spielplatz Eving"]
        assert new.entries[0].link == f"{ROOT}{open_one.url}"
        assert {tag.term for tag in new.entries[0].tags} == {"Hörde", "Verkehr und Mobilität"}
        results = feed(client, f"/beteiligung/ergebnisse/{kind}/", kind)
        # Dated when the results phase began (3 days ago), the results text when its page was
        # last published (4 days ago).
        assert titles(results) == ["Parkplatz Hörde", "Spielplatz Eving"]
        began = by_phase.phases.get(kind="results").start
        assert calendar.timegm(results.entries[0].published_parsed) == int(began.timestamp())
        hoerde = "?district=hoerde"
        assert titles(feed(client, f"/beteiligung/ergebnisse/{kind}/{hoerde}", kind)) == [
            "Parkplatz Hörde"
        ]
        assert titles(feed(client, f"/beteiligung/neu/{kind}/?topic=verkehr", kind)) == [
            "Radweg Hörde"
        ]
        for query in ("?district=atlantis", "?topic=nichts"):
            assert client.get(f"/beteiligung/neu/{kind}/{query}").status_code == 404
            assert client.get(f"/beteiligung/ergebnisse/{kind}/{query}").status_code == 404


def test_a_feed_makes_as_many_queries_for_30_entries_as_for_3(
    client, news_index, news_page_factory, procedure_page_factory, places, without_page_cache
):
    def add(count: int) -> None:
        for _ in range(count):
            news_page_factory(parent=news_index, districts=[places["hoerde"]], revision=False)
            procedure_page_factory(
                districts=[places["hoerde"]],
                topics=[places["verkehr"]],
                results="<p>Umgesetzt.</p>",
                revision=False,
            )

    urls = [
        "/aktuelles/rss/?district=hoerde",
        "/beteiligung/neu/atom/?topic=verkehr",
        "/beteiligung/ergebnisse/rss/?district=hoerde",
    ]
    add(3)
    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert len(feed(client, url, url.split("/")[-2]).entries) == 3
        few[url] = len(queries)
    add(27)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert len(feed(client, url, url.split("/")[-2]).entries) == 20  # FEED_ITEMS
        assert len(queries) <= few[url], url


def test_visitors_get_feeds_from_the_page_cache_until_something_is_published(
    news_index,
    news_page_factory,
    places,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    news_page_factory(parent=news_index, title="Erste Meldung", districts=[places["hoerde"]])
    visitor = Client()
    first = visitor.get("/aktuelles/atom/")

    with django_assert_num_queries(0):
        again = visitor.get("/aktuelles/atom/")
    assert (again["Content-Type"], again.content) == (first["Content-Type"], first.content)
    assert not again.cookies
    assert titles(feed(visitor, "/aktuelles/atom/?district=eving", "atom")) == []

    with django_capture_on_commit_callbacks(execute=True):
        news_page_factory(parent=news_index, title="Zweite Meldung")

    assert "Zweite Meldung" in titles(feed(visitor, "/aktuelles/atom/", "atom"))


def alternates(html: str) -> dict[str, str]:
    """The feeds a page names in its head: title → URL."""
    return {
        link["title"]: link["href"]
        for link in parsed(html).select('head link[rel="alternate"]')
        if link["type"] in ("application/rss+xml", "application/atom+xml")
    }


def subscribe_links(html: str) -> list[str]:
    section = parsed(html).select_one('section[aria-labelledby="feeds-heading"]')
    assert section.h2.get_text(strip=True) == ui("Subscribe")
    return [link["href"] for link in section.select("a")]


def test_pages_name_their_feeds_in_the_head_and_link_them_in_a_section(
    client,
    news_index,
    procedure_index_page_factory,
    training_index_page_factory,
    district_hub_page_factory,
    places,
):
    procedure_index_page_factory()
    training_index_page_factory()
    hub = district_hub_page_factory(district=places["hoerde"])

    news = client.get("/aktuelles/").content.decode()
    assert alternates(news) == {
        f"{ui('News')} (RSS)": "/aktuelles/rss/",
        f"{ui('News')} (Atom)": "/aktuelles/atom/",
    }
    assert subscribe_links(news) == ["/aktuelles/rss/", "/aktuelles/atom/"]

    filtered = client.get("/beteiligung/?district=hoerde&topic=verkehr").content.decode()
    scope = "district=hoerde&topic=verkehr"
    assert subscribe_links(filtered) == [
        f"/beteiligung/neu/rss/?{scope}",
        f"/beteiligung/neu/atom/?{scope}",
        f"/beteiligung/ergebnisse/rss/?{scope}",
        f"/beteiligung/ergebnisse/atom/?{scope}",
        "/beteiligung/kalender/?district=hoerde",
    ]
    assert alternates(filtered)[
        f"{ui('New procedures')} – Hörde – Verkehr und Mobilität (RSS)"
    ] == (f"/beteiligung/neu/rss/?{scope}")

    district = client.get(hub.url).content.decode()
    links = subscribe_links(district)
    assert links == [
        "/aktuelles/rss/?district=hoerde",
        "/aktuelles/atom/?district=hoerde",
        "/beteiligung/neu/rss/?district=hoerde",
        "/beteiligung/neu/atom/?district=hoerde",
        "/beteiligung/ergebnisse/rss/?district=hoerde",
        "/beteiligung/ergebnisse/atom/?district=hoerde",
        "/beteiligung/kalender/?district=hoerde",
        "/schulungen/kalender/?district=hoerde",
        "/stadtbezirke/hoerde/kalender/",
    ]
    assert set(alternates(district).values()) == {link for link in links if "kalender" not in link}

    home = client.get("/").content.decode()
    assert [link.split("?")[0] for link in subscribe_links(home)] == [
        link.split("?")[0].replace("/hoerde/", "/") for link in links
    ]
    assert "district=" not in " ".join(subscribe_links(home))
    for link in links + subscribe_links(home):
        response = client.get(link)
        assert response.status_code == 200, link
        if "kalender" in link:
            assert response["Content-Type"] == "text/calendar; charset=utf-8"
        else:
            feed(client, link, "rss" if link.split("?")[0].endswith("rss/") else "atom")
