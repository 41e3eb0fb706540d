"""A procedure's Drucksache links the imported paper, and its Beratungsfolge adds the paper's
consultations to the editors' own steps, without the ones an editor entered already."""

import datetime

import pytest

from mitwirken.council.models import ImportRun
from mitwirken.council.services import oparl_import
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import ui

pytestmark = pytest.mark.django_db


def test_the_procedure_page_links_the_imported_paper_and_its_consultations(
    client, home_page, oparl
):
    oparl_import(trigger=ImportRun.Trigger.SCHEDULE)
    procedure = ProcedurePageFactory(
        council_paper="16389-20",
        council_steps=[
            # The same as the imported consultation of the Bezirksvertretung: shown once.
            {
                "body": "Bezirksvertretung Hörde",
                "date": datetime.date(2026, 11, 17),
                "role": "hearing",
            },
            {"body": "Seniorenbeirat", "date": datetime.date(2026, 11, 1), "role": "notice"},
        ],
    )

    html = client.get(procedure.url).content.decode()

    assert f'href="{oparl.base}/ris/paper/100">Neugestaltung des Hörder Marktplatzes</a>' in html
    steps = html[html.index('class="kern-list kern-list--number council-steps"') :]
    steps = steps[: steps.index("</ol>")]
    assert steps.count("<li>") == 3
    assert steps.index("Seniorenbeirat") < steps.index("Bezirksvertretung Hörde")
    assert steps.index("Bezirksvertretung Hörde") < steps.index("Rat der Stadt – Beschluss")
    assert ui("hearing (Anhörung)") in steps  # the editor's step, not the imported one


def test_without_an_imported_paper_the_reference_stays_plain_text(client, home_page, oparl):
    procedure = ProcedurePageFactory(council_paper="16389-20")

    html = client.get(procedure.url).content.decode()

    assert "16389-20" in html
    assert "/ris/paper/" not in html
