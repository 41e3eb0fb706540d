"""Answering a survey in Chromium with the keyboard only: the link of the invitation, the
questions page by page with Tab, the arrow keys within a radio group, Space and Enter, then
the thanks; axe on every page, in German and English."""

import re

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from evaluation import tasks
from evaluation.models import Response
from mitwirken.pages.kit import route_url
from tests.factories.accounts import UserFactory
from tests.factories.evaluation import (
    EvaluationIndexPageFactory,
    InvitationFactory,
    ResponseFactory,
    SurveyFactory,
)
from tests.factories.participation import ProcedurePageFactory, ProposalFactory, phase
from tests.helpers import ui

from .audit import axe

pytestmark = pytest.mark.browser

FAIR = {"key": "fair", "type": "likert", "text": "Das Verfahren war fair.", "required": True}


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

    response = Response.objects.get(survey=invitation.survey)
    assert response.answers == {"fair": "4", "heard": "1", "age": 42, "languages": ["1"]}
    assert response.language == language
    invitation.refresh_from_db()
    assert invitation.answered_at is not None


def test_invited_after_the_procedure_closed_the_answer_counts_on_the_public_page(page):
    """The procedure's phase ended: its online participant is invited by mail, answers with the
    keyboard, and the fifth answer lifts the procedure's figure over the small-group rule."""
    evaluation = EvaluationIndexPageFactory()
    procedure = ProcedurePageFactory(title="Westpark", phases=[phase(-15, length=14)])
    participant = UserFactory(email="westpark@example.org")
    ProposalFactory(procedure=procedure, author=participant)
    survey = SurveyFactory(procedure=procedure, questions=[FAIR])
    ResponseFactory.create_batch(4, survey=survey, answers={"fair": "5"})
    results = route_url(evaluation, "procedure", procedure.pk)

    page.goto(results)
    statement = page.get_by_role("row", name=re.compile(FAIR["text"]))
    expect(statement).to_contain_text(ui("too few answers"))
    axe(page)

    assert tasks.invite_participants() == 1
    [invitation] = [sent for sent in mail.outbox if sent.to == [participant.email]]
    link = re.search(r"https?://\S+/umfrage/\S+/", invitation.body).group(0)
    page.goto(link)
    axe(page)
    choose(page, FAIR["text"], 3)
    tab_to(page, page.get_by_role("button", name=ui("Send my answers")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Thank you for taking part!"))
    axe(page)

    page.goto(results)
    expect(statement).to_contain_text("100")
    expect(statement).not_to_contain_text(ui("too few answers"))
    axe(page)


def test_an_analog_participant_answers_with_a_printed_code(page):
    evaluation = EvaluationIndexPageFactory()
    invitation = InvitationFactory(channel="paper", user=None, survey__questions=[FAIR])

    page.goto(route_url(evaluation, "survey_code"))
    axe(page)
    page.get_by_label(ui("Code")).fill(invitation.code.lower())
    page.get_by_role("button", name=ui("To the survey")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(invitation.survey.title)
    axe(page)
    page.get_by_role("radio", name=ui("Agree"), exact=True).check()
    page.get_by_role("button", name=ui("Send my answers")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Thank you for taking part!"))
    axe(page)

    assert Response.objects.get(survey=invitation.survey).answers == {"fair": "4"}
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
