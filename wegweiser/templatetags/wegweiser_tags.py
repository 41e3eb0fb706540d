import re

from django import template

register = template.Library()


@register.filter
def tel_href(number: str) -> str:
    """A phone number as written ("0231 50-2 23 45") as a ``tel:`` link target."""
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}" if digits else ""
