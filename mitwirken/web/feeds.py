"""Feeds: RSS and Atom of pages with Django's syndication framework, the district and topic
filters that every feed and calendar takes, and the links to them that pages show
(docs/feeds.md).

An app writes its feed as a route of its index page that reads the filters
(``place_filters``), selects its pages and answers ``feed_response(...)`` with a ``FeedItem``
per page. It names its feeds and calendars for the pages that link them with a function
``fn(request, *, district=None) -> list[FeedLinks]`` registered under ``FEED_LINKS_HOOK``: the
home page shows every app's feeds of the whole city, a district hub those of its district
(``feed_links``). The pages put their ``feeds`` into ``<link rel="alternate">`` in the head
(``base.html``) and into the section "Subscribe" (``components/feeds.html``).
"""

import datetime
from dataclasses import dataclass, replace

from django import forms
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail import hooks

from mitwirken.places.models import District, Topic

from .links import absolute_url, site_root_url

#: The hook through which apps name their feeds: ``fn(request, *, district=None)``.
FEED_LINKS_HOOK = "feed_links"
#: How many entries a feed holds, the newest first.
FEED_ITEMS = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


@dataclass(frozen=True)
class FeedLinks:
    """One feed in the formats it comes in: URLs of its RSS and Atom, or of its calendar."""

    title: str
    rss: str = ""
    atom: str = ""
    ical: str = ""


def feed_links(request, *, district: District | None = None) -> list[FeedLinks]:
    """Every app's feeds and calendars of the whole city, or of ``district``."""
    return [
        link
        for links in hooks.get_hooks(FEED_LINKS_HOOK)
        for link in links(request, district=district)
    ]


def scoped_title(title, *places) -> str:
    """``title`` narrowed to the districts and topics given (``None`` ones left out):
    "Aktuelles – Hörde – Verkehr"."""
    return " – ".join([str(title), *(place.name for place in places if place is not None)])


def place_query(**places) -> dict[str, str]:
    """The query of a feed's URL that narrows it to these districts or topics (by slug)."""
    return {name: place.slug for name, place in places.items() if place is not None}


class PlaceFilterForm(forms.Form):
    """``?district=hoerde&topic=verkehr``: the names and values of the listings' filters."""

    district = forms.ModelChoiceField(District.objects.all(), to_field_name="slug", required=False)
    topic = forms.ModelChoiceField(Topic.objects.all(), to_field_name="slug", required=False)


def place_filters(request, *, topic: bool = True) -> dict:
    """The district (and ``topic``) the query asks for, ``None`` where it names none. An unknown
    one is not found: never a wider feed than was asked for."""
    form = PlaceFilterForm(request.GET)
    if not topic:
        del form.fields["topic"]
    if not form.is_valid():
        raise Http404(_("There is no such district or topic."))
    return form.cleaned_data


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: a page's title, its summary as plain text, its URL (a path)."""

    title: str
    summary: str
    url: str
    published: datetime.datetime
    updated: datetime.datetime | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Channel:
    """A feed's own facts, its links absolute."""

    title: str
    description: str
    link: str
    feed_url: str
    items: list[FeedItem]


class PagesFeed(Feed):
    """A ``Channel`` as RSS 2.0 or Atom 1.0: dates in the portal's time zone, text escaped as
    both formats read it (as HTML)."""

    def __init__(self, kind: str):
        super().__init__()
        self.feed_type = FEED_TYPES[kind]

    def get_object(self, request, channel: Channel):
        return channel

    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.link

    def description(self, channel):
        return channel.description

    def subtitle(self, channel):
        return channel.description

    def feed_url(self, channel):
        return channel.feed_url

    def author_name(self):  # Atom wants an author of the feed or of every entry
        return _("MitWIRken in Dortmund")

    def items(self, channel):
        return channel.items

    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(item.summary)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.localtime(item.published)

    def item_updateddate(self, item):
        return timezone.localtime(item.updated or item.published)

    def item_categories(self, item):
        return item.categories


def feed_response(request, *, kind: str, title: str, description: str, link: str, items):
    """The feed ``kind`` ("rss" or "atom") of the page at ``link`` (a path) with ``items``
    (``FeedItem``s), answering ``request``: its own address is the request's, with the query
    that filters it. Every link absolute on the portal's address."""
    root = site_root_url()
    channel = Channel(
        title=title,
        description=description,
        link=absolute_url(link, root=root),
        feed_url=absolute_url(request.get_full_path(), root=root),
        items=[replace(item, url=absolute_url(item.url, root=root)) for item in items],
    )
    return PagesFeed(kind)(request, channel=channel)
