"""iCalendar files (RFC 5545): one event or a feed of many, times in UTC, text escaped and lines
folded. Every app's calendar (a procedure's event, a training session, the feed of sessions) is
written here."""

import datetime
from dataclasses import dataclass

PRODID = "-//Stadt Dortmund//MitWIRken in Dortmund//DE"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""


def _escape(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets; continuation lines start with a space (RFC 5545 3.1)."""
    if len(line.encode()) <= 75:
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


def _time(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(events: list[CalendarEvent], *, name: str = "") -> str:
    """The events as one iCalendar file (text/calendar); ``name`` titles a feed."""
    stamp = _time(datetime.datetime.now(datetime.UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{_escape(name)}")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_time(event.start)}",
            f"DTEND:{_time(event.end)}",
            f"SUMMARY:{_escape(event.summary)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{_escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
