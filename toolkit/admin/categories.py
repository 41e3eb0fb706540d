"""Format categories, a snippet."""

from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import FormatCategory


class FormatCategoryViewSet(SnippetViewSet):
    model = FormatCategory
    icon = "folder-open-inverse"
    menu_order = 200
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
