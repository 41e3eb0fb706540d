"""Reads of the Wegweiser: the finder's matches, the A–Z index and a district hub's contents.

Each read makes the same number of queries however many offerings, procedures or formats
there are: statuses are computed in the database (participation's selectors), related rows
are prefetched, and every list is capped by a slice, not by a loop.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Case,
    DateTimeField,
    F,
    OuterRef,
    Q,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as translation_language
from wagtail.models import Page

from mitwirken.pages.models import NewsPage
from mitwirken.places.models import District
from participation.models import Event, Phase, ProcedureDistrict, ProcedurePage
from participation.models.procedures import ProcedureMode, ProcedureStatus
from participation.selectors import procedure_list, procedures_with_status
from toolkit.models import FormatPage, Mode, Purpose

from .models import Channel, CouncilSession, DistrictHubPage, Intent, OfferingPage

#: The most results of one kind the finder shows; the rest are one link away.
RESULTS_PER_GROUP = 10
#: The most procedures, offerings, events and news items a district hub lists.
HUB_PROCEDURES = 10
HUB_OFFERINGS = 20
HUB_EVENTS = 10
HUB_NEWS = 5
HUB_RECENT_SESSIONS = 3

#: The finder's answer to "Where?" for offerings and procedures of the whole city.
WHOLE_CITY = "gesamtstadt"


class How(TextChoices):
    """The finder's third question."""

    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    EITHER = "either", _("either way")


# What "how" matches in each kind of result; "either" matches everything.
OFFERING_CHANNELS = {
    How.ONLINE: [Channel.ONLINE, Channel.BOTH],
    How.IN_PERSON: [Channel.IN_PERSON, Channel.BOTH],
}
PROCEDURE_MODES = {
    How.ONLINE: [ProcedureMode.ONLINE, ProcedureMode.HYBRID],
    How.IN_PERSON: [ProcedureMode.IN_PERSON, ProcedureMode.HYBRID],
}
FORMAT_MODES = {
    How.ONLINE: [Mode.DIGITAL, Mode.HYBRID],
    # Distance formats (letters, phone, walks in small groups) need no screen.
    How.IN_PERSON: [Mode.ANALOG, Mode.HYBRID, Mode.DISTANCE],
}

# Where taking part in a procedure answers the first question, and in which status.
PROCEDURE_STATUSES = {
    Intent.Choices.INFORM: [ProcedureStatus.OPEN, ProcedureStatus.PLANNED],
    Intent.Choices.OPINION: [ProcedureStatus.OPEN],
    Intent.Choices.IDEA: [ProcedureStatus.OPEN],
    Intent.Choices.NEIGHBOURHOOD: [ProcedureStatus.OPEN],
}
# Where a format of the Instrumentenkoffer answers it, and with which purposes (None: any).
FORMAT_PURPOSES = {
    Intent.Choices.LEARN: None,
    Intent.Choices.NEIGHBOURHOOD: [Purpose.COLLABORATE, Purpose.EMPOWER],
}

# The kinds of contribution a reason names, most fitting first, per intent.
CONTRIBUTION_FLAGS = {
    Intent.Choices.IDEA: ["allows_proposals", "allows_comments", "allows_polls"],
    Intent.Choices.OPINION: ["allows_comments", "allows_polls", "allows_statements"],
}
DEFAULT_CONTRIBUTION_FLAGS = [
    "allows_comments",
    "allows_proposals",
    "allows_polls",
    "allows_statements",
]

INTENT_PURPOSES = {
    Intent.Choices.INFORM: _("for getting informed"),
    Intent.Choices.OPINION: _("for giving your opinion"),
    Intent.Choices.IDEA: _("for proposing ideas"),
    Intent.Choices.COMPLAINT: _("for complaints and suggestions"),
    Intent.Choices.NEIGHBOURHOOD: _("for getting involved in your neighbourhood"),
    Intent.Choices.LEARN: _("for learning how to participate"),
}

KIND_LABELS = {
    "procedure": _("Procedure"),
    "offering": _("Offering"),
    "format": _("Format"),
}

PROCEDURE_CHANNELS = {
    ProcedureMode.ONLINE: Channel.ONLINE.label,
    ProcedureMode.IN_PERSON: Channel.IN_PERSON.label,
    ProcedureMode.HYBRID: Channel.BOTH.label,
}
FORMAT_CHANNELS = {
    Mode.DIGITAL: Channel.ONLINE.label,
    Mode.ANALOG: Channel.IN_PERSON.label,
    Mode.HYBRID: Channel.BOTH.label,
    Mode.DISTANCE: Mode.DISTANCE.label,
}


