"""The layout every public page shares (``templates/base.html``, ``templates/components/``): the
header's menu, the lists' filters, optional fields, Leichte Sprache. How it looks in a browser
at 320, 375 and 1280 px: ``tests/browser/test_visual.py``."""

import pytest
from django.utils import translation

from mitwirken.pages.forms import FeedbackForm, SearchForm
from mitwirken.pages.models import SiteLinks
from tests.factories.pages import HomePageFactory
from tests.factories.participation import PlannedProjectIndexPageFactory, PlannedProjectPageFactory
from tests.factories.toolkit import FormatPageFactory
from tests.helpers import by_role, name_of, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


def menu_of(html):
    """The <details> in the header that holds the menu."""
    return one(html, "banner").find("details")


def filter_of(html):
    """The <details> around a list's filter form."""
    return parsed(html).find("details", class_="site-filter")


def in_use(count: int) -> str:
    """The filter button's text with ``count`` filters in use, in the active language."""
    active = translation.ngettext("%(counter)s active", "%(counter)s active", count)
    return f"{ui('Filters')} ({active % {'counter': count}})"


def section(html, name):
    """The <section> named by its heading."""
    found = [s for s in parsed(html).find_all("section") if name_of(s) == name]
    assert len(found) == 1, f"{len(found)} sections named {name!r}"
    return found[0]


def test_the_header_menu_holds_search_languages_account_and_main_navigation(
    client, home_page, standard_page_factory
):
    standard_page_factory(title="Wissen", slug="wissen", show_in_menus=True)

    menu = menu_of(client.get("/").content.decode())

    assert text_of(menu.find("summary")) == ui("Menu")
    assert "open" not in menu.attrs  # closed on a phone; CSS shows it on wide screens
    assert by_role(one(menu, "navigation", ui("Main navigation")), "link", "Wissen")
    assert one(menu, "navigation", ui("Language"))
    assert by_role(one(menu, "navigation", ui("Your account")), "link", ui("Log in"))
    search = menu.find("form", role="search")
    label = search.find("label")
    assert text_of(label) == ui("Search the portal")
    assert label["for"] == search.find("input", type="search")["id"]
    assert "kern-sr-only" not in label.get("class", [])  # a label everyone sees


def test_the_search_page_does_not_call_its_search_term_optional(client, home_page):
    html = client.get("/suche/").content.decode()

    label = parsed(html).find("label", attrs={"for": "id_q"})
    assert text_of(label) == ui("Search term")
    assert ui("optional") not in html


def test_other_forms_still_mark_their_optional_fields():
    assert ui("optional") in str(FeedbackForm()["name"].as_field_group())
    assert ui("optional") not in str(SearchForm()["q"].as_field_group())


def test_the_procedure_filter_is_closed_behind_one_button_without_filters(
    client, home_page, procedure_index_page
):
    html = client.get(procedure_index_page.url).content.decode()
    details = filter_of(html)

    assert text_of(details.find("summary")) == ui("Filters")
    assert "open" not in details.attrs
    form = details.find("form")
    assert form["role"] == "search" and form["method"] == "get"
    assert ui("optional") not in text_of(form)  # every filter is optional: none says so
    assert not by_role(form, "link", ui("Reset filters"))


def test_the_filter_button_counts_the_filters_in_use(client, home_page, procedure_index_page):
    html = client.get(procedure_index_page.url, {"q": "See", "district": "hoerde"}).content

    details = filter_of(html.decode())
    assert text_of(details.find("summary")) == in_use(2)
    assert by_role(details, "link", ui("Reset filters"), href=procedure_index_page.url)


def test_an_invalid_filter_opens_the_filter_with_its_error_and_is_not_counted(
    client, home_page, toolkit_index_page
):
    html = client.get(toolkit_index_page.url, {"participants": "viele", "mode": "digital"})

    details = filter_of(html.content.decode())
    assert "open" in details.attrs
    assert details.find(class_="kern-error")
    assert text_of(details.find("summary")) == in_use(1)


def test_the_vorhabenliste_has_the_same_filter_and_a_list_under_its_own_heading(client):
    HomePageFactory()
    index = PlannedProjectIndexPageFactory()
    PlannedProjectPageFactory(title="Neue Feuerwache")

    html = client.get(index.url).content.decode()

    filters = section(html, ui("Filter planned projects"))
    assert filter_of(str(filters)).find("form", role="search")
    plans = section(html, ui("planned projects").capitalize())
    assert one(plans, "heading", "Neue Feuerwache", level=3)


def test_the_comparison_table_says_that_it_scrolls(client, home_page, toolkit_index_page):
    ids = [FormatPageFactory(title=title).pk for title in ("Online-Dialog", "Spaziergang")]
    compare = toolkit_index_page.url + toolkit_index_page.reverse_subpage("compare")

    html = client.get(compare, {"format": ids}).content.decode()

    region = one(html, "region", aria_labelledby="compare-caption")
    assert region["tabindex"] == "0"
    hint = region.find(id=region["aria-describedby"])
    assert text_of(hint) == ui("Scroll sideways to see all columns.")


def test_the_leichte_sprache_page_is_set_for_easy_reading(client, home_page, standard_page_factory):
    easy = standard_page_factory(title="Leichte Sprache", slug="leichte-sprache")
    other = standard_page_factory(title="Impressum", slug="impressum")
    links = SiteLinks.for_site(home_page.get_site())
    links.easy_language_page = easy
    links.save()

    easy_main = parsed(client.get(easy.url)).find("main")
    other_main = parsed(client.get(other.url)).find("main")

    assert "easy-language-page" in easy_main["class"]
    assert "easy-language-page" not in other_main["class"]
