"""The public page of reach and results in Chromium, in German and English: the whole city,
a procedure and a district with their charts and tables, axe-clean, no sideways scrolling at
320 px, and the open data downloads. The demo gets an evaluation page and answers here."""

import re

import pytest
from playwright.sync_api import expect

from evaluation.models import EvaluationIndexPage, Question, Response, Survey
from participation.models import ProcedureDistrict, ProcedurePage
from tests.factories.evaluation import EvaluationIndexPageFactory
from tests.helpers import ui

from .audit import axe, horizontal_overflow, wide_elements

pytestmark = pytest.mark.browser

ITEMS = ("information", "voice", "fair", "results_clear", "again")


def evaluation_page() -> EvaluationIndexPage:
    return EvaluationIndexPageFactory(title_en="Evaluation", slug_en="evaluation")


def answered_procedure() -> ProcedurePage:
    """A demo procedure in a district with 30 answers, some on paper."""
    procedure_id = ProcedureDistrict.objects.values_list("procedure_id", flat=True).first()
    procedure = ProcedurePage.objects.get(pk=procedure_id)
    survey = Survey.objects.create(title="Befragung", procedure=procedure)
    for order, key in enumerate(ITEMS):
        Question.objects.create(
            survey=survey, sort_order=order, key=key, text=f"Aussage {key}", type="likert"
        )
    Response.objects.bulk_create(
        Response(
            survey=survey,
            channel="paper" if number % 3 == 0 else "online",
            answers={**dict.fromkeys(ITEMS, str(number % 5 + 1)), "first_time": "1"},
        )
        for number in range(30)
    )
    return procedure


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_evaluation_pages_are_accessible(page, language):
    evaluation = evaluation_page()
    procedure = answered_procedure()
    prefix = "" if language == "de" else "/en"
    title = getattr(procedure, f"title_{language}") or procedure.title_de

    page.goto(f"{prefix}/evaluation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Evaluation")
    reach = page.get_by_role("table", name=ui("Participants per 1,000 residents", language))
    expect(reach).to_be_visible()
    expect(page.get_by_role("img", name=ui("Participants by channel", language))).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    page.get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/evaluation/verfahren/{procedure.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("img", name=ui("Share agreeing", language))).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    page.go_back()
    axe(page)
    page.get_by_role("link", name="Hörde", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hörde")
    axe(page)

    page.go_back()
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=ui("The reach figures as open data (CSV)", language)).click()
    assert download.value.suggested_filename == "reichweite.csv"
    assert evaluation.pk
