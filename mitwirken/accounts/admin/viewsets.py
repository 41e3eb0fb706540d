from django.db import transaction
from wagtail.users.views import users

from ..forms import UserCreationForm, UserEditForm
from ..services import personal_data_erase


class UserIndexView(users.IndexView):
    # Staff find people by their public pseudonym too.
    search_fields = ["email", "display_name", "first_name", "last_name"]


class UserDeleteView(users.DeleteView):
    """Wagtail's deletion of a user (staff accounts too, by whoever may delete users) erases
    what the apps keep of the person first, as a deletion on request does
    (``mitwirken.accounts.services.account_delete``): outbox rows, subscriptions and the rest."""

    def delete_action(self):
        with transaction.atomic():
            personal_data_erase(user=self.object)
            super().delete_action()


class UserViewSet(users.UserViewSet):
    """Wagtail's user admin with the display name; registered by
    ``mitwirken.accounts.apps.WagtailUsersConfig``."""

    index_view_class = UserIndexView
    delete_view_class = UserDeleteView
    create_template_name = "accounts/user_create.html"
    edit_template_name = "accounts/user_edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
