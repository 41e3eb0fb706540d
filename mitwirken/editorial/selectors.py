"""Which staff we mail: one answer for every app.

Staff are named by what they hold: membership of a group (the Ombudsstelle), a permission
through a group or their own (who may moderate), or Wagtail's permission to add pages below a
page (the toolkit's editors, whoever the Ombudsstelle or an operator made them). Superusers are
mailed only where they hold it explicitly. When nobody holds it, the staff mailbox
(``settings.STAFF_EMAIL``, the Ombudsstelle's) hears instead, so nothing goes unheard.
"""

from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy


class Recipient(NamedTuple):
    email: str
    language: str
    #: The account behind the address; ``None`` for the staff mailbox.
    user: object = None


def staff_users(*, group: str | None = None, permission: str | None = None, page=None):
    """Active staff with an address, in a fixed order: the members of ``group``, the holders of
    ``permission`` (``app_label.codename``), or those who may add pages below ``page``. Exactly
    one of them is given."""
    if [group, permission, page].count(None) != 2:
        raise TypeError("staff_users() takes exactly one of group, permission and page.")
    User = get_user_model()
    if group is not None:
        users = User.objects.filter(groups__name=group)
    elif permission is not None:
        users = _permission_holders(permission)
    else:
        users = PagePermissionPolicy().users_with_permission_for_instance(
            "add", page, include_superusers=False
        )
    return users.filter(is_active=True).exclude(email="").distinct().order_by("pk")


def _permission_holders(permission: str):
    app_label, codename = permission.split(".")
    held = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if held is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(Q(groups__permissions=held) | Q(user_permissions=held))


def staff_recipients(
    *, group: str | None = None, permission: str | None = None, page=None
) -> list[Recipient]:
    """The recipients of a mail to staff: those of ``staff_users`` for what is given, else (or
    when nothing is given, e.g. the page does not exist yet) the staff mailbox."""
    recipients = []
    if any(value is not None for value in (group, permission, page)):
        users = staff_users(group=group, permission=permission, page=page)
        recipients = [Recipient(user.email, user.language, user) for user in users]
    return recipients or [Recipient(settings.STAFF_EMAIL, settings.LANGUAGE_CODE)]
