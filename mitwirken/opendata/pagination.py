from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """``?page=`` (from 1) and ``?page_size=`` (at most ``max_page_size``). A page that does
    not exist is a bad request, not a missing resource."""

    page_size = 20
    page_size_query_param = "page_size"
    page_size_query_description = _("How many results a page holds (1 to 100, default 20).")
    page_query_description = _("The page of results, from 1.")
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise ValidationError({self.page_query_param: [_("There is no such page.")]}) from error

    def get_paginated_response_schema(self, schema):
        """DRF's, with the links nullable as OpenAPI 3.1 says it (a JSON Schema type list)."""
        paginated = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):
            field = paginated["properties"][link]
            field.pop("nullable", None)
            field["type"] = ["string", "null"]
        return paginated
