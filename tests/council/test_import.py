"""The OParl import against the local fake server (never the internet): what it imports and how
it maps, a second run that changes nothing, an incremental run after a change, and a server that
misbehaves in each of the ways docs/oparl.md names."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from mitwirken.council.models import Consultation, ImportRun, Meeting, Organization, Paper
from mitwirken.council.services import oparl_import

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("oparl_id", "modified", "deleted"))
        for model in (Organization, Meeting, Paper, Consultation)
    }


def test_full_import_maps_organizations_meetings_and_papers(oparl):
    run = oparl_import(trigger=ImportRun.Trigger.COMMAND)

    assert run.status == ImportRun.Status.OK
    assert run.errors == ""
    assert {kind: run.counts[kind]["created"] for kind in run.counts} == {
        "organization": 5,
        "meeting": 4,
        "paper": 3,
    }
    assert run.counts["organization"]["pages"] == 3  # two per page
    districts = dict(Organization.objects.values_list("short_name", "district__slug"))
    assert districts == {
        "Rat": None,
        "AKUG": None,
        "BV Hö": "hoerde",
        "BV In-W": "innenstadt-west",
        "BV Ap": "aplerbeck",
    }
    hoerde = Meeting.objects.get(name="12. Sitzung der Bezirksvertretung Hörde")
    assert hoerde.location == "Amtshaus Hörde, Hörder Bahnhofstraße 16"
    assert hoerde.start == datetime.datetime(2026, 11, 17, 14, 0, tzinfo=datetime.UTC)
    assert [o.short_name for o in hoerde.organizations.all()] == ["BV Hö"]
    assert Meeting.objects.get(name__startswith="13.").cancelled is True
    assert Meeting.objects.filter(deleted=True).count() == 1
    paper = Paper.objects.get(reference="16389-20")
    assert (paper.name, paper.date, paper.paper_type) == (
        "Neugestaltung des Hörder Marktplatzes",
        datetime.date(2026, 10, 5),
        "Beschlussvorlage",
    )
    assert paper.web == f"{oparl.base}/ris/paper/100"
    steps = [
        (c.meeting.name, c.role, c.authoritative, [o.short_name for o in c.organizations.all()])
        for c in paper.consultations.all()
    ]
    assert steps == [
        ("12. Sitzung der Bezirksvertretung Hörde", "Empfehlung", False, ["BV Hö"]),
        ("30. Sitzung des Rates", "Beschluss", True, ["Rat"]),
    ]
    assert oparl.asked("papers")[0] == {}  # the first run asks for everything


def test_a_second_run_changes_nothing_and_a_changed_paper_is_fetched_incrementally(oparl):
    first = oparl_import(trigger=ImportRun.Trigger.SCHEDULE)
    before = snapshot()

    second = oparl_import(trigger=ImportRun.Trigger.SCHEDULE)
    assert snapshot() == before
    assert [
        second.counts[kind]["created"] + second.counts[kind]["updated"] for kind in second.counts
    ] == [0, 0, 0]
    full = oparl_import(trigger=ImportRun.Trigger.COMMAND, full=True)
    assert snapshot() == before
    assert full.counts["paper"]["unchanged"] == 3

    oparl.requests.clear()
    changed = oparl.objects["papers"][0]
    changed["name"] = "Neugestaltung des Hörder Marktplatzes (geändert)"
    changed["consultation"] = changed["consultation"][:1]
    changed["modified"] = (timezone.now() + datetime.timedelta(minutes=1)).isoformat()
    third = oparl_import(trigger=ImportRun.Trigger.SCHEDULE)

    # Since the start of the last complete run of papers: the full one.
    asked = datetime.datetime.fromisoformat(oparl.asked("papers")[0]["modified_since"])
    assert asked == full.started != first.started
    assert third.counts["paper"] == {
        "pages": 1,
        "created": 0,
        "updated": 1,
        "unchanged": 0,
        "ok": True,
    }
    paper = Paper.objects.get(reference="16389-20")
    assert paper.name.endswith("(geändert)")
    assert list(paper.consultations.values_list("role", "deleted")) == [
        ("Empfehlung", False),
        ("Beschluss", True),  # no longer listed: marked deleted, not removed
    ]


@pytest.mark.parametrize(
    ("fault", "message", "kept"),
    [
        ("500", "HTTP 500", 2),
        ("invalid", "invalid JSON", 2),
        ("loop", "pagination loop", 4),  # page 2 came, then its next led back to page 1
        ("slow", "ReadTimeout", 2),
    ],
)
def test_a_misbehaving_list_stops_only_its_type_and_keeps_its_first_page(
    oparl, fault, message, kept
):
    oparl.faults["meetings"] = fault

    run = oparl_import(trigger=ImportRun.Trigger.SCHEDULE)

    assert run.status == ImportRun.Status.PARTIAL
    assert run.errors.startswith("meeting: ") and message in run.errors
    assert run.counts["meeting"]["ok"] is False
    assert Meeting.objects.count() == kept  # what came before the fault stays
    assert Organization.objects.count() == 5 and Paper.objects.count() == 3
    # The next run fetches meetings from where the last complete import of them began: all.
    oparl.faults.clear()
    oparl.requests.clear()
    again = oparl_import(trigger=ImportRun.Trigger.SCHEDULE)
    assert again.status == ImportRun.Status.OK
    assert oparl.asked("meetings")[0] == {}
    assert "modified_since" in oparl.asked("papers")[0]
    assert Meeting.objects.count() == 4


def test_the_command_reports_its_progress(oparl, capsys):
    call_command("oparl_import", "--full")

    out = capsys.readouterr().out
    assert "organization: page 3, 5 created, 0 updated, 0 unchanged" in out
    assert "paper: page 2, 3 created, 0 updated, 0 unchanged" in out
    assert ImportRun.objects.get().full is True


def test_no_endpoint_means_no_import(db):
    assert oparl_import(trigger=ImportRun.Trigger.SCHEDULE) is None
    assert not ImportRun.objects.exists()
