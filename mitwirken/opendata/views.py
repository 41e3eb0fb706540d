"""The read API: a list and a detail endpoint for each registered ``Dataset``, with conditional
GET, and the documentation page rendered from the OpenAPI document."""

import hashlib

from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from mitwirken.pages.kit import page_context
from mitwirken.web.feeds import feed_links
from mitwirken.web.page_cache import cacheable

from .models import Dump, OpenDataPage
from .registry import Dataset, datasets
from .selectors import dataset_fields, dumps_by_dataset, openapi_document

#: How long a browser or proxy may keep an answer before asking again (with its ETag).
MAX_AGE = 60
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("A fixed word for the kind of error."))
    message = serializers.CharField(help_text=_("What went wrong, in the request's language."))
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("Each bad parameter with what is wrong with it."),
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    description=_(
        "The language of the texts: de (default) or en. Without it, the Accept-Language "
        "header decides."
    ),
)


class DatasetViewSet(viewsets.ReadOnlyModelViewSet):
    """A dataset's list and detail, with ``?lang=``, ETag, Last-Modified and Cache-Control."""

    dataset: Dataset

    def get_queryset(self):
        return self.dataset.rows()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # The path has no language prefix, so LocaleMiddleware chose German: ?lang=, else the
        # browser's Accept-Language (and the language cookie) decide here.
        language = request.query_params.get("lang")
        if language is None:
            language = translation.get_language_from_request(request._request)
        elif language not in LANGUAGE_CODES:
            raise ValidationError({"lang": [_("Choose de or en.")]})
        translation.activate(language)
        request.LANGUAGE_CODE = language

    def _last_modified(self):
        field = self.dataset.modified_field
        if not field:
            return None
        if self.action == "retrieve":
            return getattr(self.get_object(), field)
        queryset = self.filter_queryset(self.get_queryset()).order_by()
        return queryset.aggregate(latest=Max(field))["latest"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = '"' + hashlib.sha256(response.content).hexdigest() + '"'
        response["ETag"] = etag
        last_modified = self._last_modified()
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return get_conditional_response(
            request,
            etag=etag,
            last_modified=last_modified and int(last_modified.timestamp()),
            response=response,
        )


ERRORS = {400: ErrorSerializer, 404: ErrorSerializer}


def dataset_viewset(dataset: Dataset) -> type[DatasetViewSet]:
    """The viewset of ``dataset``, documented with its title and description."""
    viewset = type(
        f"{dataset.name.title().replace('-', '')}ViewSet",
        (DatasetViewSet,),
        {
            "dataset": dataset,
            "serializer_class": dataset.serializer,
            "filterset_class": dataset.filterset,
            "lookup_field": dataset.lookup_field,
            "queryset": dataset.serializer.Meta.model.objects.none(),  # the schema's model
        },
    )
    return extend_schema_view(
        list=extend_schema(
            summary=dataset.title,
            description=dataset.description,
            parameters=[LANG_PARAMETER],
            responses={200: dataset.serializer, **ERRORS},
            tags=[dataset.name],
        ),
        retrieve=extend_schema(
            summary=dataset.title,
            description=dataset.description,
            parameters=[
                LANG_PARAMETER,
                OpenApiParameter(
                    dataset.lookup_field,
                    int if dataset.lookup_field == "pk" else str,
                    OpenApiParameter.PATH,
                    description=_("The row's id (or slug), as the list gives it."),
                ),
            ],
            responses={200: dataset.serializer, **ERRORS},
            tags=[dataset.name],
        ),
    )(viewset)


def _parameter(parameter: dict) -> dict:
    schema = parameter.get("schema", {})
    return {
        "name": parameter["name"],
        "where": parameter["in"],
        "description": parameter.get("description", ""),
        "type": schema.get("format") or schema.get("type", ""),
        "values": schema.get("enum", []),
    }


@cacheable
def api_docs(request):
    """The API's documentation for people: every endpoint, what it returns, its parameters
    and an example, from the same OpenAPI document the machines read."""
    document = openapi_document()
    endpoints = [
        {
            "path": path,
            "example": "" if "{" in path else path,
            "summary": operations["get"].get("summary", ""),
            "description": operations["get"].get("description", ""),
            "parameters": [_parameter(item) for item in operations["get"].get("parameters", [])],
            "id": operations["get"]["operationId"],
        }
        for path, operations in document["paths"].items()
        if "get" in operations
    ]
    return render(request, "opendata/api_docs.html", {"endpoints": endpoints})


def only_this_api(endpoints):
    """drf-spectacular's preprocessing hook: the document holds /api/v1/ only (not the
    Wagtail admin's own API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


@page_context(OpenDataPage)
def open_data_page_context(request, page) -> dict:
    """Every dataset with its current downloads and its data dictionary (from the OpenAPI
    document, as the API documents it), every app's feeds and calendars of the whole city,
    and the API's pages."""
    document = openapi_document()
    dumps = dumps_by_dataset()
    built = [dump.generated_at for formats in dumps.values() for dump in formats.values()]
    return {
        "datasets": [
            {
                "name": dataset.name,
                "title": dataset.title,
                "description": dataset.description,
                "api_url": reverse(f"api:{dataset.name}-list"),
                "downloads": [
                    {"format": label, "dump": dumps.get(dataset.name, {}).get(fmt)}
                    for fmt, label in Dump.Format.choices
                ],
                "fields": dataset_fields(document, dataset.name),
            }
            for dataset in datasets()
        ],
        "built_at": max(built, default=None),
        "feeds": feed_links(request),
        "api_docs_url": reverse("api_docs"),
        "schema_url": reverse("api:schema"),
    }
