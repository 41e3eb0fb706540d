"""Issue 17's journey in Chromium: a person signs up, proposes, hands in a formal statement with
a file and subscribes to a district; downloads their data and finds each of these in it; deletes
the account; then the proposal shows "Deleted account" and their address is in no table."""

import io
import json
import re
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from participation.models import Statement
from tests.factories.files import pdf_bytes
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import tables_containing, ui

from .audit import axe

pytestmark = pytest.mark.browser

EMAIL = "jule.brandt@example.org"
PSEUDONYM = "Jule aus Hörde"
PASSWORD = "Mitreden-in-Hoerde-2026"
PDF = pdf_bytes()


def url(name: str, *args, language: str = "de") -> str:
    with translation.override(language):
        return reverse(name, args=args or None)


def link_in_last_mail(to: str, route: str) -> str:
    """The link of ``route`` (a URL name taking one argument) in the last mail to ``to``."""
    prefix = url(route, "x")[:-2]
    body = [sent for sent in mail.outbox if sent.to == [to]][-1].body
    found = re.search(rf"https?://\S+{re.escape(prefix)}\S+/", body)
    assert found, body
    return found.group()


def test_sign_up_take_part_download_everything_then_delete_the_account(page, demo_content):
    procedure = ProcedurePageFactory(
        title="Bebauungsplan Hö 301", slug="bebauungsplan-hoe-301", kind="land_use"
    )

    # Sign up; the form names the privacy notice's version it stores.
    page.goto(url("account_signup"))
    form = page.locator("form", has=page.locator("input[name=password2]"))
    expect(form).to_contain_text("2026-12")
    axe(page)
    form.locator("input[name=email]").fill(EMAIL)
    form.locator("input[name=display_name]").fill(PSEUDONYM)
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(url("account_email_verification_sent"))))
    axe(page)
    confirm = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    page.goto(confirm.group())
    axe(page)
    page.get_by_role("main").locator("form [type=submit]").click()
    account_nav = page.get_by_role("navigation", name=ui("Your account"))
    expect(account_nav).to_contain_text(PSEUDONYM)
    axe(page)

    # Propose.
    page.goto(procedure.url)
    axe(page)
    proposals = page.get_by_role("region", name=ui("Proposals"))
    proposals.get_by_text(ui("Make a proposal")).click()
    proposals.get_by_label(ui("Title of your proposal"), exact=True).fill("Sitzbänke am Spielplatz")
    proposals.get_by_label(ui("Your proposal"), exact=True).fill(
        "Am Spielplatz fehlen Bänke für Eltern und Großeltern."
    )
    proposals.get_by_role("button", name=ui("Publish proposal")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        ui("Thank you! Your proposal has been published.")
    )
    axe(page)

    # Hand in a formal statement with a PDF.
    page.get_by_role("region", name=ui("Formal statement")).get_by_role(
        "link", name=ui("Hand in a formal statement")
    ).click()
    statement = page.get_by_role("main")
    expect(statement).to_contain_text("2026-12")
    axe(page)
    statement.get_by_label(ui("Your statement"), exact=True).fill(
        "Die geplante Bebauung nimmt dem Spielplatz das Licht."
    )
    statement.get_by_label(ui("First and last name"), exact=True).fill("Jule Brandt")
    statement.get_by_label(ui("Street and number"), exact=True).fill("Hörder Bahnhofstraße 5")
    statement.get_by_label(ui("Postcode"), exact=True).fill("44263")
    statement.get_by_label(ui("City"), exact=True).fill("Dortmund")
    receipt = statement.get_by_label(ui("E-mail address for the receipt"), exact=True)
    if receipt.count():
        receipt.fill(EMAIL)
    statement.get_by_label(ui("Attachments (PDF)")).set_input_files(
        files=[{"name": "einwendung.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    statement.get_by_role("button", name=ui("Hand in statement")).click()
    expect(page.get_by_role("status").first).to_contain_text(re.compile(r"ST-\d{4}-\d{6}"))
    axe(page)
    reference = Statement.objects.get(procedure=procedure).reference

    # Subscribe to news of a district by e-mail, and confirm.
    page.goto(url("notifications:subscribe"))
    axe(page)
    subscribe = page.get_by_role("main").locator("form")
    subscribe.get_by_label(ui("Your e-mail address")).fill(EMAIL)
    subscribe.get_by_label(ui("District or topic")).select_option(label="Hörde")
    subscribe.get_by_role("checkbox").check()
    subscribe.get_by_role("button", name=ui("Subscribe")).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page)
    page.goto(link_in_last_mail(EMAIL, "notifications:confirm"))
    axe(page)
    page.get_by_role("button", name=ui("Confirm subscription")).click()
    expect(page.get_by_role("button", name=ui("Confirm subscription"))).to_have_count(0)
    axe(page)

    # The account page, from the header; the download of everything.
    account_nav.get_by_role("link", name=re.compile(re.escape(PSEUDONYM))).click()
    expect(page).to_have_url(re.compile(re.escape(url("accounts:account")) + "$"))
    expect(page.get_by_role("main")).to_contain_text(reference)
    axe(page)
    page.get_by_role("button", name=ui("Prepare a download of my data")).click()
    expect(page.get_by_role("status").first).to_be_visible()
    axe(page)
    download = page.request.get(link_in_last_mail(EMAIL, "accounts:export_download"))
    assert download.ok and download.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.body()))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == EMAIL
    assert data["account"]["display_name"] == PSEUDONYM
    assert [p["title"] for p in data["proposals"]] == ["Sitzbänke am Spielplatz"]
    [handed_in] = data["statements"]
    assert (handed_in["reference"], handed_in["name"]) == (reference, "Jule Brandt")
    [attachment] = handed_in["attachments"]
    assert archive.read(attachment["file"]) == PDF
    [subscription] = data["email_subscriptions"]
    assert subscription["email"] == EMAIL and subscription["confirmed_at"]
    assert {consent["version"] for consent in data["consents"]} >= {"2026-12"}
    assert data["mails"]

    # Delete the account with the password.
    page.goto(url("accounts:account"))
    axe(page)
    page.get_by_role("link", name=ui("Delete your account")).click()
    axe(page)
    page.get_by_label(ui("Your password"), exact=True).fill(PASSWORD)
    page.get_by_label(ui("Yes, delete my account. I know that this cannot be undone.")).check()
    page.get_by_role("button", name=ui("Delete my account")).click()
    expect(
        page.get_by_text(ui("Your account has been deleted. Thank you for taking part."))
    ).to_be_visible()
    expect(account_nav.get_by_role("link", name=ui("Log in"))).to_be_visible()
    axe(page)

    page.goto(procedure.url)
    proposal = page.get_by_role("article", name="Sitzbänke am Spielplatz")
    expect(proposal).to_contain_text(ui("Deleted account"))
    expect(proposal).not_to_contain_text(PSEUDONYM)
    axe(page)
    assert tables_containing(EMAIL) == []
    assert tables_containing(PSEUDONYM) == []
