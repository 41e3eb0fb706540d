"""Links every app shows: the login page that leads back, the site's fixed pages, and the
portal's absolute addresses for what leaves the site (mails, calendar files, the sitemap)."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import resolve_url
from wagtail import hooks
from wagtail.models import Site

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


def site_root_url() -> str:
    """The portal's public address without a slash at the end, e.g.
    ``https://beteiligung.dortmund.de``: the ``BASE_URL`` setting where it is given (production,
    docker compose, ``make run`` with the address it serves on), else the default Wagtail site's
    (Settings → Sites: its host name and port; port 443 means https, 80 http)."""
    if settings.BASE_URL:
        return settings.BASE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    if site is None:
        raise ImproperlyConfigured("Set BASE_URL or mark a site as the default (Settings → Sites).")
    return site.root_url


def absolute_url(url: str, *, root: str = "") -> str:
    """``url`` as an address that works outside the site: a path (``/beteiligung/…``) on the
    portal's address (``root``, else ``site_root_url()``); an address that has its own host
    (a page of another site, as Wagtail gives it) stays as it is.

    The one place that builds absolute addresses: never from the host of a request."""
    if urlsplit(url).netloc:
        return url
    return (root or site_root_url()) + url
