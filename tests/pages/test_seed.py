"""seed_demo writes the knowledge platform: ten illustrated articles with sections in German and
English, news of several paragraphs, and the illustrations from the seed folder. A second run
writes nothing new."""

from io import StringIO

import pytest
from django.utils import translation
from wagtail.images import get_image_model

from mitwirken.pages.models import ArticlePage, NewsPage
from mitwirken.seeding import seed_run
from tests.helpers import by_role, one, parsed, text_of

pytestmark = pytest.mark.django_db

ARTICLES = {
    "was-ist-buergerbeteiligung",
    "formelle-und-informelle-beteiligung",
    "bezirksvertretungen",
    "so-geben-sie-eine-stellungnahme-ab",
    "hybride-sitzung",
    "leitlinien-fuer-buergerbeteiligung",
    "datenschutz-bei-beteiligung",
    "barrierefreie-beteiligung",
    "so-hilft-die-ombudsstelle",
    "was-passiert-mit-ihrer-meinung",
}


def run():
    with translation.override("de"):
        seed_run(stdout=StringIO(), only=["mitwirken.pages"])


@pytest.fixture
def pages_seeded():
    run()


def test_ten_articles_with_sections_and_an_illustration_in_both_languages(pages_seeded):
    articles = ArticlePage.objects.live()
    assert set(articles.values_list("slug_de", flat=True)) == ARTICLES
    for article in articles:
        assert article.summary_de and article.summary_en, article.slug
        assert article.topics.exists(), article.slug
        for language in ("de", "en"):
            body = getattr(article, f"body_{language}")
            headings = [block for block in body if block.block_type == "heading"]
            assert len(headings) >= 4, (article.slug, language)
            [image] = [block for block in body if block.block_type == "image"]
            assert image.value["image"].file and image.value["alt_text"], article.slug
        german, english = (
            [block.block_type for block in body] for body in (article.body_de, article.body_en)
        )
        assert german == english, article.slug  # the same sections in both languages
        alt_de, alt_en = (
            next(block.value["alt_text"] for block in body if block.block_type == "image")
            for body in (article.body_de, article.body_en)
        )
        assert alt_de != alt_en, article.slug


def test_articles_are_several_hundred_words_long(pages_seeded):
    for article in ArticlePage.objects.live():
        with translation.override("de"):
            html = "".join(str(block.render()) for block in article.body_de)
        count = len(text_of(parsed(html)).split())
        assert 400 <= count <= 700, (article.slug, count)


def test_news_items_have_several_paragraphs_in_both_languages(pages_seeded):
    news = NewsPage.objects.live()
    assert news.count() == 3
    for item in news:
        for language in ("de", "en"):
            html = "".join(str(block.value) for block in getattr(item, f"body_{language}"))
            assert 3 <= html.count("<p>") <= 4, (item.slug, language)


def test_an_article_shows_its_sections_and_its_illustration(client, pages_seeded):
    article = ArticlePage.objects.get(slug_de="so-geben-sie-eine-stellungnahme-ab")

    html = client.get(article.url).content.decode()

    one(html, "heading", "So geben Sie eine Stellungnahme ab", level=1)
    assert by_role(html, "heading", "Die Frist", level=2)
    assert by_role(html, "heading", "Häufige Fragen", level=2)
    image = illustration(html)
    assert image["alt"].startswith("Ein unterschriebenes Schreiben")
    assert image["width"] == "1200" and image["loading"] == "lazy"

    english = client.get(f"/en/knowledge/{article.slug_en}/").content.decode()
    one(english, "heading", "How to hand in a statement", level=1)
    assert illustration(english)["alt"].startswith("A signed letter")


def illustration(html):
    [image] = parsed(html).select("main figure img")
    return image


def test_a_second_run_writes_no_image_or_page_more(pages_seeded):
    images = list(get_image_model().objects.values_list("pk", "file", "file_hash"))
    assert len(images) == 10
    pages = ArticlePage.objects.count(), NewsPage.objects.count()

    run()

    assert list(get_image_model().objects.values_list("pk", "file", "file_hash")) == images
    assert (ArticlePage.objects.count(), NewsPage.objects.count()) == pages
