"""Writes around a procedure's events: registration, and the iCalendar file of an event."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..models import Event, EventRegistration


@transaction.atomic
def event_register(*, event: Event, user) -> EventRegistration:
    """Register a verified user; refused when the event is full, over or already booked.

    The event row is locked (on PostgreSQL; SQLite writes one at a time anyway), so two people
    cannot take the last seat at the same time; the database holds one registration per person.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    rules.require("participation.register_for_event", user, event)
    try:
        with transaction.atomic():
            return EventRegistration.objects.create(event=event, user=user)
    except IntegrityError as error:
        raise ValidationError(rules.ALREADY_REGISTERED) from error


@transaction.atomic
def event_unregister(*, event: Event, user) -> bool:
    deleted, _rows = EventRegistration.objects.filter(event=event, user=user).delete()
    if not deleted:
        raise ValidationError(_("You are not registered for this event."))
    return True


def _ical_escape(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _ical_fold(line: str) -> list[str]:
    """Lines of at most 75 octets; continuation lines start with a space (RFC 5545 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return [line]
    parts, current = [], b""
    for char in line:
        octets = char.encode()
        if len(current) + len(octets) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += octets
    parts.append(current.decode())
    return [parts[0], *(f" {part}" for part in parts[1:])]


def _ical_time(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_ical(*, event: Event, url: str = "", online_link: str = "", host: str = "") -> str:
    """The event as an iCalendar file (text/calendar), times in UTC.

    ``online_link`` only for people registered for the event; ``url`` is the procedure page.
    """
    location = event.place or ("Online" if event.mode == "online" else "")
    description = event.description
    if online_link:
        description = f"{description}\n\n{online_link}".strip()
    if event.accessibility:
        description = f"{description}\n\n{event.accessibility}".strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Stadt Dortmund//MitWIRken in Dortmund//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host or 'mitwirken.dortmund.de'}",
        f"DTSTAMP:{_ical_time(datetime.datetime.now(datetime.UTC))}",
        f"DTSTART:{_ical_time(event.start)}",
        f"DTEND:{_ical_time(event.end)}",
        f"SUMMARY:{_ical_escape(event.title)}",
    ]
    if location:
        lines.append(f"LOCATION:{_ical_escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{_ical_escape(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(folded for line in lines for folded in _ical_fold(line)) + "\r\n"
