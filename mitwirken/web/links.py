"""Links every app shows: the login page that leads back, the site's fixed pages, and the
portal's absolute addresses for what leaves the site (mails, calendar files, the sitemap)."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.models import Site

#: The hook through which the app that keeps the site's fixed pages names their URLs:
#: ``fn(request, name) -> str``, "" when it has none by that name.
SITE_LINK_HOOK = "site_link"

#: allauth's pages (sign-in, sign-up, confirmation, password, e-mail addresses) are named so.
ACCOUNT_URL_PREFIX = "account_"


def home_url() -> str:
    """The home page in the active language ("/" in German, "/en/" in English)."""
    return reverse("wagtail_serve", args=[""])


def safe_next(request, url: str | None) -> str:
    """``url`` when it is a path or address on this site, else ""."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def return_path(request, page=None) -> str:
    """Where signing in, signing up or out leads back to from the page of ``request``.

    Any page anyone may see: this page, with its query; a form sent to one of ``page``'s
    routes (which answer POST only) leads back to ``page``. On allauth's own pages, the
    ``next`` they already carry (never themselves). "" on pages for signed-in people only (a
    view behind ``login_required``), which would only ask to sign in again: then the home page
    in the active language is the way back, as from the home page itself.
    """
    if request is None:
        return ""
    if request.method not in ("GET", "HEAD") and page is not None and hasattr(page, "get_url"):
        return page.get_url(request) or ""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return request.get_full_path()
    if (match.url_name or "").startswith(ACCOUNT_URL_PREFIX):
        return safe_next(request, request.POST.get("next") or request.GET.get("next"))
    # user_passes_test (login_required, staff_member_required) marks the views it guards so.
    if hasattr(match.func, "redirect_field_name"):
        return ""
    path = request.get_full_path()
    return "" if path == home_url() else path  # the way back without a next


def with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def login_url(request, page=None) -> str:
    """The login page, coming back to the page of ``request`` afterwards."""
    return with_next(resolve_url(settings.LOGIN_URL), return_path(request, page))


def signup_url(request, page=None) -> str:
    """The sign-up page; after confirming the address, back to the page of ``request``."""
    return with_next(reverse("account_signup"), return_path(request, page))


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
