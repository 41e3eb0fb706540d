"""The OParl 1.1 import (docs/oparl.md): the system, its bodies, and for each body the external
lists of organizations, meetings and papers (papers with their embedded consultations), page by
page along ``links.next``.

Each page is written in its own transaction, so what was imported stays when a later page fails.
A type that fails (invalid JSON, a server error after the retries, a timeout, a pagination loop)
stops cleanly: its error is recorded on the run, the other types go on, and the run ends
"partial". A type's ``modified_since`` is the start of the last run that imported it completely,
so a failed type is fetched again from there next time and nothing is skipped. Objects are
matched by their OParl id: a second run changes nothing; ``deleted`` objects are marked, never
removed; editors' own content is never touched.
"""

import datetime
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Site

from mitwirken.places.models import District
from mitwirken.web import generations

from .models import Body, Consultation, CouncilSettings, ImportRun, Meeting, Organization, Paper

logger = logging.getLogger(__name__)

#: The types imported from each body's external lists, in this order (meetings name their
#: organizations, consultations their meetings and organizations).
TYPES = ("organization", "meeting", "paper")
#: A run still "running" after this long was cut off (its worker died): it no longer blocks.
STALE_AFTER = datetime.timedelta(hours=6)

Progress = Callable[[str, int, dict], None]


class OParlError(Exception):
    """The server answered with something the import cannot use."""


class ImportAlreadyRunning(Exception):
    pass


