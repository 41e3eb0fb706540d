from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

#: Apps add the admin's data protection tools (a person's data requests) with this hook.
MENU_HOOK = "register_privacy_menu_item"


@hooks.register("register_admin_menu_item")
def register_privacy_menu():
    return SubmenuMenuItem(
        _("Data protection"),
        Menu(register_hook_name=MENU_HOOK),
        icon_name="lock",
        name="privacy",
        order=750,
    )
