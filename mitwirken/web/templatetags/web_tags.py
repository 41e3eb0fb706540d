from django import template

from ..deadlines import countdown_text, deadline_text
from ..links import absolute_url as _absolute_url
from ..links import login_url as _login_url
from ..links import return_path as _return_path
from ..links import signup_url as _signup_url

register = template.Library()


@register.simple_tag(takes_context=True)
def login_url(context):
    """The login page, coming back here afterwards."""
    return _login_url(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def signup_url(context):
    """The sign-up page, coming back here once the address is confirmed."""
    return _signup_url(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def return_path(context):
    """This page when anyone may see it (where logging out leads), else ""."""
    return _return_path(context.get("request"), context.get("page"))


@register.filter
def deadline(moment):
    """``{{ phase.end|deadline }}``: "until Sunday, 27 December 2026, midnight" (see
    ``mitwirken.web.deadlines``), for pages, cards and mails alike."""
    return deadline_text(moment) if moment else ""


@register.filter
def countdown(moment):
    """``{{ phase.end|countdown }}``: "3 days left", "ends today at 18:00"; "" until the last
    week and once it is over."""
    return countdown_text(moment) if moment else ""


@register.inclusion_tag("components/deadline.html")
def deadline_time(moment, countdown=True):
    """A deadline as a ``<time>`` element in words, with the countdown near the end."""
    return {
        "moment": moment,
        "text": deadline_text(moment) if moment else "",
        "countdown": countdown_text(moment) if moment and countdown else "",
    }


@register.simple_tag
def absolute_url(url):
    """``url`` on the portal's public address (``links.absolute_url``), for text that leaves
    the site."""
    return _absolute_url(url)
