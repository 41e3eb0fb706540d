"""The district hubs, and what one hub shows."""

import datetime
from functools import cached_property

from django.db.models import Min
from django.utils import timezone

from mitwirken.council.models import Meeting
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
    def _meetings(self):
        """The imported meetings of the district's Bezirksvertretung (docs/oparl.md)."""
        return Meeting.objects.filter(
            deleted=False, start__isnull=False, organizations__district=self.district
        ).distinct()

    @cached_property
    def upcoming_sessions(self) -> list:
        """The editors' sessions and the imported meetings to come, by start (two queries)."""
        sessions = self._sessions.filter(start__gte=self.now).order_by("start", "pk")
        meetings = self._meetings.filter(start__gte=self.now).order_by("start", "pk")
        return sorted(_listed(sessions, meetings), key=lambda session: session.start)

    @cached_property
    def recent_sessions(self) -> list:
        sessions = self._sessions.filter(start__lt=self.now).order_by("-start", "-pk")
        meetings = self._meetings.filter(start__lt=self.now).order_by("-start", "-pk")
        recent = _listed(sessions[:HUB_RECENT_SESSIONS], meetings[:HUB_RECENT_SESSIONS])
        return sorted(recent, key=lambda session: session.start, reverse=True)[:HUB_RECENT_SESSIONS]

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


def _listed(sessions, meetings) -> list:
    """Editors' sessions and imported meetings with what the hub's cards show of each."""
    listed = []
    for session in sessions:
        session.anchor, session.cancelled = f"session-{session.pk}", False
        listed.append(session)
    for meeting in meetings:
        meeting.anchor, meeting.place, meeting.agenda_url = (
            f"meeting-{meeting.pk}",
            meeting.location,
            meeting.web,
        )
        meeting.question_time, meeting.notes = None, ""
        listed.append(meeting)
    return listed


def district_hub_contents(*, hub: DistrictHubPage, now=None) -> HubContents:
    """What a district hub shows, read part by part when used."""
    return HubContents(hub, now or timezone.now())


def next_session_start(*, now: datetime.datetime) -> datetime.datetime | None:
    """When the next council session or imported meeting begins (two queries): a hub lists it
    as recent from then."""
    starts = [
        CouncilSession.objects.filter(start__gt=now).aggregate(start=Min("start"))["start"],
        Meeting.objects.filter(
            start__gt=now, deleted=False, organizations__district__isnull=False
        ).aggregate(start=Min("start"))["start"],
    ]
    return min((start for start in starts if start), default=None)


def council_calendar(*, district=None, now=None) -> list:
    """The editors' sessions of live hubs and the imported meetings of the Bezirksvertretungen
    (of ``district``, or of all), from 30 days ago on, by start (two queries)."""
    since = (now or timezone.now()) - datetime.timedelta(days=30)
    sessions = CouncilSession.objects.filter(start__gte=since, page__live=True).select_related(
        "page__district"
    )
    meetings = Meeting.objects.filter(
        start__gte=since, deleted=False, organizations__district__isnull=False
    ).distinct()
    if district is not None:
        sessions = sessions.filter(page__district=district)
        meetings = meetings.filter(organizations__district=district)
    return sorted(_listed(sessions, meetings), key=lambda session: session.start)
