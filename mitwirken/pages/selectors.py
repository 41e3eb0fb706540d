import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Page, Site

from mitwirken.web.feeds import FEED_ITEMS
from mitwirken.web.fragments import fragment, prefetch

from .models import DEFAULT_RESPONSE_DAYS, AccessibilityStatementPage, Feedback, NewsPage, SiteLinks

#: How many news items the home page shows.
HOME_NEWS = 3


def page_search(query: str):
    """Live public pages of every type matching the query, best first, as specific pages."""
    return Page.objects.live().public().specific().search(query)


def news_latest(*, limit: int = HOME_NEWS) -> list[NewsPage]:
    """The newest live public news items by their date (``NEWS_ORDER``), one query."""
    return list(NewsPage.objects.live().public().newest_first()[:limit])


def news_for_feed(*, parent: Page, district=None, topic=None) -> list[NewsPage]:
    """The newest live public news items below ``parent`` (of ``district``, of ``topic``), as
    many as a feed holds, with their districts and topics: three queries."""
    news = NewsPage.objects.child_of(parent).live().public()
    if district is not None:
        news = news.filter(districts=district)
    if topic is not None:
        news = news.filter(topics=topic)
    return list(news.newest_first().prefetch_related("districts", "topics")[:FEED_ITEMS])


# What every page shows: navigation, footer, breadcrumbs --------------------------------------
# Built once per language and page generation (``mitwirken.web.fragments``), as plain dicts of
# title, URL and the page's place in the tree (``path``), never with anything of the person.


def _link(request, page: Page) -> dict:
    return {"title": page.title, "url": page.get_url(request) or "", "path": page.path}


def frame_prefetch(request, page=None) -> None:
    """Read what every page shows (the navigation, the footer's links, and the page's
    breadcrumbs and URLs) from the cache in one round trip; the functions below find it."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return
    specs = [("menu", site.pk), ("site-links", site.pk)]
    if isinstance(page, Page) and page.pk is not None:
        specs += [("breadcrumbs", page.pk), ("page-urls", page.pk)]
    prefetch(request, *specs)


def menu_links(request) -> list[dict]:
    """The main navigation: the home page's live public children marked "show in menus"."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def build():
        children = site.root_page.get_children().live().public().in_menu()
        return [_link(request, page) for page in children]

    return fragment(request, "menu", build, site.pk)


def site_links(request) -> dict[str, dict]:
    """The live pages of the "Footer links" setting, by name (``privacy``, ``easy_language``
    …) in the footer's order, each with its page's ``id``."""
    site = Site.find_for_request(request)
    if site is None:
        return {}

    def build():
        settings = SiteLinks.for_site(site)
        ids = {name: getattr(settings, f"{name}_id") for name in SiteLinks.FIELDS}
        pages = Page.objects.live().in_bulk([pk for pk in ids.values() if pk])
        return {
            name.removesuffix("_page"): {**_link(request, pages[pk]), "id": pk}
            for name, pk in ids.items()
            if pk in pages
        }

    return fragment(request, "site-links", build, site.pk)


def breadcrumb_links(request, page: Page) -> list[dict]:
    """The pages from the home page down to ``page``, both included (the tree's invisible
    root left out)."""

    def build():
        return [
            _link(request, ancestor)
            for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1)
        ]

    if page.pk is None:  # the preview of a page not saved yet
        return build()
    return fragment(request, "breadcrumbs", build, page.pk)


def live_page_url(request, page_class: type[Page]) -> str:
    """The URL of the live public page of ``page_class``, a page of which the site has one (an
    index such as Beteiligung); "" without one."""

    def build():
        page = page_class.objects.live().public().first()
        return page.get_url(request) or "" if page is not None else ""

    return fragment(request, "page-url", build, page_class._meta.label_lower)


def live_route_url(request, page_class: type[Page], name: str, query: dict | None = None) -> str:
    """The URL of the route ``name`` of the live public page of ``page_class`` (one the site
    has one of, see ``live_page_url``), with ``query``; "" without the page."""
    url = live_page_url(request, page_class)
    if not url:
        return ""
    url += page_class().reverse_subpage(name)
    return f"{url}?{urlencode(query)}" if query else url


def page_urls(request, page: Page) -> dict[str, str]:
    """The URL of ``page`` in every language, by language code."""

    def build():
        urls = {}
        for code, _name in settings.LANGUAGES:
            with override(code):
                urls[code] = page.get_url(request) or ""
        return urls

    if page.pk is None:
        return build()
    return fragment(request, "page-urls", build, page.pk)


# Accessibility feedback ---------------------------------------------------------------------


def feedback_response_days() -> int:
    """The days within which the live accessibility statement promises an answer (one query);
    ``DEFAULT_RESPONSE_DAYS`` when there is no live statement."""
    days = (
        AccessibilityStatementPage.objects.live()
        .order_by("pk")
        .values_list("response_days", flat=True)
        .first()
    )
    return days or DEFAULT_RESPONSE_DAYS


def feedback_due(feedback: Feedback, *, response_days: int) -> datetime.datetime:
    """When the answer to ``feedback`` is due: ``response_days`` after it was received."""
    return feedback.created_at + datetime.timedelta(days=response_days)


def feedback_open():
    """Feedback not answered yet (new or in progress), oldest first."""
    return Feedback.objects.exclude(status=Feedback.Status.ANSWERED).order_by("created_at", "pk")


def feedback_overdue(*, now: datetime.datetime | None = None, response_days: int | None = None):
    """Open feedback received more than the promised response time ago (the live statement's
    ``response_days``, 30 without a statement), oldest first. Received exactly that long ago is
    not overdue yet."""
    if response_days is None:
        response_days = feedback_response_days()
    cutoff = (now or timezone.now()) - datetime.timedelta(days=response_days)
    return feedback_open().filter(created_at__lt=cutoff)
