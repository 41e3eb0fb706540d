"""The snippet listings of districts and topics, grouped in one menu entry."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import District, Topic


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug", "residents", "residents_as_of"]
    search_fields = ["name"]
    ordering = ["sort_order"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PlacesViewSetGroup(SnippetViewSetGroup):
    items = (DistrictViewSet, TopicViewSet)
    menu_icon = "site"
    menu_label = _("Districts and topics")
    menu_name = "places"
