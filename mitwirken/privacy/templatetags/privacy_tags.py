from django import template
from django.conf import settings
from django.utils.html import format_html

from mitwirken.web.links import site_link

register = template.Library()


@register.inclusion_tag("privacy/includes/notice.html", takes_context=True)
def privacy_notice(context):
    """The line of a form that saves personal data with the privacy notice's version: the link
    to the privacy page (the "Footer links" page, ``site_link``) and the version that the
    form's service stores with what it saves (``PRIVACY_NOTICE_VERSION``)."""
    request = context.get("request")
    url = site_link(request, "privacy") if request is not None else ""
    return {
        "link": format_html('<a class="kern-link" href="{}">', url) if url else "",
        "version": settings.PRIVACY_NOTICE_VERSION,
    }
