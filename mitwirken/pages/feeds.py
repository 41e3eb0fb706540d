"""News as RSS and Atom: ``/aktuelles/rss/`` and ``/aktuelles/atom/``, of one district or topic
with ``?district=hoerde`` or ``?topic=verkehr`` (docs/feeds.md); and the links to them."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from mitwirken.web.feeds import (
    FeedItem,
    FeedLinks,
    feed_response,
    place_filters,
    place_query,
    scoped_title,
)

from .kit import page_context, page_route
from .models import NewsIndexPage, NewsPage
from .selectors import live_route_url, news_for_feed


def _published(news: NewsPage) -> datetime.datetime:
    """When the item was published, on its date: the time of its first publication on that
    day, else the day's beginning (an item dated earlier or later than it went online)."""
    first = timezone.localtime(news.first_published_at)
    if first.date() == news.date:
        return first
    return timezone.make_aware(datetime.datetime.combine(news.date, datetime.time.min))


def _item(request, news: NewsPage) -> FeedItem:
    return FeedItem(
        title=news.title,
        summary=news.summary,
        url=news.get_url(request),
        published=_published(news),
        updated=news.last_published_at,
        categories=(
            *(district.name for district in news.districts.all()),
            *(topic.name for topic in news.topics.all()),
        ),
    )


def _news_feed(request, page: NewsIndexPage, kind: str):
    filters = place_filters(request)
    news = news_for_feed(parent=page, **filters)
    return feed_response(
        request,
        kind=kind,
        title=scoped_title(page.title, filters["district"], filters["topic"]),
        description=page.summary or _("News of MitWIRken in Dortmund"),
        link=page.get_url(request),
        items=[_item(request, item) for item in news],
    )


@page_route(NewsIndexPage, "rss/", name="news_rss")
def news_rss(request, page):
    return _news_feed(request, page, "rss")


@page_route(NewsIndexPage, "atom/", name="news_atom")
def news_atom(request, page):
    return _news_feed(request, page, "atom")


def news_feed_links(request, *, district=None) -> list[FeedLinks]:
    """The news feeds (of ``district``); none without a news index."""
    query = place_query(district=district)
    rss = live_route_url(request, NewsIndexPage, "news_rss", query)
    if not rss:
        return []
    return [
        FeedLinks(
            scoped_title(_("News"), district),
            rss=rss,
            atom=live_route_url(request, NewsIndexPage, "news_atom", query),
        )
    ]


@page_context(NewsIndexPage)
def news_index_context(request, page) -> dict:
    return {"feeds": news_feed_links(request)}
