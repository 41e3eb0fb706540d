"""The toolkit's entries in the admin menu: a group for suggestions and categories, and the
review report among the reports."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .categories import FormatCategoryViewSet
from .permissions import may_see_review_report
from .suggestions import FormatSuggestionViewSet


class ToolkitViewSetGroup(SnippetViewSetGroup):
    items = (FormatSuggestionViewSet, FormatCategoryViewSet)
    menu_label = _("Toolkit")
    menu_icon = "list-ul"
    menu_name = "toolkit"
    menu_order = 730


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_review_report(request.user)
