"""The finder: what fits the three answers (what, where, how), each with why it fits."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, DateTimeField, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitwirken.places.models import District
from mitwirken.web.deadlines import deadline_text
from participation.models import Phase, ProcedureDistrict, ProcedurePage
from participation.models.procedures import ProcedureMode, ProcedureStatus
from participation.selectors import procedures_with_status
from toolkit.models import FormatPage, Mode, Purpose
from training.models import Audience, Session
from training.models import Mode as SessionMode
from training.selectors import SESSION_MODES, sessions_upcoming

from ..models import Channel, How, Intent, OfferingPage
from . import Listed, by_title, capped

#: The most results of one kind the finder shows; the rest are one link away.
RESULTS_PER_GROUP = 10

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

# Where a training session answers it, and for whom (None: any audience); ``TRAINING_WITH_DISTRICT``
# only when a district is chosen (the sessions held there).
TRAINING_AUDIENCES = {
    Intent.Choices.LEARN: None,
    Intent.Choices.NEIGHBOURHOOD: Audience.Choices.ACTIVE,
}
TRAINING_WITH_DISTRICT = {Intent.Choices.NEIGHBOURHOOD}

# The kinds of contribution a reason names, most fitting first, per intent (of those the
# procedure's current phase is open for: ``ProcedurePage.open_for``).
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
class Match(Listed):
    """One result of the finder: a page, what kind it is, and why it fits the answers."""

    reason: str


@dataclass
class SessionMatch(Match):
    """A training session among the finder's results: its module is the page."""

    session: Session | None = None


@dataclass
class MatchGroup:
    """The results of one kind, capped; ``has_more`` when the cap cut some off."""

    key: str
    heading: str
    matches: list[Match] = field(default_factory=list)
    has_more: bool = False


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
    values["until"] = deadline_text(phase.end)
    open_now = procedure.open_for(now)
    flags = CONTRIBUTION_FLAGS.get(intent, DEFAULT_CONTRIBUTION_FLAGS)
    open_for = next((flag for flag in flags if flag in open_now), None)
    if open_for is None:
        message = gettext("In its information phase %(until)s, for %(place)s, %(channel)s.")
        return message % values
    values["contribution"] = Phase._meta.get_field(open_for).verbose_name
    # Translators: contribution is a phase's label such as "comments" or "proposals"; until is
    # a deadline such as "until Sunday, 27 December 2026, midnight"; place is a district, "part
    # of Hörde" or "the whole city"; channel is "online", "in person" …
    return gettext("Open for %(contribution)s %(until)s, for %(place)s, %(channel)s.") % values


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


def session_reason(session: Session, *, intent: str) -> str:
    """One sentence on why the session fits: what for, and where."""
    values = {"purpose": INTENT_PURPOSES[intent]}
    if session.district_id:
        values["district"] = session.district.name
        return gettext("A training %(purpose)s, in %(district)s.") % values
    if session.mode == SessionMode.ONLINE:
        return gettext("A training %(purpose)s, online, from wherever you are.") % values
    return gettext("A training %(purpose)s.") % values


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


def finder_sessions(*, intent: str, district: District | None, how: str, now=None):
    """Upcoming public training sessions where a training answers ``intent``: in ``district``
    and online, or anywhere for the whole city, matching ``how``, the soonest first."""
    if intent not in TRAINING_AUDIENCES or (intent in TRAINING_WITH_DISTRICT and not district):
        return Session.objects.none()
    return sessions_upcoming(
        district=district,
        with_online=True,
        audience=TRAINING_AUDIENCES[intent],
        modes=SESSION_MODES.get(how, ()),
        public_only=True,
        now=now,
    ).select_related("module")


def _session_group(*, intent: str, district: District | None, how: str, now) -> MatchGroup:
    sessions, more = capped(
        finder_sessions(intent=intent, district=district, how=how, now=now), RESULTS_PER_GROUP
    )
    matches = [
        SessionMatch("training", s.module, session_reason(s, intent=intent), session=s)
        for s in sessions
    ]
    return MatchGroup("trainings", gettext("Trainings"), matches, more)


def _group(key: str, heading: str, kind: str, queryset, reason) -> MatchGroup:
    """The first pages of ``queryset`` as matches of ``kind``, each with ``reason(page)``."""
    pages, more = capped(queryset, RESULTS_PER_GROUP)
    return MatchGroup(key, heading, [Match(kind, page, reason(page)) for page in pages], more)


def finder_matches(
    *, intent: str, district: District | None, how: str, now=None
) -> list[MatchGroup]:
    """The finder's results in the order shown: procedures, offerings of the district,
    offerings of the whole city, training sessions, formats. Empty groups are kept (the
    template skips them)."""
    now = now or timezone.now()
    procedures = (
        "procedures",
        gettext("Participation procedures"),
        "procedure",
        finder_procedures(intent=intent, district=district, how=how, now=now),
        lambda page: procedure_reason(page, intent=intent, district=district, now=now),
    )
    district_offerings = district is not None and (
        "district-offerings",
        gettext("Offerings in %(district)s") % {"district": district.name},
        "offering",
        finder_offerings(intent=intent, district=district, how=how, city_wide=False),
        lambda page: offering_reason(page, intent=intent, district=district),
    )
    city_offerings = (
        "city-offerings",
        gettext("Offerings for the whole city"),
        "offering",
        finder_offerings(intent=intent, district=district, how=how, city_wide=True),
        lambda page: offering_reason(page, intent=intent, district=None),
    )
    formats_ = (
        "formats",
        gettext("Formats of the Instrumentenkoffer"),
        "format",
        finder_formats(intent=intent, how=how),
        lambda page: format_reason(page, intent=intent),
    )
    groups = [procedures, district_offerings, city_offerings]
    found = [_group(*group) for group in groups if group]  # no district: no district offerings
    found.append(_session_group(intent=intent, district=district, how=how, now=now))
    found.append(_group(*formats_))
    return found


# A–Z ----------------------------------------------------------------------------------------
