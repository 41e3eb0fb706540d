"""The open data downloads as a reuser sees them: every dataset as JSON with the API's own
objects and as CSV with one row per object, never anything hidden or personal, replaced whole
by each build, and listed on the open data page with the licence."""

import csv
import json

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mitwirken.opendata import services
from mitwirken.opendata.models import Dump
from mitwirken.opendata.registry import datasets
from mitwirken.opendata.selectors import dataset_fields, openapi_document
from mitwirken.opendata.services import dumps_build
from tests.factories.opendata import OpenDataPageFactory
from tests.opendata.test_api import SECRETS, _make, data  # noqa: F401 (a fixture)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def build(capture) -> dict[tuple[str, str], Dump]:
    with capture(execute=True):
        dumps_build()
    return {(dump.dataset, dump.format): dump for dump in Dump.objects.all()}


def read(dump: Dump) -> str:
    with default_storage.open(dump.file.name) as handle:
        return handle.read().decode("utf-8")


def api_results(client, name: str) -> list[dict]:
    results, url = [], f"/api/v1/{name}/?page_size=100"
    while url:
        body = client.get(url).json()
        results += body["results"]
        url = body["next"]
    return results


def test_every_dataset_as_json_like_the_api_and_as_csv_one_row_each_never_anything_secret(
    client, db, request, django_capture_on_commit_callbacks
):
    hostile = request.getfixturevalue("data")  # test_api's rows, public and secret
    page = OpenDataPageFactory(licence="cc-by-4.0", attribution="Stadt Dortmund")
    page.save_revision().publish()
    dumps = build(django_capture_on_commit_callbacks)
    with translation.override("de"):
        document = openapi_document()
    for dataset in datasets():
        as_json = json.loads(read(dumps[dataset.name, "json"]))
        assert as_json["dataset"] == dataset.name
        assert as_json["licence"] == {
            "name": "CC BY 4.0",
            "url": "https://creativecommons.org/licenses/by/4.0/",
            "attribution": "Stadt Dortmund",
        }
        assert as_json["source"] == f"http://testserver/api/v1/{dataset.name}/"
        assert as_json["results"] == api_results(client, dataset.name), dataset.name
        assert as_json["count"] == dumps[dataset.name, "json"].rows == len(as_json["results"])

        text = read(dumps[dataset.name, "csv"])
        rows = list(csv.DictReader(text.splitlines()))
        assert len(rows) == len(as_json["results"]) == dumps[dataset.name, "csv"].rows
        assert list(rows[0]) == [field.name for field in dataset_fields(document, dataset.name)]
        for secret in SECRETS:
            assert secret not in read(dumps[dataset.name, "json"]) + text, (dataset.name, secret)

    procedures = read(dumps["procedures", "csv"]).splitlines()
    row = next(row for row in csv.DictReader(procedures) if row["council_paper"] == "16389-20")
    assert row["districts.slug"] == "hoerde"
    assert row["districts.partly"] == "false"
    assert row["topics"] == "verkehr-api"
    assert row["contributions.proposals"] == "2"
    assert row["phases.kind"].count(" | ") == len(row["phases.title"].split(" | ")) - 1
    sessions = json.loads(read(dumps["training-sessions", "json"]))["results"]
    assert hostile["internal_session"].pk not in [session["id"] for session in sessions]


def test_a_rebuild_replaces_the_files_and_a_failed_one_keeps_the_previous(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    first = build(django_capture_on_commit_callbacks)
    second = build(django_capture_on_commit_callbacks)
    assert set(second) == set(first) == {(d.name, f) for d in datasets() for f in ("csv", "json")}
    assert all(not default_storage.exists(dump.file.name) for dump in first.values())
    assert all(default_storage.exists(dump.file.name) for dump in second.values())

    def broken(out, dataset, header, fields):
        out.write("id\n")
        raise RuntimeError("disk full")

    monkeypatch.setitem(services.WRITERS, Dump.Format.CSV, broken)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        dumps_build()
    after = {(dump.dataset, dump.format): dump for dump in Dump.objects.all()}
    assert {key: dump.file.name for key, dump in after.items()} == {
        key: dump.file.name for key, dump in second.items()
    }
    _folders, files = default_storage.listdir(services.FOLDER)
    assert sorted(files) == sorted(dump.file.name.rsplit("/", 1)[1] for dump in second.values())


def test_a_build_costs_the_same_queries_for_3_and_30_procedures(
    db, django_capture_on_commit_callbacks
):
    _make("procedures", 3)
    build(django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as few:
        build(django_capture_on_commit_callbacks)
    _make("procedures", 27)
    with CaptureQueriesContext(connection) as many:
        build(django_capture_on_commit_callbacks)
    assert Dump.objects.get(dataset="procedures", format="csv").rows >= 30
    assert len(many) == len(few)
