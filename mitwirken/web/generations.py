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

import datetime
import functools
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail import hooks

#: The generation of the page tree: every page a visitor can read shows some part of it
#: (navigation, lists, hubs), so all of them depend on it. The snippets and settings that pages
#: show (districts, topics, footer links …) begin it too (``begin_on_save``).
PAGES = "pages"

#: The generations that every cached page depends on: ``PAGES`` and those the apps add.
_every_page = [PAGES]


def _key(name: str) -> str:
    return f"generation:{name}"


def begin(name: str) -> str:
    """Begin a new generation of ``name``; its stamp."""
    stamp = str(time.time_ns())
    cache.set(_key(name), stamp, timeout=None)
    return stamp


def stamps(*names: str) -> dict[str, str]:
    """The stamp of the current generation of each of ``names`` (in one cache read)."""
    found = cache.get_many([_key(name) for name in names])
    return {name: found.get(_key(name)) or begin(name) for name in names}


def stamp(*names: str) -> str:
    """The stamps of the current generations of ``names`` (in one cache read), as one string."""
    return "-".join(stamps(*names).values())


def begin_pages(**kwargs) -> None:
    """A receiver of Wagtail's page signals: the page tree changed. Wagtail sends them inside
    its transaction, so the generation begins again after the commit: a page that someone
    rendered in between, from the rows before the change, is not kept."""
    begin(PAGES)
    begin_after_commit(PAGES)


def begin_after_commit(name: str) -> None:
    """Begin a new generation of ``name`` once the current transaction is committed (at once
    outside one). Not before: a page rendered meanwhile from the old rows would be kept under
    the new stamp."""
    transaction.on_commit(functools.partial(begin, name), robust=True)


def _saved_or_deleted(sender, *, name: str, **kwargs) -> None:
    begin_after_commit(name)


def begin_on_save(name: str, *models) -> None:
    """Saving or deleting a row of ``models`` (classes or "app_label.Model") begins a new
    generation of ``name`` after the commit. Writes that send no signal (``QuerySet.update``,
    ``bulk_create``) must call ``begin_after_commit`` themselves."""
    receiver = functools.partial(_saved_or_deleted, name=name)
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, weak=False, dispatch_uid=f"generations.{name}.{model}"
            )


def every_page_depends_on(name: str) -> str:
    """Declare that every page for visitors shows something of generation ``name`` (an app's
    contributions, say), so the page cache puts its stamp into every key; ``name``."""
    if name not in _every_page:
        _every_page.append(name)
    return name


def every_page() -> tuple[str, ...]:
    """The generations every cached page depends on."""
    return tuple(_every_page)


# Changes by the clock -------------------------------------------------------------------------

#: Each function registered under this name takes ``now`` and returns the next moment after it
#: at which a page may show something else although nobody saved anything (a phase begins or
#: ends), or ``None``: cached pages and fragments expire then.
SCHEDULED_CHANGES_HOOK = "page_cache_scheduled_changes"


def next_scheduled_change(now: datetime.datetime) -> datetime.datetime:
    """The next moment after ``now`` at which pages change by the clock: the apps' scheduled
    changes, at the latest the coming midnight (countdowns, "today", dates of the past)."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    moments = [timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))]
    for fn in hooks.get_hooks(SCHEDULED_CHANGES_HOOK):
        moment = fn(now)
        if moment is not None and moment > now:
            moments.append(moment)
    return min(moments)


def scheduled_change(request=None) -> datetime.datetime:
    """``next_scheduled_change`` from now, read once per request. Take it before rendering:
    what the rendering reads is valid until then, even when the moment passes meanwhile."""
    if request is None:
        return next_scheduled_change(timezone.now())
    if "_scheduled_change" not in request.__dict__:
        request._scheduled_change = next_scheduled_change(timezone.now())
    return request._scheduled_change
