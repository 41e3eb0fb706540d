"""The read API under /api/v1/ as a caller sees it: documented, filtered like the pages,
paginated, conditional, open to other origins for reading, in German or English, and never
with anything hidden, private, internal or personal."""

import datetime
import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from jsonschema import Draft202012Validator
from wagtail.models import PageViewRestriction

from mitwirken.opendata.registry import datasets
from mitwirken.places.models import District, Topic
from participation.models import CouncilStep
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    CommentFactory,
    PlannedProjectPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
    StatementFactory,
    SupportFactory,
)
from tests.factories.toolkit import FormatPageFactory, PlatformPageFactory
from tests.factories.training import SessionFactory, TrainingModulePageFactory
from tests.factories.wegweiser import DistrictHubPageFactory, OfferingPageFactory
from tests.helpers import ui

ROOM = "https://konferenz.example.org/geheimer-raum"
INTERNAL_ROOM = "https://konferenz.example.org/interner-raum"
#: What must never appear in any answer of the API.
SECRETS = (
    "geheim.person@example.org",
    "Geheime Mitmacherin",
    "Erika Geheimname",
    "erika.geheim@example.org",
    "Verborgener Vorschlag",
    "Privates Verfahren",
    "Entwurf eines Verfahrens",
    "beteiligung@example.org",
    ROOM,
    INTERNAL_ROOM,
)


def _hub(district):
    from wegweiser.models import CouncilSession, DistrictHubPage

    hub = DistrictHubPage.objects.filter(district=district).first() or DistrictHubPageFactory(
        district=district, revision=False
    )
    return hub, CouncilSession


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    """One of each public row, and the hidden, private, draft and internal ones beside them."""
    with django_db_blocker.unblock(), transaction.atomic():
        translation.activate("de")
        hoerde = District.objects.get(slug="hoerde")
        topic = Topic.objects.create(
            name="Verkehr", name_de="Verkehr", name_en="Traffic", slug="verkehr-api"
        )
        citizen = UserFactory(email="geheim.person@example.org", display_name="Geheime Mitmacherin")
        procedure = ProcedurePageFactory(
            title="Offenes Verfahren in Hörde",
            kind="land_use",
            districts=[hoerde],
            topics=[topic],
            council_paper="16389-20",
            council_steps=[
                {
                    "body": "Bezirksvertretung Hörde",
                    "date": datetime.date(2026, 3, 1),
                    "role": CouncilStep.Role.RECOMMENDATION,
                }
            ],
        )
        city_wide = ProcedurePageFactory(title="Verfahren der ganzen Stadt", kind="informal")
        proposal = ProposalFactory(procedure=procedure, author=citizen)
        ProposalFactory(procedure=procedure, author=citizen)
        ProposalFactory(
            procedure=procedure,
            author=citizen,
            title="Verborgener Vorschlag",
            hidden_at=timezone.now(),
        )
        SupportFactory(proposal=proposal, user=citizen)
        CommentFactory(procedure=procedure, author=citizen)
        CommentFactory(procedure=procedure, author=citizen, hidden_at=timezone.now())
        StatementFactory(
            procedure=procedure,
            author=citizen,
            name="Erika Geheimname",
            email="erika.geheim@example.org",
        )
        private = ProcedurePageFactory(title="Privates Verfahren")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        draft = ProcedurePageFactory(title="Entwurf eines Verfahrens")
        draft.unpublish()
        platform = PlatformPageFactory()
        FormatPageFactory(platforms=[platform])
        module = TrainingModulePageFactory()
        public_session = SessionFactory(module=module, online_link=ROOM)
        internal = SessionFactory(module=module, internal=True, online_link=INTERNAL_ROOM)
        OfferingPageFactory(intents=["idea"], districts=[hoerde])
        hub, CouncilSession = _hub(hoerde)
        CouncilSession.objects.create(page=hub, start=timezone.now(), place="Rathaus Hörde")
        PlannedProjectPageFactory(districts=[hoerde], topics=[topic])
        yield {
            "procedure": procedure,
            "city_wide": city_wide,
            "public_session": public_session,
            "internal_session": internal,
        }
        transaction.set_rollback(True)


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_the_schema_documents_every_endpoint_and_the_answers_match_it(client, db, data):
    schema = get(client, "/api/v1/schema/").json()
    # A blank URL is "" and so matches both of drf-spectacular's oneOf (a URI, or empty) when
    # formats are not checked: any of them will do.
    validator_root = json.loads(json.dumps(schema).replace('"oneOf"', '"anyOf"'))
    for dataset in datasets():
        key = "id" if dataset.lookup_field == "pk" else dataset.lookup_field
        list_path, detail_path = f"/api/v1/{dataset.name}/", f"/api/v1/{dataset.name}/{{{key}}}/"
        for path in (list_path, detail_path):
            operation = schema["paths"][path]["get"]
            assert operation["description"], path
            assert {"200", "400", "404"} <= set(operation["responses"]), path
            assert all(parameter.get("description") for parameter in operation["parameters"]), path
        names = {parameter["name"] for parameter in schema["paths"][list_path]["get"]["parameters"]}
        filters = set(dataset.filterset.base_filters) if dataset.filterset else set()
        assert {"page", "page_size", "lang", *filters} <= names, dataset.name

        listing = get(client, f"{list_path}?page_size=100")
        assert listing.status_code == 200, dataset.name
        body = listing.json()
        response_schema = validator_root["paths"][list_path]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        Draft202012Validator({**validator_root, **response_schema}).validate(body)
        assert body["results"], f"{dataset.name}: no row to check"
        detail = get(client, f"{list_path}{body['results'][0][key]}/")
        detail_schema = validator_root["paths"][detail_path]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        Draft202012Validator({**validator_root, **detail_schema}).validate(detail.json())


