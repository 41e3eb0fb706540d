from django import template

from ..links import login_url as _login_url

register = template.Library()


@register.simple_tag(takes_context=True)
def login_url(context):
    """The login page, coming back here afterwards."""
    return _login_url(context.get("request"))
