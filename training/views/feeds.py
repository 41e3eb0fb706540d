"""Calendars: a session as an iCal file, and the feed of upcoming sessions (docs/feeds.md).

Both are written by ``mitwirken.web.ical``. The online room's link is in a session's file only
for a person registered for it (whose request is never cached); the feed holds the public
sessions (not internal ones) of the chosen audience and district, without links to rooms.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from mitwirken.pages.kit import page_route
from mitwirken.pages.selectors import live_route_url
from mitwirken.web.feeds import FeedLinks, place_query, scoped_title
from mitwirken.web.ical import calendar, calendar_response
from mitwirken.web.links import absolute_url

from .. import selectors, services
from ..forms import ModuleFilterForm
from ..models import Enrolment, Session, TrainingIndexPage, TrainingModulePage


@page_route(TrainingModulePage, "termin/<int:session_id>/kalender/", name="session_ical")
def session_ical(request, page, session_id: int):
    session = get_object_or_404(
        Session.objects.select_related("module"), pk=session_id, module=page
    )
    registered = (
        request.user.is_authenticated
        and Enrolment.objects.filter(
            session=session, user=request.user, status=Enrolment.Status.CONFIRMED
        ).exists()
    )
    event = services.session_event(
        session,
        url=absolute_url(page.get_url(request)),
        online_link=session.online_link if registered else "",
    )
    return calendar_response(calendar([event]), filename=f"schulung-{session.pk}.ics")


@page_route(TrainingIndexPage, "kalender/", name="feed")
def sessions_feed(request, page):
    """``kalender/?audience=active&district=hoerde``: every upcoming public session (of that
    audience, in that district). An unknown value is not found: never a wider calendar than
    was asked for."""
    form = ModuleFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        raise Http404
    filters = form.filters()
    sessions = selectors.sessions_upcoming(
        audience=filters.get("audience"), district=filters.get("district"), public_only=True
    ).select_related("module")
    events = [
        services.session_event(session, url=absolute_url(session.module.get_url(request)))
        for session in sessions
    ]
    name = scoped_title(page.title, filters.get("district"))
    return calendar_response(calendar(events, name=name), filename="schulungen.ics")


def session_feed_links(request, *, district=None) -> list[FeedLinks]:
    """The calendar of upcoming sessions (in ``district``); none without the Schulungen."""
    url = live_route_url(request, TrainingIndexPage, "feed", place_query(district=district))
    return [FeedLinks(scoped_title(_("Trainings"), district), ical=url)] if url else []
