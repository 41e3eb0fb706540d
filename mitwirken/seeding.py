"""The loader of ``manage.py seed_demo``: every app's demo content, read from data files.

Each installed app may have a ``seed`` package: YAML files, one per kind of content, and in its
``__init__.py`` the ``STEPS`` that turn them into pages, snippets and rows, in order. This module
finds those packages in the order of INSTALLED_APPS (an app seeds after what it depends on), reads
each step's file and reports per app and per file how many objects it wrote.

The data files use the model's field names. A translated field is a mapping ``de:``/``en:``; a
rich-text field (or rich-text block) holds paragraphs separated by a blank line; a StreamField holds
a list of ``block type: value``; a relation names its target by slug (pages by German slug), a
document or image chosen in a block by its title.
Every step is idempotent: pages are found by their German slug below their parent and updated.
"""

import datetime
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_index_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import Document
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import update_reference_index_on_save as reference_index_on_save
from wagtail.tasks import update_reference_index_task
from wagtail.utils.file import hash_filelike

try:  # libyaml's parser where it is installed: the same result, faster
    from yaml import CSafeLoader as SafeLoader
except ImportError:
    from yaml import SafeLoader

LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Step:
    """One data file of an app's seed and the function that writes its content.

    ``load`` receives the file's parsed content and returns how many objects it wrote."""

    file: str
    load: Callable[[Any], int]

    @property
    def description(self) -> str:
        return (self.load.__doc__ or self.load.__name__).splitlines()[0]


@dataclass(frozen=True)
class AppSeed:
    label: str
    folder: Path
    steps: list[Step]


def app_seeds() -> list[AppSeed]:
    """Every installed app's ``seed`` package, in the order of INSTALLED_APPS."""
    seeds = []
    for app_config in apps.get_app_configs():
        try:
            module = import_module(f"{app_config.name}.seed")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.seed":
                raise
            continue
        seeds.append(AppSeed(app_config.name, Path(module.__file__).parent, module.STEPS))
    return seeds


def seed_data(folder: Path, file: str) -> Any:
    """The parsed content of one data file (plain YAML: no tags, no Python objects)."""
    with (folder / file).open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=SafeLoader)


@contextmanager
def indexes_updated_once() -> Iterator[None]:
    """Update the search index and Wagtail's reference index once per object written, at the end.

    Wagtail queues both updates after every save, and publishing saves a page twice; the seed
    writes each page at least that often. The same updates, once for each object's final state,
    leave the same indexes in half the time."""
    deferred = [
        (search_index_on_save, insert_or_update_object_task, search_index.get_indexed_models()),
        (reference_index_on_save, update_reference_index_task, ReferenceIndex.tracked_models),
    ]
    disconnected = [
        (handler, task, {model for model in senders if post_save.disconnect(handler, sender=model)})
        for handler, task, senders in deferred
    ]
    indexed = set().union(*(senders for _handler, _task, senders in disconnected))
    saved = {}  # (model, pk) in the order first saved

    def remember(sender, instance, raw=False, **kwargs):
        if sender in indexed and not raw:
            saved[sender, instance.pk] = None

    post_save.connect(remember, weak=False, dispatch_uid="seeding-remember")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="seeding-remember")
        for handler, _task, senders in disconnected:
            for model in senders:
                post_save.connect(handler, sender=model)
    for model, pk in saved:
        if not model.objects.filter(pk=pk).exists():
            continue  # replaced later in the seed (a page's child rows): nothing to index
        for _handler, task, senders in disconnected:
            if model in senders:
                task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))


def seed_run(*, stdout, only: Iterable[str] | None = None) -> None:
    """Run the seed steps of every app, or of ``only`` these: app names (``"toolkit"``) or one
    file of an app (``"participation/people.yaml"``); always in the order of INSTALLED_APPS."""
    with indexes_updated_once():
        _steps_run(stdout=stdout, only=only)


def _steps_run(*, stdout, only: Iterable[str] | None) -> None:
    wanted = set(only) if only is not None else None
    for seed in app_seeds():
        steps = [
            step
            for step in seed.steps
            if wanted is None or seed.label in wanted or f"{seed.label}/{step.file}" in wanted
        ]
        if not steps:
            continue
        stdout.write(f"{seed.label}: {len(steps)} files")
        for step in steps:
            started = time.monotonic()
            count = step.load(seed_data(seed.folder, step.file))
            seconds = time.monotonic() - started
            stdout.write(f"  {step.file}: {step.description} … {count} objects ({seconds:.1f} s)")


# Values from data ------------------------------------------------------------------------------


#: Rich-text blocks a paragraph of data may be instead of text (a list, as ``<ul><li>…</li></ul>``).
BLOCK_TAGS = ("<ul>", "<ol>")


def paragraphs(text: str) -> str:
    """Rich-text HTML from paragraphs separated by a blank line; a list stays a list."""
    return "".join(
        chunk if chunk.startswith(BLOCK_TAGS) else f"<p>{chunk}</p>"
        for chunk in text.split("\n\n")
        if chunk
    )


