"""The evaluation's public figures in the read API as a caller sees them: documented, the
same figures as the results pages, null where a group is too small, and never a procedure that
is not published, a single response or a free-text answer."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from evaluation.models import Question, Response
from mitwirken.places.models import District
from tests.evaluation.test_results import ITEMS, answers, contributions, survey_for
from tests.factories.participation import ProcedurePageFactory

pytestmark = pytest.mark.django_db

FREE_TEXT = "Meine ganz persönliche Freitextantwort"


def validated(client, schema, path, url):
    """The answer of ``url``, checked against the schema of ``path``."""
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.json()
    root = json.loads(json.dumps(schema).replace('"oneOf"', '"anyOf"'))
    operation = root["paths"][path]["get"]
    assert operation["description"], path
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    Draft202012Validator({**root, **answer}).validate(body)
    return body


def test_the_figures_are_those_of_the_results_pages_within_the_small_group_rule(client):
    hoerde = District.objects.get(slug="hoerde")
    hoerde.residents = 20_000
    hoerde.save()
    large = ProcedurePageFactory(title="Großes Verfahren", districts=[hoerde], revision=False)
    small = ProcedurePageFactory(title="Kleines Verfahren", districts=[hoerde], revision=False)
    hidden = ProcedurePageFactory(title="Zurückgezogenes Verfahren")
    hidden.unpublish()
    contributions(large, accounts=6, paper=4)
    contributions(small, accounts=2)
    contributions(hidden, accounts=9)
    survey = survey_for(large)
    Question.objects.create(survey=survey, key="remarks", text="Anmerkungen", type="long_text")
    answers(survey, ["5", "5", "4", "4", "2", "1"])
    Response.objects.create(survey=survey, answers={"remarks": FREE_TEXT})
    answers(survey_for(small), ["5", "5", "1"])

    schema = client.get("/api/v1/schema/").json()
    listing = validated(
        client, schema, "/api/v1/evaluation-procedures/", "/api/v1/evaluation-procedures/"
    )
    rows = {row["title"]: row for row in listing["results"]}
    assert set(rows) == {"Großes Verfahren", "Kleines Verfahren"}
    figures = rows["Großes Verfahren"]["figures"]
    assert (figures["participants"], figures["contributions"]) == (10, 10)
    assert (figures["contributions_digital"], figures["contributions_analog"]) == (6, 4)
    assert figures["per_1000_residents"] == 0.5
    fair = next(item for item in figures["items"] if item["key"] == "fair")
    assert (fair["answers"], fair["agreeing_percent"]) == (6, 67)
    assert figures["satisfied_percent"] == 67
    too_few = rows["Kleines Verfahren"]["figures"]
    assert too_few["participants"] is None
    assert too_few["contributions"] is None
    assert too_few["per_1000_residents"] is None
    assert {item["agreeing_percent"] for item in too_few["items"]} == {None}

    detail = validated(
        client,
        schema,
        "/api/v1/evaluation-procedures/{id}/",
        f"/api/v1/evaluation-procedures/{large.pk}/",
    )
    assert detail["figures"] == figures
    assert client.get(f"/api/v1/evaluation-procedures/{hidden.pk}/").status_code == 404

    districts = validated(
        client, schema, "/api/v1/evaluation-districts/", "/api/v1/evaluation-districts/"
    )
    by_slug = {row["slug"]: row for row in districts["results"]}
    assert by_slug["hoerde"]["procedures"] == 2
    assert by_slug["hoerde"]["figures"]["participants"] == 12
    assert by_slug["hoerde"]["figures"]["per_1000_residents"] == 0.6
    assert by_slug["hoerde"]["figures"]["satisfied_percent"] == 67
    assert by_slug["aplerbeck"]["figures"]["participants"] is None
    detail = validated(
        client,
        schema,
        "/api/v1/evaluation-districts/{slug}/",
        "/api/v1/evaluation-districts/hoerde/",
    )
    assert detail == by_slug["hoerde"]

    everything = json.dumps([listing, districts], ensure_ascii=False)
    assert FREE_TEXT not in everything
    assert "Zurückgezogenes Verfahren" not in everything
    assert "remarks" not in everything


def test_the_figures_without_a_request_as_the_open_data_dump_writes_them():
    from mitwirken.opendata.registry import datasets

    ProcedurePageFactory(title="Verfahren", revision=False)
    for dataset in datasets():
        if dataset.name.startswith("evaluation-"):
            rows = dataset.serializer(dataset.rows(), many=True, context={"request": None}).data
            assert rows and all("figures" in row for row in rows), dataset.name


@pytest.mark.parametrize("name", ["evaluation-procedures", "evaluation-districts"])
def test_a_list_costs_the_same_queries_for_3_and_30_rows(client, name):
    url = f"/api/v1/{name}/?page_size=100"

    def make(count):
        for number in range(count):
            if name == "evaluation-procedures":
                procedure = ProcedurePageFactory(revision=False)
                contributions(procedure, accounts=1)
                answers(survey_for(procedure), ["4"])
            else:
                District.objects.create(name=f"Bezirk {number}", slug=f"bezirk-{number}-{count}")

    make(3)
    client.get(url)  # the site's root paths, read once and cached
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make(27)
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).json()
    assert body["count"] >= 30
    assert len(many) == len(few), name
    assert len(ITEMS) == len(body["results"][0]["figures"]["items"])