def test_procedures_are_filtered_like_the_listing_and_count_only_visible_contributions(
    client, db, data
):
    body = get(client, "/api/v1/procedures/?district=hoerde&status=open").json()
    assert [row["title"] for row in body["results"]] == ["Offenes Verfahren in Hörde"]
    row = body["results"][0]
    assert row["districts"] == [{"slug": "hoerde", "partly": False}]
    assert row["topics"] == ["verkehr-api"]
    assert row["council_paper"] == "16389-20"
    assert row["council_steps"][0]["body"] == "Bezirksvertretung Hörde"
    assert row["contributions"] == {
        "proposals": 2,
        "comments": 1,
        "supports": 1,
        "poll_votes": 0,
        "statements": 1,
    }
    titles = {
        row["title"] for row in get(client, "/api/v1/procedures/?kind=informal").json()["results"]
    }
    assert "Verfahren der ganzen Stadt" in titles
    assert "Offenes Verfahren in Hörde" not in titles


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("district=atlantis", "district"),
        ("status=maybe", "status"),
        ("modified_since=yesterday", "modified_since"),
        ("page=99999", "page"),
        ("page=abc", "page"),
        ("lang=fr", "lang"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, db, data, query, field):
    response = get(client, f"/api/v1/procedures/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == ui("Some parameters are not valid.")
    assert list(error["fields"]) == [field]


def test_a_missing_row_is_a_404_with_the_json_error(client, db, data):
    response = get(client, "/api/v1/procedures/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == ui("Nothing was found here.")


def test_pages_of_results_and_modified_since(client, db, data):
    first = get(client, "/api/v1/procedures/?page_size=1").json()
    assert first["count"] == 2 and len(first["results"]) == 1
    assert "page=2" in first["next"]
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    response = client.get("/api/v1/procedures/", {"modified_since": future})
    assert response.json()["count"] == 0


def test_an_unchanged_answer_is_a_304(client, db, data):
    response = get(client, "/api/v1/procedures/")
    assert response["Cache-Control"] == "public, max-age=60"
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert get(client, "/api/v1/procedures/", **{"If-None-Match": etag}).status_code == 304
    assert (
        get(client, "/api/v1/procedures/", **{"If-Modified-Since": last_modified}).status_code
        == 304
    )
    assert get(client, "/api/v1/procedures/?lang=en", **{"If-None-Match": etag}).status_code == 200


def test_other_sites_may_read_but_not_write(client, db, data):
    origin = {"Origin": "https://example.com"}
    response = get(client, "/api/v1/districts/", **origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/districts/", headers={**origin, "Access-Control-Request-Method": "GET"}
    )
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert client.post("/api/v1/districts/", headers=origin).status_code == 405
    assert "Access-Control-Allow-Origin" not in get(client, "/datenschutz/", **origin)


def test_texts_in_english_with_lang_or_accept_language(client, db, data):
    def topic_name(response):
        return next(
            row["name"] for row in response.json()["results"] if row["slug"] == "verkehr-api"
        )

    assert topic_name(get(client, "/api/v1/topics/?page_size=100")) == "Verkehr"
    assert topic_name(get(client, "/api/v1/topics/?page_size=100&lang=en")) == "Traffic"
    english = get(client, "/api/v1/topics/?page_size=100", **{"Accept-Language": "en"})
    assert topic_name(english) == "Traffic"
    assert english["Content-Language"] == "en"


def test_nothing_hidden_private_internal_or_personal_appears_anywhere(client, db, data):
    seen = []
    for dataset in datasets():
        body = get(client, f"/api/v1/{dataset.name}/?page_size=100").json()
        seen.append(json.dumps(body, ensure_ascii=False))
        key = "id" if dataset.lookup_field == "pk" else dataset.lookup_field
        for row in body["results"]:
            seen.append(get(client, f"/api/v1/{dataset.name}/{row[key]}/").content.decode())
    everything = "\n".join(seen)
    for secret in SECRETS:
        assert secret not in everything
    sessions = get(client, "/api/v1/training-sessions/?page_size=100").json()["results"]
    assert [row["id"] for row in sessions] == [data["public_session"].pk]
    internal = get(client, f"/api/v1/training-sessions/{data['internal_session'].pk}/")
    assert internal.status_code == 404


def _make(name: str, count: int) -> None:
    hoerde = District.objects.get(slug="hoerde")
    for _number in range(count):
        match name:
            case "procedures" | "evaluation-procedures":
                ProcedurePageFactory(districts=[hoerde], revision=False)
            case "planned-projects":
                PlannedProjectPageFactory(districts=[hoerde], revision=False)
            case "formats":
                FormatPageFactory(platforms=[PlatformPageFactory(revision=False)], revision=False)
            case "platforms":
                PlatformPageFactory(revision=False)
            case "training-modules":
                TrainingModulePageFactory(revision=False)
            case "training-sessions":
                SessionFactory(district=hoerde)
            case "offerings":
                OfferingPageFactory(intents=["idea"], districts=[hoerde], revision=False)
            case "council-sessions":
                hub, CouncilSession = _hub(hoerde)
                CouncilSession.objects.create(page=hub, start=timezone.now(), place="Rathaus")
            case "districts" | "evaluation-districts":
                District.objects.create(name=f"Bezirk {_number}", slug=f"bezirk-{_number}-{count}")
            case "topics":
                Topic.objects.create(name=f"Thema {_number}", slug=f"thema-{_number}-{count}")


@pytest.mark.parametrize("name", [dataset.name for dataset in datasets()])
def test_a_list_costs_the_same_queries_for_3_and_30_rows(client, db, name):
    url = f"/api/v1/{name}/?page_size=100"
    _make(name, 3)
    get(client, url)  # the site's root paths, read once and cached
    with CaptureQueriesContext(connection) as few:
        assert get(client, url).status_code == 200
    _make(name, 27)
    with CaptureQueriesContext(connection) as many:
        body = get(client, url).json()
    assert body["count"] >= 30
    assert len(many) == len(few), name
