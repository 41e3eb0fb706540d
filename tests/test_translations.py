"""The committed catalogues are complete and current: German for every string, compiled."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["manage.py", "mitwirken", "participation", "toolkit", "wegweiser", "training",
           "evaluation", "templates", "locale"]  # fmt: skip
LOCALES = ["de", "en"]


def catalogue(root: Path, language: str) -> polib.POFile:
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


def msgids(po: polib.POFile) -> set[tuple[str, str]]:
    return {(entry.msgctxt or "", entry.msgid) for entry in po if not entry.obsolete}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The catalogues as makemessages would write them from today's code."""
    copy = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, copy / name)
    command = [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
    for language in LOCALES:
        command += ["--locale", language]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, timeout=120)
    return copy


@pytest.mark.parametrize("language", LOCALES)
def test_catalogue_has_every_string_of_the_code(fresh, language):
    committed, current = msgids(catalogue(ROOT, language)), msgids(catalogue(fresh, language))
    assert current - committed == set(), "run `make messages` and translate the new strings"
    assert committed - current == set(), "run `make messages` to drop strings no longer used"


def test_every_string_has_a_german_translation():
    untranslated = [
        entry.msgid
        for entry in catalogue(ROOT, "de")
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LOCALES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(ROOT, language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt or "", entry.msgid): entry.msgstr for entry in mo}
    source = {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in po
        if entry.translated() and not entry.msgid_plural and "fuzzy" not in entry.flags
    }
    stale = {key for key, value in source.items() if compiled.get(key) != value}
    assert stale == set(), "run `make messages` to compile the catalogue"