def today_midnight() -> datetime.datetime:
    """Midnight today: dates derived from it are the same all day, so a rerun changes nothing."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))


def days_from_today(days: int) -> datetime.datetime:
    return today_midnight() + datetime.timedelta(days=days)


def moment(spec: dict) -> datetime.datetime:
    """``{days: 7, hours: 18, minutes: 30}``: that long after midnight today."""
    return days_from_today(spec["days"]) + datetime.timedelta(
        hours=spec.get("hours", 0), minutes=spec.get("minutes", 0)
    )


def is_translated(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES)


def translated(name: str, value: dict) -> dict:
    """``{name_de: …, name_en: …}`` from a ``de:``/``en:`` mapping."""
    return {f"{name}_{language}": value[language] for language in LANGUAGES}


def _related(model, value):
    key = "slug_de" if issubclass(model, Page) else "slug"
    if isinstance(value, list):
        return list(model.objects.filter(**{f"{key}__in": value}))
    return model.objects.get(**{key: value}) if value else None


def _block_value(block, value):
    if isinstance(block, blocks.RichTextBlock):
        return RichText(paragraphs(value))
    if isinstance(block, DocumentChooserBlock):
        return Document.objects.get(title=value) if value else None
    if isinstance(block, ImageChooserBlock):
        return get_image_model().objects.get(title=value) if value else None
    if isinstance(block, blocks.ListBlock):
        return [_block_value(block.child_block, item) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return _stream_value(block, value)
    if isinstance(block, blocks.StructBlock):
        return {name: _block_value(block.child_blocks[name], item) for name, item in value.items()}
    return value


def _stream_value(block: blocks.StreamBlock, items: list[dict]) -> list:
    return [
        (kind, _block_value(block.child_blocks[kind], value))
        for item in items
        for kind, value in item.items()
    ]


def stream(field: StreamField, items: list[dict]) -> list:
    """A StreamField value from a list of ``block type: value`` mappings (a stream inside a
    block, such as a lesson's body, the same way)."""
    return _stream_value(field.stream_block, items)


def field_value(model, name: str, value: Any) -> Any:
    """A model field's value from its data: rich text, a stream, related objects, or as is."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # passed on as it is, for the model to accept or refuse
        return value
    if isinstance(field, RichTextField):
        return paragraphs(value)
    if isinstance(field, StreamField):
        return stream(field, value)
    if isinstance(field, models.ForeignKey | models.ManyToManyField) and not isinstance(
        value, models.Model
    ):
        return _related(field.related_model, value)
    return value


def model_values(model, spec: dict) -> dict:
    """Keyword arguments for ``model`` from a data entry; a translated field gives ``*_de`` and
    ``*_en``."""
    values = {}
    for name, value in spec.items():
        if is_translated(value):
            for language in LANGUAGES:
                values[f"{name}_{language}"] = field_value(model, name, value[language])
        else:
            values[name] = field_value(model, name, value)
    return values


# Pages -----------------------------------------------------------------------------------------


def ensure_page(
    parent: Page, model, slug_de: str, *, slug_en: str, title_de: str, title_en: str, **fields
):
    """Create or update the child of ``parent`` with this German slug, then publish it."""
    page = model.objects.child_of(parent).filter(slug_de=slug_de).first()
    values = {
        "title": title_de,
        "title_de": title_de,
        "title_en": title_en,
        "slug": slug_de,
        "slug_de": slug_de,
        "slug_en": slug_en,
        **fields,
    }
    created = page is None
    if created:
        page = model(**values)
        parent.add_child(instance=page)  # validated as it is saved
    else:
        for name, value in values.items():
            setattr(page, name, value)
    page.save_revision(clean=not created).publish()
    page.refresh_from_db()
    return page


def page_ensure(parent: Page, model, spec: dict, **fields):
    """The page of a data entry (``slug`` and ``title`` in both languages, then its fields),
    created or updated below ``parent``; ``fields`` are computed values added to the data."""
    spec = dict(spec)
    slug, title = spec.pop("slug"), spec.pop("title")
    if not is_translated(title):
        title = {"de": title, "en": title}
    return ensure_page(
        parent,
        model,
        slug["de"],
        slug_en=slug["en"],
        title_de=title["de"],
        title_en=title["en"],
        **model_values(model, spec),
        **fields,
    )


# Files and people ------------------------------------------------------------------------------


def document_ensure(folder: Path, spec: dict) -> Document:
    """The document of a data entry: the file ``asset`` of ``folder``, saved as ``file_name``,
    found again by its ``title`` and replaced only when the file changes; in ``collection``
    where one is given."""
    content = (folder / spec["asset"]).read_bytes()
    document = Document.objects.filter(title=spec["title"]).first()
    unchanged = document is not None and document.file_hash == hash_filelike(BytesIO(content))
    if document is None:
        document = Document(title=spec["title"])
    if not unchanged:
        document.file.save(spec["file_name"], ContentFile(content), save=False)
        document._set_document_file_metadata()  # size and hash, shown beside the download
    collection = spec.get("collection")
    if not unchanged or (collection is not None and document.collection_id != collection.pk):
        if collection is not None:
            document.collection = collection
        document.save()
    return document


def person_ensure(email: str, display_name: str, **fields):
    """A demo account with a verified address, found again by its e-mail address; made without
    a password (staff set one in the admin before anyone logs in)."""
    from allauth.account.models import EmailAddress

    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"display_name": display_name, **fields}
    )
    if created:
        user.set_unusable_password()
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
