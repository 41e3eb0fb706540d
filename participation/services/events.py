"""Writes around a procedure's events: registration, and the iCalendar file of an event."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from mitwirken.web.ical import CalendarEvent, calendar

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


def event_entry(
    *, event: Event, url: str = "", online_link: str = "", host: str = ""
) -> CalendarEvent:
    """The event as a calendar entry: ``url`` is the procedure page; ``online_link`` only for
    people registered for the event (never in a feed)."""
    location = event.place or ("Online" if event.mode == "online" else "")
    description = event.description
    if online_link:
        description = f"{description}\n\n{online_link}".strip()
    if event.accessibility:
        description = f"{description}\n\n{event.accessibility}".strip()
    return CalendarEvent(
        uid=f"event-{event.pk}@{host or 'mitwirken.dortmund.de'}",
        start=event.start,
        end=event.end,
        summary=event.title,
        location=location,
        description=description,
        url=url,
    )


def event_ical(*, event: Event, url: str = "", online_link: str = "", host: str = "") -> str:
    """The event as an iCalendar file (text/calendar), ``event_entry`` alone."""
    return calendar([event_entry(event=event, url=url, online_link=online_link, host=host)])