@dataclass
class Match:
    """One result of the finder: a page, what kind it is, and why it fits the answers."""

    kind: str
    page: Page
    reason: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class MatchGroup:
    """The results of one kind, capped; ``has_more`` when the cap cut some off."""

    key: str
    heading: str
    matches: list[Match] = field(default_factory=list)
    has_more: bool = False


def _capped(queryset, limit: int) -> tuple[list, bool]:
    """The first ``limit`` rows and whether there are more, in one query."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def by_title():
    """Order by the title as shown in the active language: the translation, else German."""
    source = build_localized_fieldname("title", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    shown = build_localized_fieldname("title", translation_language())
    return Coalesce(NullIf(F(shown), Value("")), F(source)).asc()


def _date(value: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


def _in_district_or_city_wide(district: District | None) -> Q:
    """Procedures of ``district`` or of the whole city (no district); city-wide ones only
    when ``district`` is None."""
    with_districts = ProcedureDistrict.objects.values("procedure_id")
    city_wide = ~Q(pk__in=with_districts)
    if district is None:
        return city_wide
    return Q(pk__in=with_districts.filter(district=district)) | city_wide


# Reasons ------------------------------------------------------------------------------------


def _procedure_place(procedure: ProcedurePage, district: District | None) -> str:
    for item in procedure.procedure_districts.all():
        if district is not None and item.district_id == district.pk:
            if item.partly:
                return gettext("part of %(district)s") % {"district": district.name}
            return district.name
    return gettext("the whole city")


def procedure_reason(
    procedure: ProcedurePage, *, intent: str, district: District | None, now=None
) -> str:
    """One sentence on why the procedure fits: what is open until when, where, how."""
    now = now or timezone.now()
    values = {
        "place": _procedure_place(procedure, district),
        "channel": PROCEDURE_CHANNELS.get(procedure.mode, procedure.get_mode_display()),
    }
    if procedure.listing_status == ProcedureStatus.PLANNED:
        upcoming = procedure.next_phase(now)
        if upcoming is None:
            return gettext("Planned, for %(place)s, %(channel)s.") % values
        values["date"] = _date(upcoming.start)
        return gettext("Planned to start on %(date)s, for %(place)s, %(channel)s.") % values
    phase = procedure.current_phase(now)
    if phase is None:
        upcoming = procedure.next_phase(now)
        if upcoming is None:
            return gettext("Under way, for %(place)s, %(channel)s.") % values
        values["date"] = _date(upcoming.start)
        message = gettext(
            "Under way; the next phase starts on %(date)s, for %(place)s, %(channel)s."
        )
        return message % values
    values["date"] = _date(phase.end)
    flags = CONTRIBUTION_FLAGS.get(intent, DEFAULT_CONTRIBUTION_FLAGS)
    flags = [flag for flag in flags if flag != "allows_statements" or procedure.is_formal]
    open_for = next((flag for flag in flags if getattr(phase, flag)), None)
    if open_for is None:
        message = gettext("In its information phase until %(date)s, for %(place)s, %(channel)s.")
        return message % values
    values["contribution"] = Phase._meta.get_field(open_for).verbose_name
    # Translators: contribution is a phase's label such as "comments" or "proposals"; place is
    # a district, "part of Hörde" or "the whole city"; channel is "online", "in person" …
    return gettext("Open for %(contribution)s until %(date)s, for %(place)s, %(channel)s.") % values


def offering_reason(offering: OfferingPage, *, intent: str, district: District | None) -> str:
    """One sentence on why the offering fits: where, how, what for."""
    values = {
        "channel": offering.get_channel_display(),
        "purpose": INTENT_PURPOSES[intent],
    }
    if district is not None and any(d.pk == district.pk for d in offering.districts.all()):
        values["place"] = district.name
        return gettext("Offered in %(place)s, %(channel)s, %(purpose)s.") % values
    return gettext("Offered for the whole city, %(channel)s, %(purpose)s.") % values


def format_reason(format_page: FormatPage, *, intent: str) -> str:
    """One sentence on why the format fits: what for, and how it is run."""
    values = {"channel": FORMAT_CHANNELS.get(format_page.mode, format_page.get_mode_display())}
    if intent == Intent.Choices.NEIGHBOURHOOD:
        return gettext("A format in which residents shape things together, %(channel)s.") % values
    return gettext("A format for learning how participation works, %(channel)s.") % values


# The finder ---------------------------------------------------------------------------------


def finder_procedures(*, intent: str, district: District | None, how: str, now=None):
    """Live procedures fitting the answers, open ones ending soonest first, then planned ones
    starting soonest; an empty queryset where procedures do not answer the intent."""
    statuses = PROCEDURE_STATUSES.get(intent)
    if not statuses:
        return ProcedurePage.objects.none()
    now = now or timezone.now()
    queryset = ProcedurePage.objects.filter(_in_district_or_city_wide(district))
    if how in PROCEDURE_MODES:
        queryset = queryset.filter(mode__in=PROCEDURE_MODES[how])
    current = Phase.objects.filter(procedure=OuterRef("pk"), start__lte=now, end__gt=now)
    return (
        procedures_with_status(queryset, now=now)
        .filter(listing_status__in=statuses)
        .annotate(current_end=Subquery(current.order_by("end").values("end")[:1]))
        .annotate(
            due=Case(
                When(
                    listing_status=ProcedureStatus.OPEN,
                    then=Coalesce("current_end", "last_end"),
                ),
                default=F("first_start"),
                output_field=DateTimeField(),
            ),
            status_order=Case(When(listing_status=ProcedureStatus.OPEN, then=0), default=1),
        )
        .order_by("status_order", F("due").asc(nulls_last=True), by_title(), "pk")
    )


def finder_offerings(*, intent: str, district: District | None, how: str, city_wide: bool):
    """Live offerings for ``intent`` matching ``how``: those of ``district`` or, with
    ``city_wide``, those of the whole city (no district), alphabetically."""
    offerings = OfferingPage.objects.live().public().filter(intents__slug=intent)
    if how in OFFERING_CHANNELS:
        offerings = offerings.filter(channel__in=OFFERING_CHANNELS[how])
    if city_wide:
        offerings = offerings.filter(districts__isnull=True)
    else:
        offerings = offerings.filter(districts=district)
    return offerings.for_listing().order_by(by_title(), "pk")


def finder_formats(*, intent: str, how: str):
    """Live formats of the Instrumentenkoffer where a format answers ``intent``."""
    if intent not in FORMAT_PURPOSES:
        return FormatPage.objects.none()
    formats_ = FormatPage.objects.live().public()
    if FORMAT_PURPOSES[intent] is not None:
        formats_ = formats_.filter(purpose__in=FORMAT_PURPOSES[intent])
    if how in FORMAT_MODES:
        formats_ = formats_.filter(mode__in=FORMAT_MODES[how])
    return formats_.for_listing().order_by(by_title(), "pk")


def finder_matches(
    *, intent: str, district: District | None, how: str, now=None
) -> list[MatchGroup]:
    """The finder's results in the order shown: procedures, offerings of the district,
    offerings of the whole city, formats. Empty groups are kept (the template skips them)."""
    now = now or timezone.now()
    groups = []

    procedures, more = _capped(
        finder_procedures(intent=intent, district=district, how=how, now=now), RESULTS_PER_GROUP
    )
    groups.append(
        MatchGroup(
            "procedures",
            gettext("Participation procedures"),
            [
                Match(
                    "procedure",
                    procedure,
                    procedure_reason(procedure, intent=intent, district=district, now=now),
                )
                for procedure in procedures
            ],
            more,
        )
    )

    if district is not None:
        offerings, more = _capped(
            finder_offerings(intent=intent, district=district, how=how, city_wide=False),
            RESULTS_PER_GROUP,
        )
        groups.append(
            MatchGroup(
                "district-offerings",
                gettext("Offerings in %(district)s") % {"district": district.name},
                [
                    Match("offering", o, offering_reason(o, intent=intent, district=district))
                    for o in offerings
                ],
                more,
            )
        )
    offerings, more = _capped(
        finder_offerings(intent=intent, district=district, how=how, city_wide=True),
        RESULTS_PER_GROUP,
    )
    groups.append(
        MatchGroup(
            "city-offerings",
            gettext("Offerings for the whole city"),
            [
                Match("offering", o, offering_reason(o, intent=intent, district=None))
                for o in offerings
            ],
            more,
        )
    )

    formats_, more = _capped(finder_formats(intent=intent, how=how), RESULTS_PER_GROUP)
    groups.append(
        MatchGroup(
            "formats",
            gettext("Formats of the Instrumentenkoffer"),
            [Match("format", f, format_reason(f, intent=intent)) for f in formats_],
            more,
        )
    )
    return groups


# A–Z ----------------------------------------------------------------------------------------

OTHER_LETTER = "#"
ALPHABET = [chr(code) for code in range(ord("A"), ord("Z") + 1)]


@dataclass
class Entry:
    kind: str
    page: Page
    status: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Letter:
    letter: str
    entries: list[Entry]

    @property
    def anchor(self) -> str:
        return "letter-other" if self.letter == OTHER_LETTER else f"letter-{self.letter.lower()}"


def sort_key(title: str) -> str:
    """A title as it sorts: umlauts and accents like their base letter (Ö with O), ß as ss,
    case ignored."""
    decomposed = unicodedata.normalize("NFKD", title)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def initial(title: str) -> str:
    """The letter a title is filed under: its first letter without accents, or ``#``."""
    for char in sort_key(title):
        if char.isalnum():
            upper = char.upper()
            return upper if upper in ALPHABET else OTHER_LETTER
    return OTHER_LETTER


