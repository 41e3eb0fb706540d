from wagtail.admin.menu import MenuItem

from .views import VIEW_PERMISSION


class ImportRunsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)
