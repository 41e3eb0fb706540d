"""A procedure's status and what its phase is open for: one rule, the same in Python and SQL."""

import datetime

import pytest
from django.utils import timezone

from participation.models import ProcedurePage
from participation.models.procedures import ProcedureStatus
from tests.factories.participation import ProcedurePageFactory, current_consultation_phase

pytestmark = pytest.mark.django_db

START = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)


def at(days: float) -> datetime.datetime:
    return START + datetime.timedelta(days=days)


@pytest.fixture
def procedure(home_page):
    """Consultation for ten days, a gap of five, a review of ten, then results from day 40."""
    return ProcedurePageFactory(
        phases=[
            current_consultation_phase(start=at(0), end=at(10)),
            current_consultation_phase(start=at(15), end=at(25), kind="review"),
            current_consultation_phase(
                start=at(40), end=at(50), kind="results", title="Ergebnisse"
            ),
        ]
    )


@pytest.mark.parametrize(
    ("days", "status"),
    [
        (-1, ProcedureStatus.PLANNED),
        (0, ProcedureStatus.OPEN),  # the first phase has started
        (12, ProcedureStatus.OPEN),  # between two phases
        (39.9, ProcedureStatus.OPEN),
        (40, ProcedureStatus.RESULTS),  # the results phase has started
        (60, ProcedureStatus.RESULTS),
    ],
)
def test_python_and_the_database_give_the_same_status_at_each_boundary(procedure, days, status):
    now = at(days)
    annotated = ProcedurePage.objects.with_status(now).get(pk=procedure.pk)

    assert procedure.status(now) == annotated.listing_status == status


def test_a_procedure_is_closed_when_its_last_phase_ends_without_results(home_page):
    procedure = ProcedurePageFactory(phases=[current_consultation_phase(start=at(0), end=at(10))])

    for now, status in [(at(9.9), ProcedureStatus.OPEN), (at(10), ProcedureStatus.CLOSED)]:
        annotated = ProcedurePage.objects.with_status(now).get(pk=procedure.pk)
        assert procedure.status(now) == annotated.listing_status == status


def test_a_results_text_publishes_the_results_in_python_and_in_the_database(home_page):
    procedure = ProcedurePageFactory(
        phases=[current_consultation_phase(start=at(0), end=at(10))],
        results="<p>Wir bauen.</p>",
    )

    annotated = ProcedurePage.objects.with_status(at(5)).get(pk=procedure.pk)
    assert procedure.status(at(5)) == annotated.listing_status == ProcedureStatus.RESULTS


def test_open_for_names_what_the_current_phase_allows(home_page):
    informal = ProcedurePageFactory(
        phases=[current_consultation_phase(start=at(0), end=at(10), allows_polls=False)]
    )
    formal = ProcedurePageFactory(
        kind="land_use", phases=[current_consultation_phase(start=at(0), end=at(10))]
    )

    assert informal.open_for(at(1)) == ["allows_proposals", "allows_comments", "allows_support"]
    assert formal.open_for(at(1)) == [
        "allows_proposals",
        "allows_comments",
        "allows_support",
        "allows_polls",
        "allows_statements",
    ]
    assert formal.open_for(at(-1)) == []
    assert formal.open_for(at(10)) == []
