"""Fragments: parts of pages that are the same for everyone in a language (the navigation, the
footer, a page's breadcrumbs, the district hubs …), built once per generation and kept in the
cache, so that signed-in people, whose pages are never served from the page cache, do not pay
for them on every request.

``fragment(request, name, build)`` returns what ``build()`` returned for the same name, language
and generations, building and keeping it when the cache has none. Its key holds the stamps of
the generations the fragment depends on (``generations``; ``PAGES`` unless named otherwise), so
a published page replaces every fragment at once; nothing is deleted. A fragment never holds
what depends on the person (their name, "my" links, a CSRF token): a template renders those
around it. A preview (of a draft, for staff) builds every fragment anew and keeps none.

The stamps and each fragment are read once per request (kept on it), so a page that shows a
fragment twice, or several fragments, asks Redis for the stamps once. When Redis is away every
read is a miss and every fragment is built.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

from . import generations

T = TypeVar("T")

#: The longest a fragment is kept: a new generation replaces it sooner, and an unused one
#: expires after this.
FRAGMENT_SECONDS = 24 * 60 * 60

_MISSING = object()


def _stamp(request, names: tuple[str, ...]) -> str:
    """The stamp of ``names``, read once per request."""
    if request is None:
        return generations.stamp(*names)
    stamps = request.__dict__.setdefault("_generation_stamps", {})
    if names not in stamps:
        stamps[names] = generations.stamp(*names)
    return stamps[names]


def fragment_key(request, name: str, *vary, depends_on: tuple[str, ...] = (generations.PAGES,)):
    """The cache key of fragment ``name`` in the active language and the current generations
    of ``depends_on``, for the values ``vary`` (a page's id …)."""
    parts = ["fragment", name, get_language() or "", _stamp(request, depends_on), *vary]
    return ":".join(str(part) for part in parts)


def fragment(
    request,
    name: str,
    build: Callable[[], T],
    *vary,
    depends_on: tuple[str, ...] = (generations.PAGES,),
    timeout: int = FRAGMENT_SECONDS,
) -> T:
    """What ``build()`` returns (a string of HTML, or plain data to render around the person's
    own parts), kept per language, ``vary`` and generations of ``depends_on``."""
    if getattr(request, "is_preview", False):
        return build()  # a draft's title or slug: never kept for others
    key = fragment_key(request, name, *vary, depends_on=depends_on)
    read = request.__dict__.setdefault("_fragments", {}) if request is not None else {}
    value = read.get(key, _MISSING)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    read[key] = value
    return value
