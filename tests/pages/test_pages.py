import re

import pytest
from django.utils import translation

from tests.helpers import one, text_of, ui

pytestmark = pytest.mark.django_db


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_home_page_has_layout_landmarks_and_one_h1(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "<header" in html and "<footer" in html and "<main" in html
    assert h1_count(html) == 1


def test_main_navigation_lists_menu_pages_and_marks_the_current_one(
    client, home_page, standard_page_factory
):
    standard_page_factory(title="Wegweiser", slug="wegweiser", show_in_menus=True)
    standard_page_factory(title="Versteckt", slug="versteckt", show_in_menus=False)
    html = client.get("/wegweiser/").content.decode()
    nav = one(html, "navigation", ui("Main navigation"))
    assert "Wegweiser" in text_of(nav) and "Versteckt" not in text_of(nav)
    assert nav.find(attrs={"aria-current": "page"})


def test_breadcrumbs_lead_from_home_to_the_page(
    client, home_page, article_index_page_factory, article_page_factory
):
    index = article_index_page_factory()
    article_page_factory(parent=index, title="Was ist Beteiligung?", slug="was-ist-beteiligung")
    html = client.get("/wissen/was-ist-beteiligung/").content.decode()
    crumbs = str(one(html, "navigation", ui("Breadcrumbs")))
    assert crumbs.index('href="/"') < crumbs.index('href="/wissen/"')
    assert '<span aria-current="page">Was ist Beteiligung?</span>' in crumbs


def test_english_version_has_translated_slug_and_language(client, home_page, standard_page_factory):
    standard_page_factory(
        title="Datenschutz", title_en="Privacy", slug="datenschutz", slug_en="privacy"
    )
    response = client.get("/en/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "<h1" in html and "Privacy</h1>" in html
    # The language switcher links to the German page under its German slug.
    assert 'href="/datenschutz/" hreflang="de"' in html


def test_untranslated_field_falls_back_to_german(client, home_page, standard_page_factory):
    standard_page_factory(
        title="Impressum", slug="impressum", slug_en="imprint", summary="Wer wir sind."
    )
    html = client.get("/en/imprint/").content.decode()
    assert "Wer wir sind." in html


def test_unknown_url_is_a_translated_404_in_the_layout(client, home_page):
    german = client.get("/gibt-es-nicht/")
    english = client.get("/en/does-not-exist/")
    assert german.status_code == 404 and english.status_code == 404
    assert "Seite nicht gefunden" in german.content.decode()
    assert "Page not found" in english.content.decode()
    assert 'id="main"' in german.content.decode()


def test_news_index_lists_newest_first_and_paginates(
    client, home_page, news_index_page_factory, news_page_factory
):
    index = news_index_page_factory()
    for n in range(12):
        news_page_factory(parent=index, title=f"Meldung {n:02d}", slug=f"meldung-{n}")
    first = client.get("/aktuelles/").content.decode()
    assert first.index("Meldung 11") < first.index("Meldung 10")
    assert "Meldung 01" not in first
    second = client.get("/aktuelles/?page=2").content.decode()
    assert "Meldung 01" in second and "Meldung 11" not in second


@pytest.mark.parametrize("count", [3, 30])
def test_news_index_query_count_does_not_grow_with_the_list(
    client,
    home_page,
    news_index_page_factory,
    news_page_factory,
    django_assert_max_num_queries,
    count,
):
    index = news_index_page_factory()
    for n in range(count):
        news_page_factory(parent=index, slug=f"meldung-{n}")
    client.get("/aktuelles/")  # warm Wagtail's site and settings caches
    with django_assert_max_num_queries(16):
        assert client.get("/aktuelles/").status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_article_index_query_count_does_not_grow_with_the_list(
    client,
    home_page,
    article_index_page_factory,
    article_page_factory,
    django_assert_max_num_queries,
    count,
):
    index = article_index_page_factory()
    for n in range(count):
        article_page_factory(parent=index, slug=f"artikel-{n}")
    client.get("/wissen/")
    with django_assert_max_num_queries(16):
        assert client.get("/wissen/").status_code == 200


def test_sitemap_lists_pages_in_both_languages(client, home_page, standard_page_factory):
    standard_page_factory(title="Kontakt", slug="kontakt", slug_en="contact")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/kontakt/</loc>" in xml
    assert "/en/contact/</loc>" in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_search_url_is_translated():
    from django.urls import reverse

    with translation.override("de"):
        assert reverse("search") == "/suche/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
