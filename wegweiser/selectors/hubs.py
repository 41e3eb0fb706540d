"""The district hubs, and what one hub shows."""

from dataclasses import dataclass

from django.utils import timezone

from mitwirken.pages.models import NewsPage
from participation.models import Event, ProcedurePage
from participation.models.procedures import ProcedureStatus
from participation.selectors import events_upcoming, procedure_list

from ..models import CouncilSession, DistrictHubPage, OfferingPage
from . import by_title, capped

#: The most procedures, offerings, events and news items a district hub lists.
HUB_PROCEDURES = 10
HUB_OFFERINGS = 20
HUB_EVENTS = 10
HUB_NEWS = 5
HUB_RECENT_SESSIONS = 3


def district_hubs():
    """The live district hubs in the districts' order, each with its district."""
    return DistrictHubPage.objects.live().public().in_district_order()


@dataclass
class HubContents:
    upcoming_sessions: list[CouncilSession]
    recent_sessions: list[CouncilSession]
    procedures: list[ProcedurePage]
    more_procedures: bool
    offerings: list[OfferingPage]
    more_offerings: bool
    events: list[Event]
    news: list[NewsPage]


def district_hub_contents(*, hub: DistrictHubPage, now=None) -> HubContents:
    """What a district hub shows, in a fixed number of queries."""
    now = now or timezone.now()
    district = hub.district
    sessions = CouncilSession.objects.filter(page=hub)
    procedures, more_procedures = capped(
        procedure_list(district=district, now=now).filter(
            listing_status__in=[ProcedureStatus.OPEN, ProcedureStatus.PLANNED]
        ),
        HUB_PROCEDURES,
    )
    offerings, more_offerings = capped(
        OfferingPage.objects.live()
        .public()
        .filter(districts=district)
        .for_listing()
        .order_by(by_title(), "pk"),
        HUB_OFFERINGS,
    )
    return HubContents(
        upcoming_sessions=list(sessions.filter(start__gte=now).order_by("start", "pk")),
        recent_sessions=list(
            sessions.filter(start__lt=now).order_by("-start", "-pk")[:HUB_RECENT_SESSIONS]
        ),
        procedures=procedures,
        more_procedures=more_procedures,
        offerings=offerings,
        more_offerings=more_offerings,
        events=list(events_upcoming(district=district, now=now)[:HUB_EVENTS]),
        news=list(
            NewsPage.objects.live().public().filter(districts=district).newest_first()[:HUB_NEWS]
        ),
    )
