"""What a visitor does on the portal, in Chromium, with axe on every page the journey visits."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from mitwirken.pages.models import ArticlePage, Feedback
from tests.helpers import ui

from .audit import axe

pytestmark = pytest.mark.browser

PASSWORD = "Mitreden-am-Phoenixsee-2026"


def url(name: str, language: str = "de", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def header(page):
    return page.get_by_role("banner")


def account_nav(page):
    return page.get_by_role("navigation", name=ui("Your account"))


def test_home_page(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("MitWIRken in Dortmund")
    expect(page).to_have_title(re.compile("MitWIRken in Dortmund"))
    navigation = page.get_by_role("navigation", name=ui("Main navigation"))
    expect(navigation.get_by_role("link", name="Wissen")).to_be_visible()
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Erklärung zur Barrierefreiheit")).to_be_visible()
    expect(page.get_by_role("heading", name=ui("Latest news"))).to_be_visible()
    axe(page)
    # The first Tab reaches the skip link, which takes keyboard users to the content.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name=ui("Skip to content"))
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()


def test_search_from_the_header(page):
    page.goto("/")
    axe(page)
    search = header(page).get_by_role("search")
    search.get_by_label(ui("Search the portal")).fill("Beteiligung")
    search.get_by_role("button", name=ui("Search")).click()

    expect(page).to_have_url(re.compile(re.escape(url("search")) + r"\?q=Beteiligung$"))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(ui("Search"))
    expect(main.get_by_role("status")).to_contain_text("Beteiligung")
    with translation.override("de"):
        articles = str(ArticlePage._meta.verbose_name_plural)
    group = main.get_by_role("region", name=re.compile(re.escape(articles), re.IGNORECASE))
    expect(group.get_by_role("heading", level=2)).to_be_visible()
    expect(group.get_by_role("link", name="Was ist Bürgerbeteiligung?")).to_be_visible()
    # The search term stays in both search fields.
    expect(main.get_by_role("textbox", name=ui("Search term"))).to_have_value("Beteiligung")
    axe(page)


def test_open_a_knowledge_article(page):
    page.goto("/")
    axe(page)
    page.get_by_role("navigation", name=ui("Main navigation")).get_by_role(
        "link", name="Wissen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wissen")
    axe(page)
    page.get_by_role("link", name="Wie eine Bezirksvertretung entscheidet").click()

    expect(page).to_have_url(re.compile(r"/wissen/bezirksvertretungen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Wie eine Bezirksvertretung entscheidet"
    )
    expect(page.get_by_role("main")).to_contain_text("Einwohnerfragestunde")
    breadcrumbs = page.get_by_role("navigation", name=ui("Breadcrumbs"))
    expect(breadcrumbs.get_by_role("link", name="Wissen")).to_have_attribute("href", "/wissen/")
    current = page.get_by_role("navigation", name=ui("Main navigation")).get_by_role(
        "link", name="Wissen"
    )
    expect(current).to_have_attribute("aria-current", "true")
    axe(page)


def test_report_a_barrier_on_the_accessibility_statement(page):
    page.goto("/")
    axe(page)
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Erklärung zur Barrierefreiheit"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    axe(page)
    form = page.get_by_role("region", name=ui("Report a barrier"))
    send = form.get_by_role("button", name=ui("Send message"))

    # Sent empty: the message field says what is missing, and nothing is stored.
    send.click()
    message = form.get_by_role("textbox", name=ui("Your message"))
    expect(message).to_have_attribute("aria-invalid", "true")
    expect(message).to_have_accessible_description(
        re.compile(re.escape(ui("This field is required.")))
    )
    expect(form.get_by_text(ui("This field is required."))).to_be_visible()
    axe(page)
    assert not Feedback.objects.exists()
    assert mail.outbox == []

    message.fill("Das PDF der Drucksache 12345 ist nicht mit dem Screenreader lesbar.")
    form.get_by_role("textbox", name=ui("Your name")).fill("Ayşe Demir")
    form.get_by_role("textbox", name=ui("Your e-mail address")).fill("ayse@example.org")
    send.click()

    messages = page.locator("#messages")
    expect(messages).to_contain_text(
        ui("Thank you. Your message has been sent to the Ombudsstelle.")
    )
    expect(messages).to_be_focused()
    expect(page).to_have_url(re.compile(r"/barrierefreiheit/#messages$"))
    axe(page)
    feedback = Feedback.objects.get()
    assert feedback.message.startswith("Das PDF der Drucksache 12345")
    assert (feedback.name, feedback.email) == ("Ayşe Demir", "ayse@example.org")
    assert [sent.to for sent in mail.outbox] == [[settings.STAFF_EMAIL]]
    assert "Drucksache 12345" in mail.outbox[0].body


def test_switch_to_english_on_the_same_page(page):
    page.goto("/barrierefreiheit/")
    axe(page)
    languages = page.get_by_role("navigation", name=ui("Language"))
    expect(languages.get_by_text("Deutsch")).to_have_attribute("aria-current", "true")
    languages.get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(r"/en/accessibility/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
    expect(page.get_by_role("region", name=ui("Report a barrier", "en"))).to_be_visible()
    axe(page)
    # And back to the German page.
    page.get_by_role("navigation", name=ui("Language", "en")).get_by_role(
        "link", name="Deutsch"
    ).click()
    expect(page).to_have_url(re.compile(r"/barrierefreiheit/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    axe(page)


def test_sign_up_confirm_log_out_and_log_in_again(page):
    email, display_name = "kim.nowak@example.org", "Kim aus Hörde"
    page.goto("/")
    axe(page)
    account_nav(page).get_by_role("link", name=ui("Register")).click()
    expect(page).to_have_url(re.compile(re.escape(url("account_signup")) + "$"))
    axe(page)
    form = page.locator("form", has=page.locator("input[name=password2]"))
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=display_name]").fill(display_name)
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("[type=submit]").click()

    expect(page).to_have_url(re.compile(re.escape(url("account_email_verification_sent")) + "$"))
    axe(page)
    assert [sent.to for sent in mail.outbox] == [[email]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    page.goto(link.group())
    axe(page)
    page.get_by_role("main").locator("form [type=submit]").click()
    expect(account_nav(page)).to_contain_text(display_name)
    axe(page)

    account_nav(page).get_by_role("button", name=ui("Log out")).click()
    expect(account_nav(page).get_by_role("link", name=ui("Log in"))).to_be_visible()
    expect(account_nav(page)).not_to_contain_text(display_name)
    axe(page)

    account_nav(page).get_by_role("link", name=ui("Log in")).click()
    expect(page).to_have_url(re.compile(re.escape(url("account_login")) + "$"))
    axe(page)
    form = page.locator("form", has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("[type=submit]").click()
    expect(account_nav(page)).to_contain_text(display_name)
    axe(page)

    account_nav(page).get_by_role("button", name=ui("Log out")).click()
    expect(account_nav(page).get_by_role("link", name=ui("Register"))).to_be_visible()
    axe(page)
