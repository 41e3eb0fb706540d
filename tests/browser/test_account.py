"""The account page in Chromium: a demo citizen signs in, opens the account page from the
header, changes the display name with the keyboard only, and reads the page in German and in
English; axe checks every page, and nothing scrolls sideways at 320 px."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories.accounts import DEFAULT_PASSWORD
from tests.helpers import ui

from .audit import axe, horizontal_overflow, wide_elements
from .test_training import log_in

pytestmark = pytest.mark.browser

#: A citizen of the demo with a proposal, a comment and a formal statement (participation/seed).
CITIZEN = "phoenixsee@example.org"


def test_a_citizen_changes_the_display_name_on_the_account_page_with_the_keyboard(
    page, demo_content
):
    citizen = get_user_model().objects.get(email=CITIZEN)
    citizen.set_password(DEFAULT_PASSWORD)  # demo citizens have none until staff set one
    citizen.save(update_fields=["password"])

    page.goto("/")
    axe(page)
    page.get_by_role("navigation", name=ui("Your account")).get_by_role(
        "link", name=ui("Log in")
    ).click()
    log_in(page, CITIZEN)

    # Back home, the display name in the header leads to the account page.
    header = page.get_by_role("navigation", name=ui("Your account"))
    own_name = header.get_by_role("link", name=re.compile("^" + re.escape(citizen.display_name)))
    expect(own_name).to_be_visible()
    axe(page)
    own_name.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Your account"))
    contributions = page.get_by_role("region", name=ui("Your contributions"))
    expect(
        contributions.get_by_role("link", name="Mehr Bänke mit Rückenlehne").first
    ).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    # The keyboard only: into the field, replace the name, Tab on to the button, Enter.
    name = page.get_by_label(ui("Display name"))
    name.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Läuferin am See")
    save = page.get_by_role("button", name=ui("Save profile"))
    for _field in range(6):
        if save.evaluate("(button) => button === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(save).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("#messages")).to_contain_text(ui("Your profile has been saved."))
    expect(header.get_by_role("link", name=re.compile("^Läuferin am See"))).to_be_visible()
    expect(page.get_by_label(ui("Display name"))).to_have_value("Läuferin am See")
    axe(page)
    citizen.refresh_from_db()
    assert citizen.display_name == "Läuferin am See"

    # In English, through the language switcher.
    page.get_by_role("link", name="English").first.click()
    expect(page).to_have_url(re.compile(r"/en/account/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Your account", "en"))
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)


def test_the_account_page_sends_a_visitor_to_sign_in_and_back(page, demo_content):
    citizen = get_user_model().objects.get(email=CITIZEN)
    citizen.set_password(DEFAULT_PASSWORD)
    citizen.save(update_fields=["password"])

    page.goto("/en/account/")
    log_in(page, CITIZEN)

    expect(page).to_have_url(re.compile(r"/en/account/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Your account", "en"))
    axe(page)
