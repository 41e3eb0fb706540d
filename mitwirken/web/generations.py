"""Generations: what a cached rendering was made from, as a stamp that changes with it.

A cached rendering (a page for visitors, the navigation, the footer) puts the stamps of the
generations it depends on into its cache key. Publishing, unpublishing, moving or deleting a
page begins a new ``PAGES`` generation (``mitwirken.web.apps``); an app whose citizens' writes
change what pages show begins a new generation of its own name after the write is committed.
Entries of an old generation are never read again and expire on their own: nothing is deleted.

A stamp is the time its generation began, kept in the cache without expiry. When the cache has
lost it (evicted, Redis restarted or away), a new generation begins, so a stale rendering never
comes back; while Redis is away every request begins one, and nothing is served from the cache.
"""

import time

from django.core.cache import cache

#: The generation of the page tree: every page a visitor can read shows some part of it
#: (navigation, lists, hubs), so all of them depend on it.
PAGES = "pages"


def _key(name: str) -> str:
    return f"generation:{name}"


def begin(name: str) -> str:
    """Begin a new generation of ``name``; its stamp."""
    stamp = str(time.time_ns())
    cache.set(_key(name), stamp, timeout=None)
    return stamp


def stamp(*names: str) -> str:
    """The stamps of the current generations of ``names`` (in one cache read), as one string."""
    found = cache.get_many([_key(name) for name in names])
    return "-".join(found.get(_key(name)) or begin(name) for name in names)


def begin_pages(**kwargs) -> None:
    """A receiver of Wagtail's page signals: the page tree changed."""
    begin(PAGES)
