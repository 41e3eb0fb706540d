"""The page kit: what the pages of every app share besides their fields.

A page model holds fields and its place in the tree. What a page shows beyond its own fields,
and what its routes do, are written in its app's ``views``, as functions that receive the page;
they register here with ``page_context`` and ``page_route`` when the app is ready. So page
models never import views, forms or selectors: imports go one way, views → models → this kit.
"""

import functools
from collections.abc import Callable

from django.core.paginator import Paginator
from django.urls import URLPattern, path
from django.utils.functional import SimpleLazyObject
from wagtail.contrib.routable_page.models import RoutablePageMixin

_contexts: dict[type, Callable[..., dict]] = {}
_routes: dict[type, list[URLPattern]] = {}


def page_context(page_class: type) -> Callable:
    """Register ``fn(request, page, **kwargs) -> dict`` as what pages of ``page_class`` add to
    their template context; ``kwargs`` are those passed to ``page.get_context``."""

    def register(fn):
        _contexts[page_class] = fn
        return fn

    return register


def page_route(page_class: type, pattern: str, *, name: str) -> Callable:
    """Register ``fn(request, page, **route_kwargs)`` as the view of ``pattern`` (Django's path
    syntax) below pages of ``page_class``, a ``RoutablePage``; its URL is ``route_url(page,
    name)``. A route at ``""`` answers the page's own URL."""

    def register(fn):
        @functools.wraps(fn)
        def view(page, request, *args, **kwargs):  # bound to the page by Wagtail's resolver
            return fn(request, page, *args, **kwargs)

        _routes.setdefault(page_class, []).append(path(pattern, view, name=name))
        return fn

    return register


def view_context(page, request, **kwargs) -> dict:
    """What the views registered for the page's class add to its context."""
    fn = _contexts.get(type(page))
    return fn(request, page, **kwargs) if fn else {}


class RoutablePage(RoutablePageMixin):
    """Wagtail's routable page, whose routes are the views registered with ``page_route``."""

    @classmethod
    def get_subpage_urls(cls):
        return (*_routes.get(cls, ()), *super().get_subpage_urls())


def route_url(page, name: str, *args, request=None) -> str:
    """The URL of the route ``name`` of a routable page, in the active language."""
    return page.get_url(request) + page.reverse_subpage(name, args=args)


#: Stands for a ``{}`` while a route is reversed: it fits every converter (int, str, slug).
_PLACEHOLDER = "9876543210"


def route_format(page, name: str, *args, request=None) -> str:
    """The URL of the route ``name`` as a format string: each argument given as ``"{}"`` stays
    a ``{}`` to fill with ``str.format``. A list reverses its routes once per page and builds
    each item's URL by formatting (``route_format(page, "report", "proposal", "{}")``)."""
    marked = [_PLACEHOLDER if arg == "{}" else arg for arg in args]
    return route_url(page, name, *marked, request=request).replace(_PLACEHOLDER, "{}")


def paginate(request, items, per_page: int | None):
    """The page of ``items`` the request asks for (``?page=``), or all of them without
    ``per_page``. Counted and read only when used, so a listing inside a kept fragment costs
    no query when the fragment is in the cache."""
    if not per_page:
        return items
    number = request.GET.get("page")
    return SimpleLazyObject(lambda: Paginator(items, per_page).get_page(number))