def a_to_z_letters(*, now=None) -> list[Letter]:
    """Every live offering and procedure (any status), grouped by initial in alphabetical
    order, ``#`` (digits and other characters) last. Three queries for the offerings and
    procedures plus participation's prefetches, however many there are."""
    entries = [Entry("offering", offering) for offering in OfferingPage.objects.live().public()]
    entries += [
        Entry("procedure", procedure, procedure.listing_status)
        for procedure in procedures_with_status(now=now)
    ]
    entries.sort(key=lambda entry: (sort_key(entry.page.title), entry.kind, entry.page.pk))
    letters: dict[str, list[Entry]] = {}
    for entry in entries:
        letters.setdefault(initial(entry.page.title), []).append(entry)
    order = [*ALPHABET, OTHER_LETTER]
    return [Letter(letter, letters[letter]) for letter in order if letter in letters]


def letter_navigation(letters: list[Letter]) -> list[dict]:
    """A to Z (and ``#`` where used), each with its anchor and whether it has entries."""
    present = {letter.letter for letter in letters}
    return [
        {"letter": letter, "anchor": Letter(letter, []).anchor, "present": letter in present}
        for letter in [*ALPHABET, OTHER_LETTER]
        if letter != OTHER_LETTER or letter in present
    ]


# District hubs ------------------------------------------------------------------------------


