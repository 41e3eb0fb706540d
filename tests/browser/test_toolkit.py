"""Staff planning a procedure in Chromium: filters the Instrumentenkoffer, compares three formats,
opens one, then (as a signed-in citizen) suggests a new format. axe checks every page."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.helpers import ui
from toolkit.models import FormatPage, FormatSuggestion

from .audit import axe, horizontal_overflow, wide_elements

pytestmark = pytest.mark.browser


def test_filter_compare_open_and_suggest_a_format(page, demo_content):
    digital = FormatPage.objects.live().filter(mode="digital").order_by("title")
    analog = FormatPage.objects.live().get(slug_de="buergerversammlung")

    page.goto("/instrumentenkoffer/")
    axe(page)
    for category in ("Abstandsformate", "Digitale Angebote zur sozialen Teilhabe"):
        expect(page.get_by_role("heading", name=category, exact=True).first).to_be_visible()
    search = page.get_by_role("search", name=ui("Find formats"))
    search.locator("select[name=mode]").select_option("digital")
    search.get_by_role("button", name=ui("Show formats")).click()

    expect(page).to_have_url(re.compile(r"/instrumentenkoffer/\?.*mode=digital"))
    results = page.get_by_role("region", name=ui("Formats"), exact=True)
    expect(results.get_by_role("heading", name=digital[0].title, exact=True)).to_be_visible()
    expect(results.get_by_role("heading", name=analog.title, exact=True)).to_have_count(0)
    axe(page)

    chosen = list(digital[:3])
    for format_page in chosen:
        results.get_by_label(f"{ui('Compare')}: {format_page.title}").check()
    results.get_by_role("button", name=ui("Compare selected formats (2 to 4)")).click()

    expect(page).to_have_url(re.compile(r"/instrumentenkoffer/vergleich/\?"))
    table = page.get_by_role("table")
    for format_page in chosen:
        expect(table.get_by_role("columnheader", name=format_page.title)).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    table.get_by_role("link", name=chosen[1].title, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(chosen[1].url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(chosen[1].title)
    axe(page)

    citizen = UserFactory(email="idee@example.org", display_name="Ideengeberin")
    page.goto("/instrumentenkoffer/")
    axe(page)
    page.get_by_role("link", name=ui("Suggest a format")).first.click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    axe(page)  # the login page, which brings the citizen back
    form = page.locator("form", has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(citizen.email)
    form.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    form.locator("[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/instrumentenkoffer/vorschlagen/$"))
    axe(page)
    page.get_by_label(ui("Name of the format")).fill("Balkonkonzert mit Abstimmung")
    page.get_by_label(ui("How it works"), exact=True).fill(
        "Nachbarinnen und Nachbarn hören vom Balkon zu und stimmen per Handzeichen ab."
    )
    page.get_by_role("button", name=ui("Send suggestion")).click()

    expect(page.get_by_role("status").first).to_be_visible()
    axe(page)
    suggestion = FormatSuggestion.objects.get()
    assert (suggestion.title, suggestion.author) == ("Balkonkonzert mit Abstimmung", citizen)
