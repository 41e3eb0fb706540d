"""The page cache for visitors: the pages of people without a session, rendered once per
generation and served from the cache (docs/performance.md, "Page cache").

Two middlewares of Django's cache framework, around the others as Django's own pair is:
``FetchPageCacheMiddleware`` looks a page up once the URL is resolved (only Wagtail's pages and
views marked ``cacheable``), ``UpdatePageCacheMiddleware``, the outermost, decides on the final
response: what it may keep, which ``Cache-Control`` a proxy reads, and what ``Vary`` says.

What is cached: GET and HEAD with status 200 of those views, for requests without a session
or messages cookie, when the response sets no cookie and did not say ``Cache-Control`` itself
(form pages say ``never_cache``). Keyed by Django's ``get_cache_key`` (scheme, host, path with
query string, language) under a prefix of the stamps of every generation the pages depend on
(``generations.every_page()``): a new generation replaces every page at once. A page is kept at
most ``PAGE_CACHE_SECONDS`` and never past the next moment at which pages change by the clock
(midnight, and what the apps return from the ``SCHEDULED_CHANGES_HOOK``, e.g. a phase's end).

When Redis is away the cache answers every read as a miss and drops every write: each page is
rendered, as it would be without the cache.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_cache_key,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
)
from wagtail import views as wagtail_views

from . import generations

#: Cookies of a person the page may be made for: their session, and a message for them.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)

#: What an anonymous public page varies by no more: the session (it is never a visitor's, see
#: ``UpdatePageCacheMiddleware``) and the browser's languages (the path names the language).
VARY_DROPPED = ("cookie", "accept-language")


def cacheable(view):
    """Mark a view of public pages whose answers to visitors may be cached (Wagtail's pages
    are without a mark)."""
    view.page_cache = True
    return view


def _cacheable_view(view_func) -> bool:
    return view_func is wagtail_views.serve or getattr(view_func, "page_cache", False)


def _cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


@dataclass
class Visit:
    """What the lookup found out about a request to a cacheable view."""

    #: The request carries a session or a message: nothing from or into the cache.
    personal: bool = False
    key_prefix: str = ""
    hit: bool = False


def _key_prefix() -> str:
    return "page." + generations.stamp(*generations.every_page())


def _seconds_valid(request) -> float:
    """How long the page just rendered stays as it is: until the scheduled change that was
    next when its rendering began (to the millisecond, as Redis keeps them), at most
    ``PAGE_CACHE_SECONDS``; 0 when it has passed, or the page cache is off."""
    if not settings.PAGE_CACHE_SECONDS:
        return 0.0
    until = (generations.scheduled_change(request) - timezone.now()).total_seconds()
    return max(0.0, min(settings.PAGE_CACHE_SECONDS, until))


def _vary_without(response, dropped) -> None:
    kept = [
        header
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header and header.lower() not in dropped
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


def _public(response) -> bool:
    """Whether a response to a visitor is the same for every visitor: a complete page that
    sets no cookie (a CSRF token sets one, a new session too) and has not said itself how it
    may be cached."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and "*" not in response.get("Vary", "")
    )


class FetchPageCacheMiddleware:
    """Serve a visitor's page from the cache. In ``MIDDLEWARE`` after ``LocaleMiddleware``
    (the language is part of the key); it looks up in ``process_view``, so it knows the view,
    and before any middleware or view touches the session or the database: a hit costs no
    query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not _cacheable_view(view_func):
            return None
        if any(request.COOKIES.get(name) for name in PERSONAL_COOKIES):  # "": deleted
            request.page_cache = Visit(personal=True)
            return None
        if not settings.PAGE_CACHE_SECONDS:  # off: the headers still say who may keep it
            request.page_cache = Visit()
            return None
        visit = request.page_cache = Visit(key_prefix=_key_prefix())
        cache = _cache()
        response = None
        for method in ("GET", "HEAD") if request.method == "HEAD" else ("GET",):
            key = get_cache_key(request, visit.key_prefix, method, cache=cache)
            response = cache.get(key) if key else None
            if response is not None:
                break
        visit.hit = response is not None
        if not visit.hit:
            generations.scheduled_change(request)  # before rendering: it is valid until then
        return response


class UpdatePageCacheMiddleware:
    """Keep a visitor's page, and say in its headers who may keep it. First in
    ``MIDDLEWARE``, so it reads the response that every other middleware has made.

    A public page says ``Cache-Control: public, max-age=0, s-maxage=<PAGE_CACHE_PROXY_SECONDS>``
    (browsers ask again on every visit, so someone who just signed in never sees the visitor's
    page; a proxy may keep it) and varies neither by ``Cookie`` nor ``Accept-Language``.

    Dropping ``Cookie`` from ``Vary`` (``SessionMiddleware`` adds it when a template asks
    whether someone is signed in) is safe: the response was made for a request without a
    session or messages cookie, it set no cookie, so it is what every such request gets; a
    request with one of those cookies is never served from this cache, and a proxy in front
    must pass such requests through (docs/performance.md). Pages for people with a session say
    ``private, no-cache`` and keep ``Vary: Cookie``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.process_response(request, self.get_response(request))

    def process_response(self, request, response):
        visit = getattr(request, "page_cache", None)
        if visit is None:
            return response
        if visit.hit:  # as it was kept; LocaleMiddleware has added its Vary again
            _vary_without(response, VARY_DROPPED)
            return response
        if visit.personal or not _public(response):
            patch_cache_control(response, private=True, no_cache=True)
            if visit.personal:
                patch_vary_headers(response, ("Cookie",))
            return response
        _vary_without(response, VARY_DROPPED)
        seconds = _seconds_valid(request)
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=int(min(settings.PAGE_CACHE_PROXY_SECONDS, seconds)),
        )
        if seconds:
            cache = _cache()
            key = learn_cache_key(request, response, seconds, visit.key_prefix, cache=cache)
            cache.set(key, response, seconds)
        return response
