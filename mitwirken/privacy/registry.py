"""What the portal keeps of a person, as each app declares it in its own ``personal_data.py``.

An app's ``personal_data.py`` may define, at module level:

- ``PROCESSING``: a list of ``Processing``, one per kind of personal data the app stores: what,
  why, on which legal basis, how long, who sees it, and the rule (``expire``) that ends it when
  its time is up. The privacy page (``/datenschutz/``) prints this table and the daily retention
  task (``services.retention_run``) runs these rules, so the page and what happens cannot drift
  apart.
- ``account_sections(user)``: what the account page (``/konto/``) shows of the person's own
  things in this app (``mitwirken.accounts.sections``).
- ``account_export(user)``: the person's data in this app for their download (Art. 15 and 20
  DSGVO), as ``ExportPart``s.
- ``account_erase(user, emails)``: what this app does when the account is deleted (Art. 17),
  before the user row goes, in the same transaction; ``emails`` are all of the account's
  addresses.

Apps are asked in the order of ``INSTALLED_APPS``; nothing here imports an app, so the
dependency between apps stays one way.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from django.utils.functional import Promise

from mitwirken.web.app_modules import app_modules

MODULE = "personal_data"

Text = Promise | str


@dataclass(frozen=True)
class Processing:
    """One row of the processing table (Verzeichnis von Verarbeitungstätigkeiten, as citizens
    read it) and, where the data has an end, the rule that ends it.

    ``retention`` is what the page says about how long; when ``expire`` is set it must say what
    ``expire`` does. ``expire(now)`` removes or anonymises what is due at ``now`` and returns how
    many rows it changed; run twice, the second run changes nothing (0).
    """

    key: str
    what: Text
    purpose: Text
    legal_basis: Text
    retention: Text | Callable[[], Text]
    recipients: Text
    expire: Callable[[datetime.datetime], int] | None = None

    @property
    def retention_text(self) -> Text:
        return self.retention() if callable(self.retention) else self.retention


@dataclass
class ExportPart:
    """One key of the download's ``data.json`` and the person's own files that belong to it.

    ``records`` is what ``json.dumps`` can write (dates as ISO strings); ``files`` are
    ``(path in the ZIP, file)`` pairs, the file opened with ``.open("rb")``.
    """

    key: str
    records: list | dict
    files: list[tuple[str, object]] = field(default_factory=list)


@cache
def _modules() -> tuple[ModuleType, ...]:
    return app_modules(MODULE)


def declared(name: str) -> Iterable:
    """The module-level object ``name`` of every app's ``personal_data.py`` that defines it."""
    for module in _modules():
        value = getattr(module, name, None)
        if value is not None:
            yield value


def processings() -> list[Processing]:
    """Every app's processing, in the order of ``INSTALLED_APPS`` and of each app's list."""
    rows = [row for declared_rows in declared("PROCESSING") for row in declared_rows]
    keys = [row.key for row in rows]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f"Processing keys declared twice: {sorted(duplicates)}")
    return rows
