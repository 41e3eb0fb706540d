"""Reads of the open data: the licence in force, the current downloads, and the data dictionary
of each dataset from the API's OpenAPI document (the one description of every field)."""

from dataclasses import dataclass

from drf_spectacular.generators import SchemaGenerator

from .models import DEFAULT_ATTRIBUTION, LICENCE_URLS, Dump, Licence, OpenDataPage

#: How a CSV cell joins the values of a list (docs/api.md, "Open data downloads").
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class LicenceTerms:
    key: str
    name: str
    url: str
    attribution: str


def licence_current() -> LicenceTerms:
    """The licence the open data page names (the default one while there is no live page)."""
    page = OpenDataPage.objects.live().only("licence", "attribution").first()
    key = page.licence if page else Licence.DL_DE_BY_2_0
    return LicenceTerms(
        key=key,
        name=Licence(key).label,
        url=LICENCE_URLS[key],
        attribution=page.attribution if page else DEFAULT_ATTRIBUTION,
    )


def dumps_by_dataset() -> dict[str, dict[str, Dump]]:
    """The current files, ``{"procedures": {"csv": Dump, "json": Dump}, …}``, in one query."""
    found: dict[str, dict[str, Dump]] = {}
    for dump in Dump.objects.all():
        found.setdefault(dump.dataset, {})[dump.format] = dump
    return found


def openapi_document() -> dict:
    """The OpenAPI document of the API in the active language."""
    return SchemaGenerator().get_schema(request=None, public=True)


@dataclass(frozen=True)
class Field:
    """One column of a dataset's CSV file: its dotted name, type and meaning."""

    name: str
    type: str
    #: A list: the cell joins the values with ``LIST_SEPARATOR``.
    many: bool
    description: str
    values: tuple[str, ...] = ()


def _resolve(schema: dict, document: dict) -> dict:
    """``schema`` with its ``$ref``, single ``allOf`` and nullable ``oneOf`` followed."""
    while True:
        if "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        elif len(schema.get("allOf", ())) == 1:
            schema = {**schema["allOf"][0], **{k: v for k, v in schema.items() if k != "allOf"}}
        elif "oneOf" in schema:  # a choice that may also be blank or null: the first one
            schema = {**schema["oneOf"][0], **{k: v for k, v in schema.items() if k != "oneOf"}}
        else:
            return schema


def _type(schema: dict) -> str:
    kind = schema.get("format") or schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((item for item in kind if item != "null"), "string")
    return kind


def _fields(schema: dict, document: dict, prefix: str, in_list: bool):
    for key, prop in schema.get("properties", {}).items():
        description = prop.get("description", "")
        prop = _resolve(prop, document)
        description = description or prop.get("description", "")
        name = f"{prefix}{key}"
        if _type(prop) == "array":
            items = _resolve(prop.get("items", {}), document)
            if "properties" in items:
                yield from _fields(items, document, f"{name}.", True)
                continue
            prop, in_item_list = items, True
        else:
            in_item_list = in_list
        if "properties" in prop:
            yield from _fields(prop, document, f"{name}.", in_item_list)
            continue
        yield Field(
            name=name,
            type=_type(prop),
            many=in_item_list,
            description=description,
            values=tuple(str(value) for value in prop.get("enum", ()) if value not in ("", None)),
        )


def dataset_fields(document: dict, name: str) -> list[Field]:
    """The columns of dataset ``name`` from the OpenAPI ``document``, in the API's field order:
    a nested object's fields as ``object.field``, a list of objects' as ``list.field``."""
    listing = document["paths"][f"/api/v1/{name}/"]["get"]["responses"]["200"]
    page = _resolve(listing["content"]["application/json"]["schema"], document)
    row = _resolve(page["properties"]["results"]["items"], document)
    return list(_fields(row, document, "", False))
