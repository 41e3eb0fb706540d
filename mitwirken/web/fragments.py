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

A fragment that changes with the clock (which procedures are open, a countdown, the next
events) is ``scheduled``: it is kept until the next moment at which pages change by the clock
(``next_scheduled_change``: midnight, and what the apps register under
``SCHEDULED_CHANGES_HOOK``, such as the start or end of a phase), and never longer than
``SCHEDULED_SECONDS``.

In a template, ``{% fragment "name" value … [scheduled] %}…{% endfragment %}`` (``web_tags``)
keeps what it encloses, per name, language, generation and values; a value that is ``None``
(a search term, a filter that is not valid) renders it without keeping it. What it encloses is
rendered only when the cache has none, so a lazy listing in it costs no query on a hit.

The stamps and each fragment are read once per request (kept on it), so a page that shows a
fragment twice, or several fragments, asks Redis for the stamps once. When Redis is away every
read is a miss and every fragment is built.
"""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from . import generations

T = TypeVar("T")

#: The longest a fragment is kept: a new generation replaces it sooner, and an unused one
#: expires after this.
FRAGMENT_SECONDS = 24 * 60 * 60

#: The longest a ``scheduled`` fragment is kept: what changes with the clock and no app names
#: (a council session that has begun) shows within this.
SCHEDULED_SECONDS = 10 * 60

#: The last page of a listing kept as a fragment; later ones (and made-up numbers) are rendered.
MAX_KEPT_PAGE = 100

_MISSING = object()
#: What ``prefetch`` found missing: built without asking the cache again.
_ABSENT = object()


def page_number(request) -> int | None:
    """The page of a listing the request asks for (``?page=``, 1 without) as a fragment's value;
    ``None`` for anything else and beyond ``MAX_KEPT_PAGE``, which is then not kept."""
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdigit()) or not 0 < int(number) <= MAX_KEPT_PAGE:
        return None
    return int(number)


def _seconds_until(moment: datetime.datetime) -> float:
    """The seconds from now until ``moment`` (to the millisecond, as Redis keeps them), at most
    ``SCHEDULED_SECONDS``; 0 when it has passed."""
    return max(0.0, min(SCHEDULED_SECONDS, (moment - timezone.now()).total_seconds()))


def _stamp(request, names: tuple[str, ...]) -> str:
    """The stamp of ``names``, read once per request: the first read takes those of every
    generation that pages depend on too, so a page asks for stamps once."""
    if request is None:
        return generations.stamp(*names)
    known = request.__dict__.setdefault("_generation_stamps", {})
    wanted = dict.fromkeys((*generations.every_page(), *names))
    missing = [name for name in wanted if name not in known]
    if missing:
        known.update(generations.stamps(*missing))
    return "-".join(known[name] for name in names)


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
    scheduled: bool = False,
) -> T:
    """What ``build()`` returns (a string of HTML, or plain data to render around the person's
    own parts), kept per language, ``vary`` and generations of ``depends_on``; until the next
    scheduled change when ``scheduled``."""
    if getattr(request, "is_preview", False):
        return build()  # a draft's title or slug: never kept for others
    key = fragment_key(request, name, *vary, depends_on=depends_on)
    read = request.__dict__.setdefault("_fragments", {}) if request is not None else {}
    value = read.get(key, _MISSING)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
    if value is _MISSING or value is _ABSENT:
        # The moment is taken before building (once per request): what the build reads is
        # valid until then.
        changes = generations.scheduled_change(request) if scheduled else None
        value = build()
        seconds = _seconds_until(changes) if changes else FRAGMENT_SECONDS
        if seconds > 0:
            cache.set(key, value, seconds)
    read[key] = value
    return value


def prefetch(
    request, *fragments: tuple, depends_on: tuple[str, ...] = (generations.PAGES,)
) -> None:
    """Read the fragments a page is about to show, each ``(name, *vary)``, in one round trip to
    the cache; ``fragment`` then finds them on the request (and builds the missing ones without
    asking again)."""
    keys = [fragment_key(request, *spec, depends_on=depends_on) for spec in fragments]
    prefetch_keys(request, keys)


def prefetch_keys(request, keys) -> None:
    """``prefetch`` for keys made with ``fragment_key`` (fragments that depend on different
    generations)."""
    if request is None or getattr(request, "is_preview", False):
        return
    read = request.__dict__.setdefault("_fragments", {})
    wanted = [key for key in keys if key not in read]
    if wanted:
        found = cache.get_many(wanted)
        read.update({key: found.get(key, _ABSENT) for key in wanted})
