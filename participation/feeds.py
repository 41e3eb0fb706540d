"""Feeds of the Beteiligung (docs/feeds.md): new procedures and published results as RSS and
Atom, of one district or topic with the filter's ``?district=hoerde`` and ``?topic=verkehr``;
the upcoming events as a calendar to subscribe to, of one district with ``?district=``; and the
links to them that pages show."""

from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from mitwirken.pages.kit import page_route
from mitwirken.pages.selectors import live_route_url
from mitwirken.web.feeds import (
    FEED_ITEMS,
    FeedItem,
    FeedLinks,
    feed_response,
    place_filters,
    place_query,
    scoped_title,
)
from mitwirken.web.ical import calendar, calendar_response
from mitwirken.web.links import absolute_url, site_root_url

from . import selectors, services
from .models import ProcedureIndexPage, ProcedurePage


def _categories(procedure: ProcedurePage) -> tuple[str, ...]:
    return (
        *(row.district.name for row in procedure.procedure_districts.all()),
        *(topic.name for topic in procedure.topics.all()),
    )


def _procedures_feed(request, page, kind: str, *, results: bool):
    filters = place_filters(request)
    if results:
        procedures = selectors.procedures_with_results(parent=page, **filters)
        title = _("Results of participation")
        description = _("Procedures whose results are published, the newest first.")
    else:
        procedures = selectors.procedures_newest(parent=page, **filters)
        title = _("New procedures")
        description = _("Participation procedures, the newest first.")
    items = [
        FeedItem(
            title=procedure.title,
            summary=procedure.summary,
            url=procedure.get_url(request),
            published=procedure.results_since if results else procedure.first_published_at,
            updated=procedure.last_published_at,
            categories=_categories(procedure),
        )
        for procedure in procedures[:FEED_ITEMS]
    ]
    return feed_response(
        request,
        kind=kind,
        title=scoped_title(title, filters["district"], filters["topic"]),
        description=description,
        link=page.get_url(request),
        items=items,
    )


@page_route(ProcedureIndexPage, "neu/rss/", name="procedures_rss")
def procedures_rss(request, page):
    return _procedures_feed(request, page, "rss", results=False)


@page_route(ProcedureIndexPage, "neu/atom/", name="procedures_atom")
def procedures_atom(request, page):
    return _procedures_feed(request, page, "atom", results=False)


@page_route(ProcedureIndexPage, "ergebnisse/rss/", name="results_rss")
def results_rss(request, page):
    return _procedures_feed(request, page, "rss", results=True)


@page_route(ProcedureIndexPage, "ergebnisse/atom/", name="results_atom")
def results_atom(request, page):
    return _procedures_feed(request, page, "atom", results=True)


@page_route(ProcedureIndexPage, "kalender/", name="events_ical")
def events_ical(request, page):
    """The upcoming events of every live procedure, or of one district (``?district=``), as a
    calendar to subscribe to; without the online rooms' links, which are for registered
    people only."""
    district = place_filters(request, topic=False)["district"]
    root = site_root_url()
    host = urlsplit(root).hostname
    entries = [
        services.event_entry(
            event=event,
            url=absolute_url(event.procedure.get_url(request), root=root),
            host=host,
        )
        for event in selectors.events_upcoming(district=district, now=timezone.now())
    ]
    name = scoped_title(_("Participation events"), district)
    return calendar_response(calendar(entries, name=name), filename="veranstaltungen.ics")


def procedure_feed_links(request, *, district=None, topic=None) -> list[FeedLinks]:
    """The feeds of new procedures and results (of ``district``, of ``topic``) and the calendar
    of events (of ``district``); none without the Beteiligung."""
    query = place_query(district=district, topic=topic)

    def url(name: str, query=query) -> str:
        return live_route_url(request, ProcedureIndexPage, name, query)

    if not url("procedures_rss"):
        return []
    return [
        FeedLinks(
            scoped_title(_("New procedures"), district, topic),
            rss=url("procedures_rss"),
            atom=url("procedures_atom"),
        ),
        FeedLinks(
            scoped_title(_("Results of participation"), district, topic),
            rss=url("results_rss"),
            atom=url("results_atom"),
        ),
        FeedLinks(
            scoped_title(_("Participation events"), district),
            ical=url("events_ical", place_query(district=district)),
        ),
    ]
