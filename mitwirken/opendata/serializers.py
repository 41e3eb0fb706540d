"""What the apps' serializers share."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mitwirken.web.links import absolute_url


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of a page in the active language, on the configured site."""

    def __init__(self, source="*", **kwargs):
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, page) -> str:
        return absolute_url(page.get_url())


class PageSerializer(serializers.ModelSerializer):
    """A live page's id, title, address and publication dates."""

    url = PageUrlField(help_text=_("The page's address on the portal."))

    class Meta:
        fields = (
            "id",
            "title",
            "slug",
            "url",
            "summary",
            "first_published_at",
            "last_published_at",
        )
