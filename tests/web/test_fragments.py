"""What every page shows the same for everyone in a language (navigation, footer, breadcrumbs,
the links to the page in other languages, the home page's district list) is built once and
kept until something is published (``mitwirken.web.fragments``): these tests look at what a
visitor or a signed-in person reads on the next request."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction

from mitwirken.pages.models import SiteLinks
from tests.factories.accounts import UserFactory
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


def navigation(html, language="de") -> list[str]:
    menu = one(html, "navigation", ui("Main navigation", language))
    return [text_of(link) for link in by_role(menu, "link")]


def footer(html, language="de") -> list[str]:
    links = one(html, "navigation", ui("Service and legal information", language))
    return [text_of(link) for link in by_role(links, "link")]


def breadcrumbs(html, language="de") -> list[str]:
    trail = one(html, "navigation", ui("Breadcrumbs", language))
    return [text_of(item) for item in trail.find_all("li")]


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def knowledge(home_page, standard_page_factory):
    """A page in the main navigation, in German and English."""
    return standard_page_factory(
        title="Wissen", title_en="Knowledge", slug="wissen", slug_en="knowledge", show_in_menus=True
    )


@pytest.fixture
def imprint(home_page, standard_page_factory):
    """The imprint, linked in the footer."""
    page = standard_page_factory(
        title="Impressum", title_en="Imprint", slug="impressum", slug_en="imprint"
    )
    links = SiteLinks.for_site(home_page.get_site())
    links.imprint_page = page
    links.save()
    return page


def test_what_was_kept_for_german_is_not_shown_in_english(client, knowledge, imprint):
    german = client.get("/wissen/").content.decode()
    english = client.get("/en/knowledge/").content.decode()

    assert navigation(german) == ["Wissen"] and footer(german) == ["Impressum"]
    assert navigation(english, "en") == ["Knowledge"] and footer(english, "en") == ["Imprint"]
    assert one(english, "link", "Knowledge")["href"] == "/en/knowledge/"
    assert one(english, "link", "Imprint")["href"] == "/en/imprint/"
    assert breadcrumbs(english, "en") == [ui("Home", "en"), "Knowledge"]
    assert one(english, "link", "Deutsch")["href"] == "/wissen/"
    assert one(german, "link", "English")["href"] == "/en/knowledge/"


def test_a_page_published_anew_shows_in_the_navigation_footer_and_breadcrumbs_at_once(
    client, knowledge, imprint, standard_page_factory
):
    below = standard_page_factory(parent=knowledge, title="Beteiligung erklärt")
    client.get(below.url)

    republish(knowledge, title="Wissen und Hilfe")
    republish(imprint, title="Impressum und Anbieter")
    html = client.get(below.url).content.decode()

    assert navigation(html) == ["Wissen und Hilfe"]
    assert footer(html) == ["Impressum und Anbieter"]
    assert breadcrumbs(html) == [ui("Home"), "Wissen und Hilfe", "Beteiligung erklärt"]


def test_a_page_unpublished_or_made_private_leaves_the_navigation_at_once(
    client, knowledge, standard_page_factory, django_capture_on_commit_callbacks
):
    news = standard_page_factory(title="Aktuelles", slug="aktuelles", show_in_menus=True)
    assert navigation(client.get("/").content.decode()) == ["Wissen", "Aktuelles"]

    news.unpublish()
    assert navigation(client.get("/").content.decode()) == ["Wissen"]

    with django_capture_on_commit_callbacks(execute=True):  # begun once it is committed
        PageViewRestriction.objects.create(page=knowledge, restriction_type="login")
    assert ui("Main navigation") not in client.get("/").content.decode()


def test_the_navigation_marks_the_section_of_each_page_for_itself(
    client, knowledge, standard_page_factory
):
    below = standard_page_factory(parent=knowledge, title="Beteiligung erklärt")
    standard_page_factory(title="Aktuelles", slug="aktuelles", show_in_menus=True)

    def menu_link(url):
        html = client.get(url).content.decode()
        return one(one(html, "navigation", ui("Main navigation")), "link", "Wissen")

    on_section, below_it, elsewhere = map(menu_link, (knowledge.url, below.url, "/aktuelles/"))

    assert on_section["aria-current"] == "page"
    assert below_it["aria-current"] == "true"
    assert "aria-current" not in elsewhere.attrs


def test_the_home_pages_district_list_shows_a_hub_published_anew(
    client, home_page, district_hub_index_page, district_hub_page_factory
):
    from mitwirken.places.models import District

    hub = district_hub_page_factory(district=District.objects.get(slug="hoerde"))
    client.get("/")

    republish(hub, title="Hörde am Phoenix-See")
    section = one(client.get("/").content.decode(), "region", ui("Your district"))

    assert by_role(section, "link", "Hörde am Phoenix-See")


def test_a_preview_of_a_renamed_draft_is_not_kept_for_others(client, knowledge):
    knowledge.slug, knowledge.title = "wissen-neu", "Wissen (Entwurf)"
    draft = knowledge.save_revision().as_object()

    with translation.override("en"):  # the preview of the English page
        preview = draft.make_preview_request(original_request=RequestFactory().get("/en/"))
    assert 'href="/wissen-neu/"' in preview.content.decode()
    html = client.get("/en/knowledge/").content.decode()

    assert navigation(html, "en") == ["Knowledge"]
    assert one(html, "link", "Deutsch")["href"] == "/wissen/"
    assert breadcrumbs(client.get("/wissen/").content.decode())[-1] == "Wissen"


def test_each_signed_in_person_reads_their_own_name_and_log_out_form(
    client, knowledge, procedure_index_page
):
    kim = UserFactory(display_name="Kim aus Hörde")
    alex = UserFactory(display_name="Alex aus Eving")
    tokens = []
    for person, other in ((kim, alex), (alex, kim)):
        client.force_login(person)
        for url in ("/", "/wissen/", procedure_index_page.url):
            html = client.get(url).content.decode()
            account = one(html, "navigation", ui("Your account"))
            assert person.display_name in text_of(account)
            assert other.display_name not in html
            form = account.find("form")
            assert by_role(form, "button", ui("Log out"))
            tokens.append(form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"])
        client.logout()

    visitor = one(client.get("/wissen/").content.decode(), "navigation", ui("Your account"))
    assert by_role(visitor, "link", ui("Log in"))
    assert kim.display_name not in text_of(visitor) and alex.display_name not in text_of(visitor)
    assert len({tokens[0], tokens[3]}) == 2  # each person's own CSRF token


def test_the_easy_language_page_is_recognised_from_the_kept_footer_links(
    client, home_page, standard_page_factory
):
    easy = standard_page_factory(title="Leichte Sprache", slug="leichte-sprache")
    other = standard_page_factory(title="Kontakt", slug="kontakt")
    links = SiteLinks.for_site(home_page.get_site())
    links.easy_language_page = easy
    links.save()

    def main_classes(url):
        return parsed(client.get(url).content.decode()).find("main")["class"]

    assert "easy-language-page" in main_classes(easy.url)
    assert "easy-language-page" not in main_classes(other.url)
