"""A resident in Chromium asks the Wegweiser three different ways, then visits the hub of their
Stadtbezirk. axe checks every page; nothing is requested from another origin."""

import re

import pytest
from django.utils.text import capfirst
from playwright.sync_api import expect

from tests.helpers import ui

from .audit import axe, horizontal_overflow, wide_elements

pytestmark = pytest.mark.browser


def answer(page, *, intent: str, where: str, how: str) -> None:
    form = page.get_by_role(
        "form", name=re.compile(ui("Three questions") + "|" + ui("Change your answers"))
    )
    form.get_by_role("radio", name=capfirst(ui(intent)), exact=True).check()
    form.get_by_role("radio", name=where, exact=True).check()
    form.get_by_role("radio", name=capfirst(ui(how)), exact=True).check()
    form.get_by_role("button", name=ui("Show what fits")).click()


def test_three_answers_three_ways_then_the_district_hub(page, demo_content):
    page.goto("/wegweiser/")
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    # 1. Say my opinion in Hörde, in person: the Bezirksvertretung's question time.
    answer(page, intent="give my opinion", where="Hörde", how="in person")
    expect(page).to_have_url(re.compile(r"intent=opinion.*district=hoerde.*how=in_person"))
    results = page.get_by_role("region", name=ui("What fits your answers"))
    question_time = results.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Einwohnerfragestunde der Bezirksvertretung Hörde")
    )
    expect(question_time).to_contain_text(ui("Why it fits:"))
    expect(
        results.get_by_role("link", name="Einwohnerfragestunde der Bezirksvertretung Eving")
    ).to_have_count(0)
    axe(page)

    # 2. A complaint, anywhere in the city: the Büro, and the Ombudsstelle is not it.
    answer(
        page, intent="make a complaint or a suggestion", where=ui("Whole city"), how="either way"
    )
    results = page.get_by_role("region", name=ui("What fits your answers"))
    expect(
        results.get_by_role(
            "link", name="Büro für Anregungen, Beschwerden und Chancengleichheit", exact=True
        ).first
    ).to_be_visible()
    expect(results).to_contain_text(
        ui("Complaints go to the Büro für Anregungen, Beschwerden und Chancengleichheit.")
    )
    axe(page)

    # 3. Learn how to take part, online: formats of the Instrumentenkoffer.
    answer(page, intent="learn how to participate", where=ui("Whole city"), how="online")
    formats = page.get_by_role("region", name=ui("Formats of the Instrumentenkoffer"))
    expect(formats.get_by_role("link", name="Online-Umfrage", exact=True)).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    # The hub of Hörde, from the main navigation.
    page.get_by_role("navigation", name=ui("Main navigation")).get_by_role(
        "link", name="Stadtbezirke"
    ).click()
    expect(page).to_have_url(re.compile(r"/stadtbezirke/$"))
    axe(page)
    page.get_by_role("link", name="Hörde", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/stadtbezirke/hoerde/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hörde")
    expect(page.get_by_role("heading", name=ui("Upcoming sessions"))).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    # E-mails about Hörde without an account: back at the hub, at the message, which has the
    # focus, so a screen reader reads it.
    box = page.get_by_role("region", name=ui("E-mails about %(target)s") % {"target": "Hörde"})
    box.get_by_label(ui("Your e-mail address")).fill("nachbarin@example.org")
    box.get_by_role("checkbox").check()
    box.get_by_role("button", name=ui("Subscribe")).click()
    expect(page).to_have_url(re.compile(r"/stadtbezirke/hoerde/#messages$"))
    messages = page.locator("#messages")
    expect(messages).to_contain_text("nachbarin@example.org")
    expect(messages).to_be_focused()
    axe(page)
