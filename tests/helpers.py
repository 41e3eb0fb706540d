"""Helpers that many tests share."""

from bs4 import BeautifulSoup
from django.utils import translation


def ui(text: str, language: str | None = None) -> str:
    """``text`` as the portal shows it (in the active language, or in ``language``), with or
    without a compiled catalogue."""
    if language is None:
        return translation.gettext(text)
    with translation.override(language):
        return translation.gettext(text)


def seed_demo() -> str:
    """Run ``manage.py seed_demo``; its output."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def member_of(group_name: str, **fields):
    """A verified staff account in the group ``group_name`` (made by the data migrations)."""
    from django.contrib.auth.models import Group

    from tests.factories.accounts import UserFactory

    person = UserFactory(is_staff=True, **fields)
    person.groups.add(Group.objects.get(name=group_name))
    return person


def tables_containing(text: str) -> list[tuple[str, str]]:
    """Every ``(model label, field name)`` of every installed app whose column holds ``text``
    in some row (in any case): each concrete text-like column (CharField, TextField,
    EmailField, URLField, JSONField, StreamField, file names …), read as text. ``[]`` when
    no table has it."""
    from django.apps import apps
    from django.db import models
    from django.db.models.functions import Cast

    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if field.get_internal_type() not in TEXT_LIKE_COLUMNS:
                continue
            as_text = Cast(field.attname, output_field=models.TextField())
            rows = model._base_manager.annotate(_as_text=as_text)
            if rows.filter(_as_text__icontains=text).exists():
                found.append((model._meta.label, field.name))
    return found


#: The internal types of the columns that ``tables_containing`` reads.
TEXT_LIKE_COLUMNS = {"CharField", "TextField", "SlugField", "JSONField", "FileField"}


def admin_access():
    """The permission to use Wagtail's admin."""
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def statement_data(**overrides) -> dict:
    """The fields of a formal statement as a citizen fills them in."""
    return {
        "text": "Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
        "name": "Erika Mustermann",
        "street": "Friedensplatz 1",
        "postcode": "44135",
        "city": "Dortmund",
        **overrides,
    }


# Reading a page as a person or a screen reader does: by role and name, not by CSS class -----------

IMPLICIT_ROLES = {
    "alert": [],
    "banner": ["header"],
    "button": ["button", "input[type=submit]"],
    "cell": ["td"],
    "columnheader": ["th[scope=col]"],
    "form": ["form"],
    "group": ["fieldset"],
    "heading": ["h1", "h2", "h3", "h4", "h5", "h6"],
    "link": ["a[href]"],
    "list": ["ul", "ol"],
    "listitem": ["li"],
    "navigation": ["nav"],
    "region": ["section[aria-labelledby]", "section[aria-label]"],  # a named section
    "row": ["tr"],
    "rowgroup": ["thead", "tbody", "tfoot"],
    "rowheader": ["th[scope=row]"],
    "search": [],  # role="search" only
    "table": ["table"],
}


def parsed(page) -> BeautifulSoup:
    """A response or HTML text as a tree to query."""
    text = page if isinstance(page, str) else page.content.decode()
    return BeautifulSoup(text, "html.parser")


def text_of(element) -> str:
    """What a screen reader reads out for ``element``: its text, whitespace collapsed."""
    return " ".join(element.get_text(" ").split())


def name_of(element) -> str:
    """The accessible name: aria-label, aria-labelledby, a fieldset's legend, a table's caption,
    or the element's text."""
    if element.get("aria-label"):
        return element["aria-label"]
    if element.get("aria-labelledby"):
        root = next(parent for parent in element.parents if parent.parent is None)
        label = root.find(id=element["aria-labelledby"])
        return text_of(label) if label else ""
    for tag in ("legend", "caption"):
        if element.name in ("fieldset", "table") and (child := element.find(tag)):
            return text_of(child)
    return text_of(element)


def by_role(page, role: str, name: str | None = None, **attrs) -> list:
    """The elements with ``role`` (explicit or implied by the tag) in ``page`` (a response, HTML
    text or a parsed element), whose accessible name is ``name`` when given; ``level=2`` for
    headings; other keyword arguments match attributes (``href="/wissen/"``, ``aria_labelledby=``
    for aria-labelledby)."""
    root = page if hasattr(page, "select") else parsed(page)
    level = attrs.pop("level", None)
    selector = ", ".join([f'[role="{role}"]', *IMPLICIT_ROLES[role]])
    found = []
    for element in root.select(selector):
        if element.get("role", role) != role:
            continue
        if level is not None and element.name != f"h{level}":
            continue
        if name is not None and name_of(element) != name:
            continue
        if any(element.get(key.replace("_", "-")) != value for key, value in attrs.items()):
            continue
        found.append(element)
    return found


def one(page, role: str, name: str | None = None, **attrs):
    """The one element with ``role`` (and ``name``...): fails when there is none or several."""
    found = by_role(page, role, name, **attrs)
    assert len(found) == 1, f"{len(found)} elements with role {role!r} and name {name!r}"
    return found[0]
