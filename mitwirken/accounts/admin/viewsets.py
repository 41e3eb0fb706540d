from wagtail.users.views import users

from ..forms import UserCreationForm, UserEditForm


class UserIndexView(users.IndexView):
    # Staff find people by their public pseudonym too.
    search_fields = ["email", "display_name", "first_name", "last_name"]


class UserViewSet(users.UserViewSet):
    """Wagtail's user admin with the display name; registered by
    ``mitwirken.accounts.apps.WagtailUsersConfig``."""

    index_view_class = UserIndexView
    create_template_name = "accounts/user_create.html"
    edit_template_name = "accounts/user_edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
