"""What every admin page shares: our admin stylesheet (``static/css/admin.css``)."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_noop
from wagtail import hooks

#: The words of wagtail-modeltranslation's locale picker, which ships no catalogue of its own:
#: named here, so that ours translates them.
LOCALE_PICKER_WORDS = [gettext_noop("View / edit fields for")]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
