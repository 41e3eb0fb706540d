"""Participation's entries in the admin menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .contributions import contribution_viewsets
from .permissions import EXPORT_PERMISSION


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
