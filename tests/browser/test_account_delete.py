"""Deleting an account in Chromium: a citizen of the demo reads what happens (in German and in
English), mistypes the password, deletes with it, lands on the home page with the message, and
their proposal shows "Deleted account"; the Ombudsstelle deletes another on request in the
admin. axe checks every page; nothing is requested from another origin."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from mitwirken.accounts.admin.deletion import URL_NAME
from participation.models import Proposal
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.helpers import ui

from .audit import axe, axe_admin
from .test_staff_roles import log_in as admin_log_in
from .test_staff_roles import staff  # noqa: F401 (a fixture)
from .test_training import log_in

pytestmark = pytest.mark.browser

CITIZEN = "phoenixsee@example.org"
OTHER_CITIZEN = "nordstadt@example.org"


def delete_url(language: str) -> str:
    with translation.override(language):
        return reverse("accounts:delete")


def with_password(email: str):
    person = get_user_model().objects.get(email=email)
    person.set_password(DEFAULT_PASSWORD)
    person.save(update_fields=["password"])
    return person


def test_a_citizen_deletes_their_account_with_the_password(page, demo_content):
    person = with_password(CITIZEN)
    proposal = Proposal.objects.filter(author=person).first()
    proposal_url = f"{proposal.procedure.url}vorschlag/{proposal.pk}/"

    page.goto(delete_url("en"))
    log_in(page, CITIZEN)
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Delete your account", "en"))
    axe(page)
    page.goto(delete_url("de"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Delete your account"))
    axe(page)

    page.get_by_label(ui("Your password"), exact=True).fill("Falsch-geraten-2026")
    page.get_by_label(ui("Yes, delete my account. I know that this cannot be undone.")).check()
    page.get_by_role("button", name=ui("Delete my account")).click()
    expect(
        page.get_by_text(ui("This is not your password. Nothing has been deleted."))
    ).to_be_visible()
    axe(page)

    page.get_by_label(ui("Your password"), exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_label(ui("Yes, delete my account. I know that this cannot be undone.")).check()
    page.get_by_role("button", name=ui("Delete my account")).click()
    page.wait_for_url(re.compile(r"/#messages$"))
    expect(
        page.get_by_text(ui("Your account has been deleted. Thank you for taking part."))
    ).to_be_visible()
    axe(page)

    page.goto(proposal_url)
    expect(page.get_by_text(ui("Deleted account")).first).to_be_visible()
    axe(page)
    assert not get_user_model().objects.filter(email=CITIZEN).exists()


def test_the_ombudsstelle_deletes_an_account_on_request(page, staff):  # noqa: F811
    person = get_user_model().objects.get(email=OTHER_CITIZEN)
    admin_log_in(page, staff["Ombudsstelle"])

    page.goto(reverse(URL_NAME))
    axe_admin(page)
    page.get_by_label(ui("E-mail address of the person")).fill(OTHER_CITIZEN)
    page.get_by_role("button", name=ui("Find")).click()
    expect(page.get_by_text(person.display_name)).to_be_visible()
    axe_admin(page)
    page.get_by_label(ui("Reason")).fill("Antrag per Brief vom 3. Dezember")
    page.get_by_role("button", name=ui("Delete this account")).click()

    expect(page.get_by_text(ui("The account has been deleted."))).to_be_visible()
    expect(page.get_by_role("cell", name="Antrag per Brief vom 3. Dezember")).to_be_visible()
    axe_admin(page)
    assert not get_user_model().objects.filter(email=OTHER_CITIZEN).exists()
