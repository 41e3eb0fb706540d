"""Participation's entries in the admin menu, and its buttons on pages in the editor and the
page listing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .contributions import contribution_viewsets
from .permissions import EXPORT_PERMISSION
from .plans import start_procedure_buttons
from .workspace import workspace_buttons


class ExportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)


class ContributionsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Contributions")
    menu_icon = "pick"
    menu_name = "participation_contributions"
    menu_order = 700

    @property
    def items(self):
        return contribution_viewsets()


def page_buttons(page, user):
    """ "Start participation procedure" on a planned project, "Workspace" on a procedure."""
    yield from start_procedure_buttons(page, user)
    yield from workspace_buttons(page, user)
