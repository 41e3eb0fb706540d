"""The ZIP of a person's own data (Art. 15 and 20 DSGVO), docs/privacy.md:

- ``data.json``: ``schema`` (``SCHEMA_VERSION``), ``generated_at``, then one key per
  ``ExportPart`` of every app's ``account_export(user)`` (``mitwirken.privacy.registry``);
- ``schema.json``: the JSON Schema of ``data.json`` (``data_export.schema.json`` beside this
  module; raise ``SCHEMA_VERSION`` when it changes);
- ``README.txt``: what the files are, in the person's language;
- ``files/…``: the person's own files (the attachments of their formal statements).

``data.json`` is written part by part into the archive and each file copied in chunks, so a
large account is never held twice in memory.
"""

import datetime
import json
import logging
import posixpath
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from mitwirken.privacy.registry import ExportPart, declared

logger = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
SCHEMA_PATH = Path(__file__).with_name("data_export.schema.json")
#: The keys of ``data.json`` that come before the parts.
HEADER_KEYS = ("schema", "generated_at")
FILES_FOLDER = "files/"

_encoder = json.JSONEncoder(ensure_ascii=False, indent=2)


def export_parts(user) -> Iterator[ExportPart]:
    """Every app's parts for ``user``, in the order of INSTALLED_APPS; a key given twice is an
    error in the code, not in the data."""
    seen = set(HEADER_KEYS)
    for account_export in declared("account_export"):
        for part in account_export(user):
            if part.key in seen:
                raise ValueError(f"Export key {part.key!r} is declared twice")
            seen.add(part.key)
            yield part


def zip_path(path: str) -> str:
    """``path`` inside ``files/``: no way out of it, no absolute path."""
    cleaned = posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/")
    if not cleaned.startswith(FILES_FOLDER):
        cleaned = FILES_FOLDER + cleaned
    return cleaned


def export_write(stream, *, user, now: datetime.datetime) -> None:
    """Write the ZIP of ``user``'s data to ``stream`` (a binary file), in the active language."""
    files = []
    keys = []
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("data.json", "w", force_zip64=True) as raw:

            def write(text: str) -> None:
                raw.write(text.encode())

            write("{\n")
            write(f'  "schema": {json.dumps(SCHEMA_VERSION)},\n')
            write(f'  "generated_at": {json.dumps(now.isoformat())}')
            for part in export_parts(user):
                keys.append(part.key)
                write(f",\n  {json.dumps(part.key)}: ")
                for chunk in _encoder.iterencode(part.records):
                    write(chunk)
                files.extend(part.files)
            write("\n}\n")
        archive.write(SCHEMA_PATH, "schema.json")
        archive.writestr(
            "README.txt",
            render_to_string(
                "accounts/export/README.txt",
                {
                    "site_name": settings.WAGTAIL_SITE_NAME,
                    "generated_at": now,
                    "keys": keys,
                    "has_files": bool(files),
                },
            ),
        )
        for path, file in files:
            try:
                with (
                    file.open("rb") as source,
                    archive.open(zip_path(path), "w", force_zip64=True) as target,
                ):
                    shutil.copyfileobj(source, target, 1024 * 1024)
            except FileNotFoundError:
                logger.warning("Data export of user %s: a file is missing: %s", user.pk, path)