def district_hubs():
    """The live district hubs in the districts' order, each with its district."""
    return (
        DistrictHubPage.objects.live()
        .public()
        .select_related("district")
        .order_by("district__sort_order", "title")
    )


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
    procedures, more_procedures = _capped(
        procedure_list(district=district, now=now).filter(
            listing_status__in=[ProcedureStatus.OPEN, ProcedureStatus.PLANNED]
        ),
        HUB_PROCEDURES,
    )
    offerings, more_offerings = _capped(
        OfferingPage.objects.live()
        .public()
        .filter(districts=district)
        .for_listing()
        .order_by(by_title(), "pk"),
        HUB_OFFERINGS,
    )
    in_district = ProcedureDistrict.objects.filter(district=district).values("procedure_id")
    live_procedures = ProcedurePage.objects.live().public().filter(pk__in=in_district)
    return HubContents(
        upcoming_sessions=list(sessions.filter(start__gte=now).order_by("start", "pk")),
        recent_sessions=list(
            sessions.filter(start__lt=now).order_by("-start", "-pk")[:HUB_RECENT_SESSIONS]
        ),
        procedures=procedures,
        more_procedures=more_procedures,
        offerings=offerings,
        more_offerings=more_offerings,
        events=list(
            Event.objects.filter(procedure__in=live_procedures.values("pk"), end__gte=now)
            .select_related("procedure")
            .order_by("start", "pk")[:HUB_EVENTS]
        ),
        news=list(
            NewsPage.objects.live()
            .public()
            .filter(districts=district)
            .order_by("-date", "-first_published_at", "-pk")[:HUB_NEWS]
        ),
    )
