"""The procedure index at /beteiligung/ and the district folders: filters, search, cards."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from mitwirken.places.models import District, Topic
from tests.factories.participation import (
    DistrictFolderPageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    current_consultation_phase,
    phase,
)
from tests.helpers import ui

pytestmark = pytest.mark.django_db

INDEX = "/beteiligung/"


@pytest.fixture
def district():
    return District.objects.get(slug="hoerde")


@pytest.fixture
def index(home_page):
    return ProcedureIndexPageFactory()


def titles(response) -> list[str]:
    return [procedure.title for procedure in response.context["procedures"]]


def test_the_filter_form_is_a_get_form_with_four_filters_and_a_search(client, index):
    response = client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="get" action="/beteiligung/"' in html
    for name in ["q", "district", "topic", "status", "kind"]:
        assert f'name="{name}"' in html
        assert f'for="id_{name}"' in html
    form = response.context["filter_form"]
    assert [str(form[name].label) for name in ["district", "topic", "status", "kind"]] == [
        ui("District"),
        ui("Topic"),
        ui("Status"),
        ui("Kind of participation"),
    ]


def german(text: str) -> str:
    with translation.override("de"):
        return translation.gettext(text)


@pytest.mark.skipif(
    german("Kind of participation") == "Kind of participation",
    reason="enabled once the German catalogue translates the filter labels",
)
def test_the_filter_labels_are_german(client, index):
    html = client.get(INDEX).content.decode()
    for label in ["Stadtbezirk", "Thema", "Status", "Art der Beteiligung"]:
        assert f">{label}<" in html or f">{label} <" in html


def test_filter_by_district_shows_its_procedures_also_where_only_partly(client, index, district):
    ProcedurePageFactory(title="Phoenixsee", districts=[district])
    ProcedurePageFactory(title="Nordwärts", districts=[(district, True)])
    ProcedurePageFactory(title="Eving-Park", districts=[District.objects.get(slug="eving")])
    ProcedurePageFactory(title="Stadtweit")

    response = client.get(INDEX, {"district": "hoerde"})

    assert sorted(titles(response)) == ["Nordwärts", "Phoenixsee"]
    html = response.content.decode()
    assert f"Hörde ({ui('partly')})" in html
    assert "Eving-Park" not in html
    assert sorted(titles(client.get(INDEX))) == [
        "Eving-Park",
        "Nordwärts",
        "Phoenixsee",
        "Stadtweit",
    ]
    assert ui("Whole city") in client.get(INDEX).content.decode()


def test_filter_by_topic_and_kind(client, index):
    traffic = Topic.objects.get(slug="verkehr")
    ProcedurePageFactory(title="Radweg", topics=[traffic])
    ProcedurePageFactory(title="Bebauungsplan", kind="land_use")

    assert titles(client.get(INDEX, {"topic": "verkehr"})) == ["Radweg"]
    assert titles(client.get(INDEX, {"kind": "land_use"})) == ["Bebauungsplan"]
    assert titles(client.get(INDEX, {"kind": "informal", "topic": "verkehr"})) == ["Radweg"]


def test_filter_by_status_follows_the_dates_of_the_phases(client, index):
    ProcedurePageFactory(title="Geplant", phases=[phase(10)])
    ProcedurePageFactory(title="Offen")
    ProcedurePageFactory(title="Beendet", phases=[phase(-30)])
    ProcedurePageFactory(
        title="Mit Ergebnis",
        phases=[phase(-30), phase(-10, kind="results", title="Ergebnisse")],
    )
    ProcedurePageFactory(title="Ohne Phasen", phases=[])

    assert sorted(titles(client.get(INDEX, {"status": "planned"}))) == ["Geplant", "Ohne Phasen"]
    assert titles(client.get(INDEX, {"status": "open"})) == ["Offen"]
    assert titles(client.get(INDEX, {"status": "closed"})) == ["Beendet"]
    assert titles(client.get(INDEX, {"status": "results"})) == ["Mit Ergebnis"]
    # The listing agrees with the page's own status.
    for procedure in client.get(INDEX).context["procedures"]:
        assert procedure.listing_status == procedure.status()


def test_results_text_marks_the_results_as_published(client, index):
    ProcedurePageFactory(title="Erledigt", phases=[phase(-30)], results="<p>Wir bauen.</p>")
    assert titles(client.get(INDEX, {"status": "results"})) == ["Erledigt"]


def test_an_unknown_filter_value_shows_an_error_and_all_procedures(client, index):
    ProcedurePageFactory(title="Offen")
    response = client.get(INDEX, {"status": "kaputt"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors["status"]
    assert titles(response) == ["Offen"]


def test_full_text_search(client, index):
    ProcedurePageFactory(title="Spielplatz am Westpark", summary="Neue Geräte für Kinder.")
    ProcedurePageFactory(title="Radweg Brackel", summary="Sichere Wege zur Schule.")

    assert titles(client.get(INDEX, {"q": "Spielplatz"})) == ["Spielplatz am Westpark"]
    assert titles(client.get(INDEX, {"q": "Schule"})) == ["Radweg Brackel"]
    response = client.get(INDEX, {"q": "Nirgendwo"})
    assert titles(response) == []
    assert ui("No procedures match these filters.") in response.content.decode()


def test_cards_show_status_current_phase_districts_and_next_deadline(client, index, district):
    procedure = ProcedurePageFactory(title="Phoenixsee", districts=[district])
    html = client.get(INDEX).content.decode()
    current = procedure.current_phase()

    assert 'class="kern-badge kern-badge--success"' in html
    assert ui("open") in html
    assert current.title in html
    assert f'datetime="{timezone.localtime(current.end):%Y-%m-%dT%H:%M:%S%z}"' in html
    assert "Hörde" in html


def test_pagination_keeps_the_filters(client, index):
    for number in range(12):
        ProcedurePageFactory(title=f"Verfahren {number:02}", kind="land_use")
    response = client.get(INDEX, {"kind": "land_use"})
    assert len(titles(response)) == 10
    assert 'href="?kind=land_use&amp;page=2"' in response.content.decode()
    assert len(titles(client.get(INDEX, {"kind": "land_use", "page": 2}))) == 2


def test_a_district_folder_lists_its_own_procedures(client, index, district):
    ProcedurePageFactory(title="Phoenixsee", districts=[district])
    ProcedurePageFactory(title="Stadtweit")
    folder = DistrictFolderPageFactory(district=district)

    response = client.get(folder.url)

    assert folder.url == "/beteiligung/hoerde/"
    assert titles(response) == ["Phoenixsee"]
    assert response.content.decode().count("<h1") == 1


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_index_and_folder_make_as_many_queries_for_100_procedures_as_for_10(
    client, index, district, django_assert_max_num_queries
):
    traffic = Topic.objects.get(slug="verkehr")

    def make(count):
        for _number in range(count):
            ProcedurePageFactory(
                districts=[(district, True), District.objects.get(slug="eving")],
                topics=[traffic],
                phases=[phase(-20), phase(-6), phase(10)],
            )

    make(10)
    folder = DistrictFolderPageFactory(district=district)
    filters = {
        "district": "hoerde",
        "status": "open",
        "topic": "verkehr",
        "q": "Beteiligungsverfahren",
    }
    baseline = {
        "index": _queries(client, INDEX),
        "filtered": _queries(client, INDEX, filters),
        "folder": _queries(client, folder.url),
    }
    make(90)
    with django_assert_max_num_queries(baseline["index"]):
        client.get(INDEX)
    with django_assert_max_num_queries(baseline["filtered"]):
        response = client.get(INDEX, filters)
    assert response.context["procedures"].paginator.count == 100
    with django_assert_max_num_queries(baseline["folder"]):
        client.get(folder.url)


def test_kept_lists_change_when_a_phase_begins_or_ends_though_nothing_is_published(
    client, citizen, index
):
    client.force_login(citizen)  # the lists a signed-in person gets, not the page cache's
    soon = timezone.now() + datetime.timedelta(seconds=1.5)
    ProcedurePageFactory(title="Endet gleich", phases=[current_consultation_phase(end=soon)])
    ProcedurePageFactory(title="Beginnt gleich", phases=[current_consultation_phase(start=soon)])

    def shown():
        open_list = client.get(INDEX, {"status": "open"}).content.decode()
        home = client.get("/").content.decode()
        return [title in page for page in (open_list, home) for title in ("Endet", "Beginnt")]

    assert shown() == [True, False, True, False]
    time.sleep((soon - timezone.now()).total_seconds() + 0.2)
    assert shown() == [False, True, False, True]


def test_each_filter_and_page_has_its_own_kept_list(client, index, district):
    for number in range(11):
        ProcedurePageFactory(title=f"Stadtweit {number:02}")
    ProcedurePageFactory(title="Nur Hörde", districts=[district])

    everything = client.get(INDEX).content.decode()
    hoerde = client.get(INDEX, {"district": "hoerde"}).content.decode()
    second = client.get(INDEX, {"page": "2"}).content.decode()

    assert "Nur Hörde" in hoerde and "Stadtweit 00" not in hoerde
    assert "Stadtweit" in everything and "Stadtweit" in second
    assert everything != second
    assert client.get(INDEX).content.decode() == everything


def test_a_query_with_anything_else_is_not_kept_for_others(client, index):
    for number in range(11):
        ProcedurePageFactory(title=f"Verfahren {number:02}")

    odd = client.get(INDEX, {"ref": "newsletter"}).content.decode()
    plain = client.get(INDEX).content.decode()

    assert "ref=newsletter" in odd  # the page links carry the query on, as they always did
    assert "ref=newsletter" not in plain
