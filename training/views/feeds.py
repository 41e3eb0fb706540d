"""Calendars: a session as an iCal file, and the feed of upcoming sessions.

Both are written by ``mitwirken.web.ical``. The online room's link is in a session's file only
for a person registered for it (whose request is never cached); the feed holds the public
sessions (not internal ones) of the chosen audience and district, without links to rooms.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from mitwirken.pages.kit import page_route
from mitwirken.web.ical import calendar
from mitwirken.web.links import absolute_url

from .. import selectors, services
from ..forms import ModuleFilterForm
from ..models import Enrolment, Session, TrainingIndexPage, TrainingModulePage


def _response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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
    return _response(calendar([event]), f"schulung-{session.pk}.ics")


@page_route(TrainingIndexPage, "kalender/", name="feed")
def sessions_feed(request, page):
    """``kalender/?audience=active&district=hoerde``: every upcoming public session (of that
    audience, in that district), an unknown value ignored."""
    form = ModuleFilterForm(request.GET or None)
    filters = form.filters()
    sessions = selectors.sessions_upcoming(
        audience=filters.get("audience"), district=filters.get("district"), public_only=True
    ).select_related("module")
    events = [
        services.session_event(session, url=absolute_url(session.module.get_url(request)))
        for session in sessions
    ]
    return _response(calendar(events, name=str(page.title)), "schulungen.ics")
