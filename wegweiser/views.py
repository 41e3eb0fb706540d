"""The public side of the Wegweiser: the finder's context, the A–Z index, a district hub, and
the home page's sections of the finder and the district hubs.

Each function receives its page and is registered for the page's class with the page kit
(``page_context``, ``page_route``); the reads are in ``selectors``. Each makes a fixed number
of queries however many offerings, procedures or formats there are.
"""

import datetime
import functools
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from mitwirken.pages.kit import page_context, page_route, route_url
from mitwirken.pages.selectors import live_page_url, live_route_url
from mitwirken.web.feeds import FeedLinks, feed_links, scoped_title
from mitwirken.web.ical import CalendarEvent, calendar, calendar_response
from mitwirken.web.links import absolute_url
from participation.models import ProcedureIndexPage
from toolkit.models import ToolkitIndexPage
from training.models import TrainingIndexPage

from .forms import finder_form
from .models import DistrictHubIndexPage, DistrictHubPage, Intent, WegweiserPage
from .selectors.a_to_z import a_to_z_letters, letter_navigation
from .selectors.finder import finder_matches
from .selectors.hubs import council_calendar as council_calendar_selector
from .selectors.hubs import district_hub_contents, district_hubs


def _url(page_class, request, query: dict | None = None) -> str:
    """The URL of the live page of ``page_class`` (kept as a fragment), with ``query``; "" if
    none."""
    url = live_page_url(request, page_class)
    return f"{url}?{urlencode(query)}" if url and query else url


def _more_urls(request, page, groups, district) -> dict:
    """Where the rest of a capped group is listed (the same lookups however many were cut)."""
    a_to_z = route_url(page, "a_to_z", request=request)
    urls = {
        "procedures": _url(
            ProcedureIndexPage, request, {"district": district.slug} if district else None
        ),
        "district-offerings": a_to_z,
        "city-offerings": a_to_z,
        "trainings": _url(TrainingIndexPage, request),
        "formats": _url(ToolkitIndexPage, request),
    }
    return {group.key: urls[group.key] for group in groups if group.has_more}


@page_context(WegweiserPage)
def finder_context(request, page: WegweiserPage) -> dict:
    """The three questions; once answered, the matching procedures, offerings and formats,
    each with the reason it matches, and the guide (Lotse) when nothing matches.

    The same for everyone with the same answers, so the template keeps it as a fragment
    (``answers_key``); the results are looked up only when it renders them."""
    form, answered = finder_form(request.GET)
    context = {
        "form": form,
        "answered": answered,
        "a_to_z_url": route_url(page, "a_to_z", request=request),
        "hubs_url": _url(DistrictHubIndexPage, request),
        "answers_key": form.fragment_key(),
    }
    if not answered:
        return context
    answers = form.answers()

    @functools.cache
    def found() -> tuple[list, int]:
        groups = finder_matches(**answers, now=timezone.now())
        more_urls = _more_urls(request, page, groups, answers["district"])
        for group in groups:
            group.more_url = more_urls.get(group.key, "")
        return [group for group in groups if group.matches], sum(len(g.matches) for g in groups)

    context.update(
        {
            "groups": SimpleLazyObject(lambda: found()[0]),
            "total": SimpleLazyObject(lambda: found()[1]),
            "answer_labels": form.answer_labels(),
            "complaint": answers["intent"] == Intent.Choices.COMPLAINT,
            # Shown only when nothing matches.
            "guide": SimpleLazyObject(lambda: page.guide if page.guide.live else None)
            if page.guide_id
            else None,
        }
    )
    return context


@page_route(WegweiserPage, "a-z/", name="a_to_z")
def a_to_z(request, page: WegweiserPage) -> TemplateResponse:
    """Every offering and procedure, A to Z, with a letter navigation."""
    letters = a_to_z_letters()
    return TemplateResponse(
        request,
        "wegweiser/a_to_z.html",
        {
            "page": page,
            "self": page,
            "letters": letters,
            "navigation": letter_navigation(letters),
            "entry_count": sum(len(letter.entries) for letter in letters),
        },
    )


@page_context(DistrictHubPage)
def district_hub_context(request, page) -> dict:
    """A district's Bezirksvertretung and sessions, procedures, offerings, events, trainings
    and news, and the district's feeds and calendars."""
    district = page.district
    contents = district_hub_contents(hub=page, now=timezone.now())
    return {
        "district": district,
        "hub": contents,
        "finder_url": _url(WegweiserPage, request, {"district": district.slug}),
        "procedures_url": _url(ProcedureIndexPage, request, {"district": district.slug}),
        "trainings_url": _url(TrainingIndexPage, request),
        "feeds": feed_links(request, district=district),
        "calendar_url": route_url(page, "council_calendar", request=request),
    }


# The home page's sections (registered in wagtail_hooks) ---------------------------------------


def finder_section(request, page) -> str:
    """The finder's three questions, answered on the finder page ("" without one)."""
    finder_url = _url(WegweiserPage, request)
    if not finder_url:
        return ""
    form, _answered = finder_form({})
    return render_to_string(
        "wegweiser/includes/home_finder.html",
        {"form": form, "finder_url": finder_url},
        request=request,
    )


def district_hubs_section(request, page) -> str:
    """The list of the district hubs ("" while none is published); two queries and the index's
    URL, however many hubs there are."""
    hubs = list(district_hubs())
    if not hubs:
        return ""
    return render_to_string(
        "wegweiser/includes/district_hubs_section.html",
        {"hubs": hubs, "index_url": _url(DistrictHubIndexPage, request)},
        request=request,
    )


#: How long a council session without an end is in the calendar.
SESSION_LENGTH = datetime.timedelta(hours=3)


@page_route(DistrictHubIndexPage, "kalender/", name="council_calendar")
@page_route(DistrictHubPage, "kalender/", name="council_calendar")
def council_calendar(request, page):
    """The council sessions of every district (the index) or of one (a hub) as an iCal feed:
    the editors' and the imported ones."""
    district = getattr(page, "district", None)
    events = [
        CalendarEvent(
            uid=f"{session.anchor}@{request.get_host()}",
            start=session.start,
            end=getattr(session, "end", None) or session.start + SESSION_LENGTH,
            summary=getattr(session, "name", "")
            or _("Session of the Bezirksvertretung %(district)s")
            % {"district": session.page.district.name},
            location=session.place,
            description=_("Cancelled") if session.cancelled else "",
            url=session.agenda_url or absolute_url(page.get_url(request)),
        )
        for session in council_calendar_selector(district=district)
    ]
    return calendar_response(calendar(events, name=str(page.title)), filename=f"{page.slug}.ics")


def council_feed_links(request, *, district=None) -> list[FeedLinks]:
    """The calendar of the council sessions of the city, or of ``district`` (its hub's)."""
    if district is None:
        url = live_route_url(request, DistrictHubIndexPage, "council_calendar")
    else:
        hub = DistrictHubPage.objects.live().public().filter(district=district).first()
        url = route_url(hub, "council_calendar", request=request) if hub else ""
    title = scoped_title(_("Sessions of the district councils"), district)
    return [FeedLinks(title, ical=url)] if url else []
