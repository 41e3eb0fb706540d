import os

import pytest

from tests.helpers import by_role

pytestmark = pytest.mark.django_db


def test_search_finds_pages_of_every_type_grouped_by_type(
    client,
    home_page,
    news_index_page_factory,
    news_page_factory,
    article_index_page_factory,
    article_page_factory,
):
    news = news_index_page_factory()
    news_page_factory(parent=news, title="Spielplatz in Hörde eröffnet", slug="spielplatz")
    articles = article_index_page_factory()
    article_page_factory(
        parent=articles, title="Neuer Spielplatz: Planung mit Kindern", slug="spielplatzplanung"
    )
    article_page_factory(parent=articles, title="Radwege", slug="radwege")

    html = client.get("/suche/", {"q": "Spielplatz"}).content.decode()

    assert "Spielplatz in Hörde eröffnet" in html
    assert "Neuer Spielplatz: Planung mit Kindern" in html
    assert "Radwege" not in html
    assert html.count('<section aria-labelledby="group-') == 2


def test_search_without_term_shows_only_the_form(client, home_page):
    response = client.get("/suche/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "group-1" not in response.content.decode()


def test_search_does_not_show_unpublished_pages(client, home_page, standard_page_factory):
    page = standard_page_factory(title="Geheimer Entwurf", slug="entwurf")
    page.unpublish()
    assert "Geheimer Entwurf" not in client.get("/suche/", {"q": "Entwurf"}).content.decode()


def result_links(html: str) -> list:
    """The hits on a page of results: each a heading that links to the page found."""
    return [heading.a for heading in by_role(html, "heading", level=3) if heading.a]


def test_search_paginates(client, home_page, article_index_page_factory, article_page_factory):
    index = article_index_page_factory()
    for n in range(13):
        article_page_factory(parent=index, title=f"Bürgerhaus {n}", slug=f"buergerhaus-{n}")
    first = client.get("/suche/", {"q": "Bürgerhaus"}).content.decode()
    second = client.get("/suche/", {"q": "Bürgerhaus", "page": 2}).content.decode()
    assert len(result_links(first)) == 10
    assert len(result_links(second)) == 3
    assert 'rel="next"' in first and "q=B%C3%BCrgerhaus" in first


def test_search_escapes_the_query(client, home_page):
    html = client.get("/suche/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("count", [3, 30])
def test_search_query_count_does_not_grow_with_the_results(
    client,
    home_page,
    article_index_page_factory,
    article_page_factory,
    django_assert_max_num_queries,
    count,
):
    index = article_index_page_factory()
    for n in range(count):
        article_page_factory(parent=index, title=f"Stadtteil {n}", slug=f"stadtteil-{n}")
    client.get("/suche/", {"q": "Stadtteil"})
    with django_assert_max_num_queries(20):
        assert client.get("/suche/", {"q": "Stadtteil"}).status_code == 200


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="German stemming is PostgreSQL full text search",
)
def test_search_on_postgresql_stems_german_words(
    client, home_page, article_index_page_factory, article_page_factory
):
    index = article_index_page_factory()
    article_page_factory(parent=index, title="Beteiligung im Stadtbezirk", slug="beteiligung")
    html = client.get("/suche/", {"q": "Beteiligungen"}).content.decode()
    assert "Beteiligung im Stadtbezirk" in html


# Trainings ------------------------------------------------------------------------------------


def test_training_modules_are_found_in_german_and_english_under_their_page_type(
    client, home_page, training_module_page_factory, session_factory
):
    from django.utils import formats, timezone, translation

    from tests.helpers import text_of, ui

    module = training_module_page_factory(
        title="Digitale Bürgerdialoge moderieren",
        title_en="Moderating digital citizen dialogues",
        summary="Wie man ein Online-Treffen leitet.",
        summary_en="How to lead an online meeting.",
        learning_goals="<p>Breakout-Räume sicher einsetzen</p>",
    )
    session = session_factory(module=module)

    german = client.get("/suche/", {"q": "Bürgerdialoge"}).content.decode()
    by_goal = client.get("/suche/", {"q": "Breakout"}).content.decode()
    with translation.override("en"):
        english = client.get("/en/search/", {"q": "dialogues"}).content.decode()
        english_type = ui("training modules")

    (link,) = result_links(german)
    assert text_of(link) == "Digitale Bürgerdialoge moderieren"
    assert link["href"] == module.url
    assert "Wie man ein Online-Treffen leitet." in german
    assert ui("training modules").capitalize() in german
    date = formats.date_format(timezone.localtime(session.start), "DATETIME_FORMAT")
    assert ui("Next date: %(date)s, %(mode)s.") % {"date": date, "mode": ui("online")} in german
    assert [text_of(link) for link in result_links(by_goal)] == [
        "Digitale Bürgerdialoge moderieren"
    ]
    (link,) = result_links(english)
    assert text_of(link) == "Moderating digital citizen dialogues"
    assert link["href"] == "/en/" + module.url.removeprefix("/")
    assert "How to lead an online meeting." in english
    assert english_type.capitalize() in english


def test_search_makes_as_many_queries_for_ten_training_modules_as_for_two(
    client,
    home_page,
    training_module_page_factory,
    session_factory,
    enrolment_factory,
    without_page_cache,
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count):
        for _n in range(count):
            module = training_module_page_factory(title="Moderation im Quartier")
            enrolment_factory(session=session_factory(module=module))

    def search():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/suche/", {"q": "Moderation"}).content.decode()
        return len(queries), len(result_links(html))

    add(2)
    search()  # the process's own caches (content types) filled
    few, found = search()
    assert found == 2
    add(8)
    many, found = search()
    assert found == 10
    assert many <= few
