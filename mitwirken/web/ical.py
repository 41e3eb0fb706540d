"""iCalendar (RFC 5545) for every app's calendars: one event as a file (a procedure's event, a
training session) or a feed of many that calendar apps subscribe to (the events of the
procedures, the sessions of the Schulungen). Written with the ``icalendar`` package.

Times are in the portal's time zone (``TIME_ZONE``, Europe/Berlin) with its VTIMEZONE, so an
evening meeting stays at its hour across the change to summer time; links are absolute on the
portal's address (``links.absolute_url``). A feed (``name`` given) also names itself, its time
zone and how often a calendar app should fetch it again.
"""

import datetime
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from .links import absolute_url

PRODID = "-//Stadt Dortmund//MitWIRken in Dortmund//DE"
#: How often a calendar app fetches a subscribed feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""


def _event(event: CalendarEvent, *, stamp: datetime.datetime) -> icalendar.Event:
    zone = timezone.get_default_timezone()
    return icalendar.Event.new(
        uid=event.uid,
        stamp=stamp,
        start=timezone.localtime(event.start, zone),
        end=timezone.localtime(event.end, zone),
        summary=event.summary,
        location=event.location or None,
        description=event.description or None,
        url=absolute_url(event.url) if event.url else None,
    )


def calendar(events: list[CalendarEvent], *, name: str = "") -> str:
    """The events as one iCalendar file (text/calendar); ``name`` titles a feed."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.calendar_name = name  # NAME and X-WR-CALNAME
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))  # Outlook's name
    stamp = timezone.now()
    for event in events:
        cal.add_component(_event(event, stamp=stamp))
    if events:
        # The time zone's rules for the years the events fall in.
        first = min(event.start for event in events)
        last = max(event.end for event in events)
        cal.add_missing_timezones(
            first_date=datetime.date(first.year, 1, 1), last_date=datetime.date(last.year + 1, 1, 1)
        )
    return cal.to_ical().decode()


def calendar_response(content: str, *, filename: str) -> HttpResponse:
    """``content`` (from ``calendar``) as the answer to a request, saved as ``filename``."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
