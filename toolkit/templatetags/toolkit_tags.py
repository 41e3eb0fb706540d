"""Template helpers of the toolkit: how a group size reads, and the formats of a platform."""

from django import template
from django.utils.translation import gettext as _

from ..selectors import platform_formats as select_platform_formats

register = template.Library()


@register.filter
def group_size(format_page) -> str:
    """ "5 to 50", "12", or "20 or more" when there is no upper limit."""
    low, high = format_page.group_size_min, format_page.group_size_max
    if high is None:
        return _("%(min)s or more") % {"min": low}
    if high == low:
        return str(low)
    return _("%(min)s to %(max)s") % {"min": low, "max": high}


@register.simple_tag
def platform_formats(platform):
    """The live formats that use ``platform`` (``{% platform_formats page as formats %}``)."""
    return select_platform_formats(platform)
