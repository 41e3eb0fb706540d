"""Answering a survey in Chromium with the keyboard only: the link of the invitation, the
questions page by page with Tab, the arrow keys within a radio group, Space and Enter, then
the thanks; axe on every page, in German and English."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from evaluation.models import Invitation, Response
from mitwirken.pages.kit import route_url
from tests.factories.evaluation import EvaluationIndexPageFactory, InvitationFactory
from tests.helpers import ui

from .audit import axe

pytestmark = pytest.mark.browser


def tab_to(page, locator, *, limit: int = 80) -> None:
    """Press Tab until ``locator`` has the focus, as a keyboard user moves through the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {locator}")


def choose(page, group: str, position: int) -> None:
    """The ``position``-th answer (from 0) of the radio group named ``group``: Tab into the
    group, which focuses its first radio, Space to choose it, the arrow key to the next."""
    group_box = page.get_by_role("group", name=group, exact=False)
    tab_to(page, group_box.get_by_role("radio").first)
    page.keyboard.press("Space")
    for _ in range(position):
        page.keyboard.press("ArrowDown")


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_participant_answers_with_the_keyboard_only(page, language):
    EvaluationIndexPageFactory()
    invitation = InvitationFactory()
    with translation.override(language):
        url = route_url(EvaluationIndexPageFactory(), "survey_invitation", invitation.token)
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(invitation.survey.title)
        axe(page)

        choose(page, "Das Verfahren war fair.", 3)
        choose(page, "Wie haben Sie davon erfahren?", 0)
        tab_to(page, page.get_by_role("button", name=ui("Next page")))
        page.keyboard.press("Enter")

        expect(page.get_by_role("heading", level=2, name="Über Sie")).to_be_visible()
        axe(page)
        tab_to(page, page.get_by_role("spinbutton", name="Wie alt sind Sie?"))
        page.keyboard.type("142")
        tab_to(page, page.get_by_role("checkbox", name="Deutsch"))
        page.keyboard.press("Space")
        tab_to(page, page.get_by_role("button", name=ui("Send my answers")))
        page.keyboard.press("Enter")

        # A number outside the range: the page says so, and the other answer is kept.
        error = ui("Please enter a whole number from %(low)s to %(high)s.") % {
            "low": 14,
            "high": 110,
        }
        expect(page.get_by_role("alert")).to_contain_text(error)
        axe(page)
        expect(page.get_by_role("checkbox", name="Deutsch")).to_be_checked()
        field = page.get_by_role("spinbutton", name="Wie alt sind Sie?")
        tab_to(page, field)
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.type("42")
        page.keyboard.press("Enter")

        expect(page.get_by_role("heading", level=1)).to_have_text(ui("Thank you for taking part!"))
        axe(page)
        expect(
            page.get_by_role(
                "link",
                name=ui("Who takes part, and what the surveys show: the results of the evaluation"),
            )
        ).to_be_visible()

    response = Response.objects.get()
    assert response.answers == {"fair": "4", "heard": "1", "age": 42, "languages": ["1"]}
    assert response.language == language
    assert Invitation.objects.get().answered_at is not None