@dataclass
class Client:
    """GETs JSON with a timeout and a few retries with a growing pause on timeouts, lost
    connections and server errors (5xx)."""

    timeout: float = field(default_factory=lambda: settings.OPARL_TIMEOUT)
    retries: int = field(default_factory=lambda: settings.OPARL_RETRIES)
    backoff: float = field(default_factory=lambda: settings.OPARL_BACKOFF)
    session: requests.Session = field(default_factory=requests.Session)

    def get(self, url: str, params: dict | None = None) -> dict:
        for attempt in range(self.retries + 1):
            try:
                response = self.session.get(url, params=params, timeout=self.timeout)
            except requests.RequestException as error:
                problem = f"{url}: {type(error).__name__}"
            else:
                if response.status_code < 500:
                    break
                problem = f"{url}: HTTP {response.status_code}"
            if attempt == self.retries:
                raise OParlError(problem)
            time.sleep(self.backoff * 2**attempt)
        if response.status_code != 200:
            raise OParlError(f"{url}: HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError as error:
            raise OParlError(f"{url}: invalid JSON") from error
        if not isinstance(data, dict):
            raise OParlError(f"{url}: not a JSON object")
        return data

    def pages(self, url: str, params: dict | None = None) -> Iterator[list[dict]]:
        """The ``data`` of each page of an external list; a next page seen before is a loop."""
        if not url:
            raise OParlError("no list URL")
        seen = set()
        while url:
            address = requests.Request("GET", url, params=params).prepare().url
            if address in seen:
                raise OParlError(f"{url}: pagination loop")
            seen.add(address)
            page = self.get(url, params)
            data = page.get("data")
            if not isinstance(data, list):
                raise OParlError(f"{url}: no list of objects")
            yield [item for item in data if isinstance(item, dict) and item.get("id")]
            url, params = (page.get("links") or {}).get("next"), None


def council_settings() -> CouncilSettings:
    return CouncilSettings.for_site(Site.objects.get(is_default_site=True))


def _datetime(value) -> datetime.datetime | None:
    try:
        return parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _date(value) -> datetime.date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(value, length: int) -> str:
    return value[:length] if isinstance(value, str) else ""


def _common(item: dict) -> dict:
    return {
        "web": _text(item.get("web"), 500),
        "modified": _datetime(item.get("modified")),
        "deleted": item.get("deleted") is True,
    }


def _district(name: str, classification: str, districts: list[District]) -> District | None:
    """The Stadtbezirk a Bezirksvertretung names ("Bezirksvertretung Innenstadt-West")."""
    if "bezirksvertretung" not in f"{name} {classification}".lower():
        return None
    named = [district for district in districts if district.name.lower() in name.lower()]
    return max(named, key=lambda district: len(district.name), default=None)


def _upsert(model, item: dict, values: dict):
    """Creates or updates the row of ``item``'s id; "unchanged" when the server's modified is
    the one we have."""
    values = {**_common(item), **values}
    row = model.objects.filter(oparl_id=item["id"]).first()
    if row is None:
        return model.objects.create(oparl_id=item["id"], **values), "created"
    if row.modified is not None and row.modified == values["modified"]:
        return row, "unchanged"
    if values["deleted"]:  # a deleted object may carry nothing but its id: keep what we had
        values = {key: values[key] for key in ("modified", "deleted")}
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row, "updated"


def _organizations(ids) -> list[Organization]:
    ids = [value for value in ids or [] if isinstance(value, str)]
    return list(Organization.objects.filter(oparl_id__in=ids))


class Importer:
    def __init__(self, run: ImportRun, *, client: Client, progress: Progress | None = None):
        self.run = run
        self.client = client
        self.progress = progress or (lambda kind, page, counts: None)
        self.districts = list(District.objects.all())

    def organization(self, item: dict, body: Body) -> str:
        name = _text(item.get("name"), 300)
        classification = _text(item.get("classification"), 100)
        _row, outcome = _upsert(
            Organization,
            item,
            {
                "body": body,
                "name": name,
                "short_name": _text(item.get("shortName"), 100),
                "classification": classification,
                "district": _district(name, classification, self.districts),
            },
        )
        return outcome

    def meeting(self, item: dict, body: Body) -> str:
        location = item.get("location")
        if isinstance(location, dict):
            location = location.get("description")
        row, outcome = _upsert(
            Meeting,
            item,
            {
                "name": _text(item.get("name"), 300),
                "start": _datetime(item.get("start")),
                "end": _datetime(item.get("end")),
                "location": _text(location, 500),
                "cancelled": item.get("cancelled") is True,
            },
        )
        if outcome != "unchanged" and not row.deleted:
            row.organizations.set(_organizations(item.get("organization")))
        return outcome

    def paper(self, item: dict, body: Body) -> str:
        row, outcome = _upsert(
            Paper,
            item,
            {
                "body": body,
                "reference": _text(item.get("reference"), 100),
                "name": _text(item.get("name"), 1000),
                "date": _date(item.get("date")),
                "paper_type": _text(item.get("paperType"), 200),
            },
        )
        if outcome != "unchanged" and not row.deleted:
            self.consultations(row, item.get("consultation") or [])
        return outcome

    def consultations(self, paper: Paper, items: list) -> None:
        """The paper's embedded consultations; one no longer listed was deleted (the server
        lists no deleted object inside another, OParl 1.1 2.5)."""
        listed = []
        for item in items:
            if not isinstance(item, dict) or not item.get("id"):
                continue
            row, _outcome = _upsert(
                Consultation,
                item,
                {
                    "paper": paper,
                    "meeting_oparl_id": _text(item.get("meeting"), 500),
                    "role": _text(item.get("role"), 200),
                    "authoritative": item.get("authoritative") is True,
                    "agenda_item": _text(item.get("agendaItem"), 500),
                },
            )
            row.organizations.set(_organizations(item.get("organization")))
            listed.append(row.pk)
        paper.consultations.exclude(pk__in=listed).update(deleted=True)

    def import_type(self, kind: str, body: Body, url: str, since, counts: dict) -> None:
        """Each page of the body's list of ``kind`` in its own transaction, counted in
        ``counts`` as it goes."""
        params = {"modified_since": since.isoformat()} if since else None
        write = getattr(self, kind)
        for items in self.client.pages(url, params):
            with transaction.atomic():
                for item in items:
                    counts[write(item, body)] += 1
            counts["pages"] += 1
            self.progress(kind, counts["pages"], counts)

    def bodies(self, config: CouncilSettings, errors: list[str]) -> list[tuple[Body, dict]]:
        """The system's bodies (only the configured one, when one is), each with its row."""
        try:
            system = self.client.get(config.system_url)
            items = [item for page in self.client.pages(system.get("body") or "") for item in page]
        except OParlError as error:
            errors.append(f"system: {error}")
            return []
        found = []
        for item in items:
            if config.body_url and item["id"] != config.body_url:
                continue
            values = {
                "name": _text(item.get("name"), 300),
                "short_name": _text(item.get("shortName"), 100),
            }
            found.append((_upsert(Body, item, values)[0], item))
        if not found:
            errors.append("system: no body found")
        return found


def consultations_link() -> None:
    """Consultations whose meeting came in a later page or run get it now."""
    meeting = Meeting.objects.filter(oparl_id=OuterRef("meeting_oparl_id")).values("pk")[:1]
    Consultation.objects.filter(meeting__isnull=True).exclude(meeting_oparl_id="").update(
        meeting=Subquery(meeting)
    )


def modified_since(kind: str) -> datetime.datetime | None:
    """The start of the last run that imported ``kind`` completely."""
    last = (
        ImportRun.objects.exclude(status=ImportRun.Status.RUNNING)
        .filter(**{f"counts__{kind}__ok": True})
        .order_by("-started")
        .first()
    )
    return last.started if last else None


def import_run_start(*, trigger: str, full: bool = False) -> ImportRun:
    """The new run's row; ``ImportAlreadyRunning`` while another one runs."""
    ImportRun.objects.filter(
        status=ImportRun.Status.RUNNING, started__lt=timezone.now() - STALE_AFTER
    ).update(status=ImportRun.Status.FAILED, finished=timezone.now(), errors="cut off")
    try:
        with transaction.atomic():
            return ImportRun.objects.create(trigger=trigger, full=full)
    except IntegrityError as error:
        raise ImportAlreadyRunning from error


def import_running() -> bool:
    return ImportRun.objects.filter(status=ImportRun.Status.RUNNING).exists()


def oparl_import(
    *,
    trigger: str,
    full: bool = False,
    progress: Progress | None = None,
    client: Client | None = None,
) -> ImportRun | None:
    """Imports from the configured endpoint; None when none is set (the import is off)."""
    config = council_settings()
    if not config.system_url:
        return None
    run = import_run_start(trigger=trigger, full=full)
    run.counts = {kind: {"pages": 0, "created": 0, "updated": 0, "unchanged": 0} for kind in TYPES}
    errors: list[str] = []
    failed = set(TYPES)
    try:
        importer = Importer(run, client=client or Client(), progress=progress)
        bodies = importer.bodies(config, errors)
        failed = set() if bodies else failed
        since = {kind: None if full else modified_since(kind) for kind in TYPES}
        for body, item in bodies:
            for kind in TYPES:
                url = item.get(kind)
                if kind in failed or not isinstance(url, str):
                    continue
                try:
                    importer.import_type(kind, body, url, since[kind], run.counts[kind])
                except OParlError as error:
                    failed.add(kind)
                    errors.append(f"{kind}: {error}")
                    logger.warning("OParl import of %s stopped: %s", kind, error)
        consultations_link()
        if any(run.counts[kind]["created"] + run.counts[kind]["updated"] for kind in TYPES):
            generations.begin(generations.PAGES)  # procedures and hubs show what came
    finally:
        for kind in TYPES:
            run.counts[kind]["ok"] = kind not in failed
        run.errors = "\n".join(errors)
        run.finished = timezone.now()
        if not failed:
            run.status = ImportRun.Status.OK
        elif len(failed) < len(TYPES):
            run.status = ImportRun.Status.PARTIAL
        else:
            run.status = ImportRun.Status.FAILED
        run.save()
    return run
