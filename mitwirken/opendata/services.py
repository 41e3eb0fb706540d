"""The open data downloads: every dataset of the read API as a JSON and a CSV file, written
without HTTP from the same querysets and serializers (docs/api.md, "Open data downloads")."""

import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from itertools import islice

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.utils.encoders import JSONEncoder

from mitwirken.web import generations
from mitwirken.web.links import absolute_url

from .models import Dump
from .registry import Dataset, datasets
from .selectors import (
    LIST_SEPARATOR,
    Field,
    LicenceTerms,
    dataset_fields,
    licence_current,
    openapi_document,
)

#: Rows read from the database at a time (with their prefetches): the queries grow per chunk,
#: never per row, and no more than a chunk is held in memory.
CHUNK = 2000
FOLDER = "opendata"


def _rows(dataset: Dataset) -> Iterator[dict]:
    """The API's objects of every public row of ``dataset``, in the API's order: a chunk at a
    time through the list serializer, as the API writes a page (some read their figures once
    for all the rows of a list)."""
    rows = dataset.rows().iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        yield from dataset.serializer(chunk, many=True, context={"request": None}).data


def _json(value) -> str:
    return json.dumps(value, cls=JSONEncoder, ensure_ascii=False)


def _write_json(out, dataset: Dataset, header: dict, fields: list[Field]) -> int:
    """``{header…, "results": [rows], "count": n}``: the header first, the rows one by one."""
    out.write(_json(header)[:-1] + ', "results": [\n')
    count = 0
    for count, row in enumerate(_rows(dataset), start=1):
        out.write((",\n" if count > 1 else "") + _json(row))
    out.write(f'\n], "count": {count}}}\n')
    return count


def _scalars(value, path: list[str]) -> Iterator:
    """The values at the dotted ``path`` below ``value``, through every list on the way."""
    if isinstance(value, list):
        for item in value:
            yield from _scalars(item, path)
    elif not path:
        yield value
    elif value is not None:
        yield from _scalars(value.get(path[0]), path[1:])


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_row(row: dict, fields: list[Field]) -> list[str]:
    """One object of the API as a CSV row: a nested object's field in its dotted column, the
    values of a list joined with ``LIST_SEPARATOR`` in their order."""
    return [
        LIST_SEPARATOR.join(_text(value) for value in _scalars(row, field.name.split(".")))
        for field in fields
    ]


def _write_csv(out, dataset: Dataset, header: dict, fields: list[Field]) -> int:
    writer = csv.writer(out)
    writer.writerow([field.name for field in fields])
    count = 0
    for row in _rows(dataset):
        writer.writerow(csv_row(row, fields))
        count += 1
    return count


WRITERS = {Dump.Format.JSON: _write_json, Dump.Format.CSV: _write_csv}


def _header(dataset: Dataset, licence: LicenceTerms, generated_at) -> dict:
    return {
        "dataset": dataset.name,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "licence": {"name": licence.name, "url": licence.url, "attribution": licence.attribution},
        "generated_at": generated_at.isoformat(),
        "source": absolute_url(reverse(f"api:{dataset.name}-list")),
    }


def _dump_write(
    dataset: Dataset, fmt: str, *, generated_at, header: dict, fields: list[Field]
) -> Dump:
    """The file of ``dataset`` in ``fmt`` under a new name (never over the current one)."""
    with tempfile.TemporaryFile() as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        rows = WRITERS[fmt](text, dataset, header, fields)
        text.flush()
        text.detach()
        handle.seek(0)
        stamp = generated_at.strftime("%Y%m%dT%H%M%S%f")
        name = default_storage.save(f"{FOLDER}/{dataset.name}-{stamp}.{fmt}", File(handle))
    return Dump(
        dataset=dataset.name,
        format=fmt,
        file=name,
        rows=rows,
        size=default_storage.size(name),
        generated_at=generated_at,
    )


def dumps_build(*, progress: Callable[[Dump], None] | None = None) -> list[Dump]:
    """Write every dataset in every format, then switch the records to the new files in one
    transaction, then delete the old files after the commit: a reader gets either the old
    file or the new one, never half of one. A build that fails deletes what it wrote and
    leaves the previous files and records as they were."""
    generated_at = timezone.now()
    written: list[Dump] = []
    try:
        with translation.override("de"):
            document = openapi_document()
            licence = licence_current()
            for dataset in datasets():
                header = _header(dataset, licence, generated_at)
                fields = dataset_fields(document, dataset.name)
                for fmt in WRITERS:
                    written.append(
                        _dump_write(
                            dataset, fmt, generated_at=generated_at, header=header, fields=fields
                        )
                    )
                    if progress is not None:
                        progress(written[-1])
        with transaction.atomic():
            old = [dump.file.name for dump in Dump.objects.select_for_update()]
            Dump.objects.all().delete()
            Dump.objects.bulk_create(written)
            generations.begin_after_commit(generations.PAGES)  # the open data page shows them
    except BaseException:
        for dump in written:
            default_storage.delete(dump.file.name)
        raise
    transaction.on_commit(lambda: [default_storage.delete(name) for name in old], robust=True)
    return written
