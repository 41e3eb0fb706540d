"""Links every app shows: the login page that leads back, and the site's fixed pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import resolve_url
from wagtail import hooks

#: The hook through which the app that keeps the site's fixed pages names their URLs:
#: ``fn(request, name) -> str``, "" when it has none by that name.
SITE_LINK_HOOK = "site_link"


def login_url(request) -> str:
    """The login page, coming back to the page of ``request`` afterwards."""
    here = request.get_full_path() if request is not None else "/"
    return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': here})}"


def site_link(request, name: str) -> str:
    """The URL of the site's fixed page ``name`` (e.g. ``"privacy"``), or "" when none is set.

    The pages app answers from its "Footer links" setting; this package imports no app.
    """
    for link in hooks.get_hooks(SITE_LINK_HOOK):
        if url := link(request, name):
            return url
    return ""
