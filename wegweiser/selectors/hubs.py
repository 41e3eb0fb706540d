"""The district hubs, and what one hub shows."""

import datetime
from functools import cached_property

from django.db.models import Min
from django.utils import timezone

from mitwirken.pages.models import NewsPage
from participation.models import Event, ProcedurePage
from participation.models.procedures import ProcedureStatus
from participation.selectors import events_upcoming, procedure_list
from training.selectors import sessions_upcoming

from ..models import CouncilSession, DistrictHubPage, OfferingPage
from . import by_title, capped

#: The most procedures, offerings, events and news items a district hub lists.
HUB_PROCEDURES = 10
HUB_OFFERINGS = 20
HUB_EVENTS = 10
HUB_NEWS = 5
HUB_RECENT_SESSIONS = 3
HUB_TRAININGS = 10


def district_hubs():
    """The live district hubs in the districts' order, each with its district."""
    return DistrictHubPage.objects.live().public().in_district_order()


class HubContents:
    """What a district hub shows, each part read from the database when it is first used (so a
    part kept as a fragment costs nothing), in a fixed number of queries."""

    def __init__(self, hub: DistrictHubPage, now: datetime.datetime):
        self.hub, self.district, self.now = hub, hub.district, now

    @cached_property
    def _sessions(self):
        return CouncilSession.objects.filter(page=self.hub)

    @cached_property
    def upcoming_sessions(self) -> list[CouncilSession]:
        return list(self._sessions.filter(start__gte=self.now).order_by("start", "pk"))

    @cached_property
    def recent_sessions(self) -> list[CouncilSession]:
        recent = self._sessions.filter(start__lt=self.now).order_by("-start", "-pk")
        return list(recent[:HUB_RECENT_SESSIONS])

    @cached_property
    def _procedures(self) -> tuple[list[ProcedurePage], bool]:
        listed = procedure_list(district=self.district, now=self.now).filter(
            listing_status__in=[ProcedureStatus.OPEN, ProcedureStatus.PLANNED]
        )
        return capped(listed, HUB_PROCEDURES)

    procedures = property(lambda self: self._procedures[0])
    more_procedures = property(lambda self: self._procedures[1])

    @cached_property
    def _offerings(self) -> tuple[list[OfferingPage], bool]:
        offerings = OfferingPage.objects.live().public().filter(districts=self.district)
        return capped(offerings.for_listing().order_by(by_title(), "pk"), HUB_OFFERINGS)

    offerings = property(lambda self: self._offerings[0])
    more_offerings = property(lambda self: self._offerings[1])

    @cached_property
    def events(self) -> list[Event]:
        return list(events_upcoming(district=self.district, now=self.now)[:HUB_EVENTS])

    @cached_property
    def _trainings(self) -> tuple[list, bool]:
        """Upcoming training sessions held in the district (not the online ones)."""
        sessions = sessions_upcoming(district=self.district, public_only=True, now=self.now)
        return capped(sessions.select_related("module"), HUB_TRAININGS)

    trainings = property(lambda self: self._trainings[0])
    more_trainings = property(lambda self: self._trainings[1])

    @cached_property
    def news(self) -> list[NewsPage]:
        news = NewsPage.objects.live().public().filter(districts=self.district)
        return list(news.newest_first()[:HUB_NEWS])


def district_hub_contents(*, hub: DistrictHubPage, now=None) -> HubContents:
    """What a district hub shows, read part by part when used."""
    return HubContents(hub, now or timezone.now())


def next_session_start(*, now: datetime.datetime) -> datetime.datetime | None:
    """When the next council session begins (one query): a hub lists it as recent from then."""
    return CouncilSession.objects.filter(start__gt=now).aggregate(start=Min("start"))["start"]
