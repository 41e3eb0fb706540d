"""Who took part, where and how: participants and contributions of the live procedures by
channel, month and district, read in a fixed number of queries however many procedures and
contributions there are (one grouped query per kind of contribution, and three more).

Participants are counted per account; a contribution without an account (on paper, by phone,
an anonymous poll vote) counts one person. Digital channels are online and e-mail; paper,
phone and events are analog.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncMonth

from mitwirken.places.models import District
from participation.models import (
    Channel,
    Comment,
    PollVote,
    ProcedureDistrict,
    ProcedurePage,
    Proposal,
    Statement,
    Support,
)

from .figures import Tally, per_thousand

#: Channels through the internet; the others (paper, phone, event) are analog.
DIGITAL = frozenset({Channel.ONLINE, Channel.EMAIL})
#: Every kind of contribution: the way to its procedure and to the person who gave it.
KINDS = (
    (Proposal, "procedure", "author"),
    (Comment, "procedure", "author"),
    (Support, "proposal__procedure", "user"),
    (PollVote, "poll__procedure", "user"),
    (Statement, "procedure", "author"),
)


def is_digital(channel: str) -> bool:
    return channel in DIGITAL


@dataclass
class ProcedureFacts:
    page: ProcedurePage
    district_ids: list[int] = field(default_factory=list)
    total: Tally = field(default_factory=Tally)
    by_channel: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    #: ``(first day of the month, digital)``: the tally of that month and kind of channel.
    by_month: dict[tuple[datetime.date, bool], Tally] = field(
        default_factory=lambda: defaultdict(Tally)
    )


@dataclass
class Reach:
    """Participants of procedures in an area against its residents."""

    key: str  # a district's slug, or "gesamtstadt"
    name: str
    procedures: int
    tally: Tally
    residents: int | None
    residents_source: str = ""
    residents_as_of: datetime.date | None = None
    district: District | None = None

    @property
    def per_thousand(self) -> float | None:
        return per_thousand(self.tally.participants, self.residents)


@dataclass
class ParticipationFacts:
    procedures: dict[int, ProcedureFacts]
    districts: list[District]

    def tally(self, procedure_ids) -> "Scope":
        return Scope.of([self.procedures[pk] for pk in procedure_ids if pk in self.procedures])

    def procedures_in(self, district: District | None) -> list[int]:
        """The procedures of a district (also partly), or those of the whole city (none)."""
        if district is None:
            return [pk for pk, facts in self.procedures.items() if not facts.district_ids]
        return [pk for pk, facts in self.procedures.items() if district.pk in facts.district_ids]

    @property
    def city_residents(self) -> int | None:
        """The districts' residents together; ``None`` when a district has no figure."""
        if not self.districts or any(not d.residents for d in self.districts):
            return None
        return sum(d.residents for d in self.districts)

    def residents_of(self, facts: ProcedureFacts) -> int | None:
        """The residents of a procedure's districts, or of the whole city without any."""
        if not facts.district_ids:
            return self.city_residents
        residents = [d.residents for d in self.districts if d.pk in facts.district_ids]
        return sum(residents) if residents and all(residents) else None

    def procedure_reach(self, procedure: ProcedurePage) -> Reach:
        """A procedure's participants against the residents of its districts (or the city)."""
        procedure_facts = self.procedures[procedure.pk]
        ids = procedure_facts.district_ids
        districts = [d for d in self.districts if not ids or d.pk in ids]
        dates = [d.residents_as_of for d in districts if d.residents_as_of]
        return Reach(
            key=str(procedure.pk),
            name=procedure.title,
            procedures=1,
            tally=procedure_facts.total,
            residents=self.residents_of(procedure_facts),
            residents_source="; ".join(sorted({d.residents_source for d in districts} - {""})),
            residents_as_of=max(dates) if dates else None,
        )

    def district_reach(self, district: District) -> Reach:
        procedure_ids = self.procedures_in(district)
        return Reach(
            key=district.slug,
            name=district.name,
            procedures=len(procedure_ids),
            tally=self.tally(procedure_ids).total,
            residents=district.residents,
            residents_source=district.residents_source,
            residents_as_of=district.residents_as_of,
            district=district,
        )

    def city_reach(self, name: str) -> Reach:
        """The procedures for the whole city (no district) against the whole city."""
        procedure_ids = self.procedures_in(None)
        dates = [d.residents_as_of for d in self.districts if d.residents_as_of]
        sources = sorted({d.residents_source for d in self.districts if d.residents_source})
        return Reach(
            key="gesamtstadt",
            name=name,
            procedures=len(procedure_ids),
            tally=self.tally(procedure_ids).total,
            residents=self.city_residents,
            residents_source="; ".join(sources),
            residents_as_of=max(dates) if dates else None,
        )


@dataclass
class Scope:
    """The procedures of one page (all, a district's, one, a format's) added up."""

    total: Tally
    by_channel: dict[str, Tally]
    by_month: dict[tuple[datetime.date, bool], Tally]

    @classmethod
    def of(cls, procedures: list[ProcedureFacts]) -> "Scope":
        total, by_channel, by_month = Tally(), defaultdict(Tally), defaultdict(Tally)
        for facts in procedures:
            total.merge(facts.total)
            for channel, tally in facts.by_channel.items():
                by_channel[channel].merge(tally)
            for month, tally in facts.by_month.items():
                by_month[month].merge(tally)
        return cls(total=total, by_channel=by_channel, by_month=by_month)

    def digital(self) -> Tally:
        return self._merged(True)

    def analog(self) -> Tally:
        return self._merged(False)

    def _merged(self, digital: bool) -> Tally:
        merged = Tally()
        for channel, tally in self.by_channel.items():
            if is_digital(channel) == digital:
                merged.merge(tally)
        return merged


def _month(value) -> datetime.date:
    return value.date().replace(day=1) if isinstance(value, datetime.datetime) else value


def participation_facts(*, procedure_ids=None) -> ParticipationFacts:
    """The live public procedures (of ``procedure_ids`` when given) with their participants and
    contributions by channel, month and district: one query per kind of contribution, grouped
    in the database by procedure, channel, month and person, plus the procedures (two), their
    districts and the districts."""
    pages = ProcedurePage.objects.live().public().order_by("-first_published_at", "-pk")
    if procedure_ids is not None:
        pages = pages.filter(pk__in=procedure_ids)
    procedures = {page.pk: ProcedureFacts(page=page) for page in pages}
    for procedure_id, district_id in ProcedureDistrict.objects.filter(
        procedure__in=list(procedures)
    ).values_list("procedure_id", "district_id"):
        procedures[procedure_id].district_ids.append(district_id)
    for model, procedure_field, person_field in KINDS:
        rows = model.objects.filter(**{f"{procedure_field}__live": True})
        if procedure_ids is not None:
            rows = rows.filter(**{f"{procedure_field}__in": procedure_ids})
        grouped = (
            rows.annotate(month=TruncMonth("created_at"))
            .values_list(f"{procedure_field}_id", "channel", "month", person_field)
            .annotate(count=Count("pk"))
            .order_by()
        )
        for procedure_id, channel, month, person, count in grouped:
            facts = procedures.get(procedure_id)
            if facts is None:
                continue
            facts.total.add(person, count)
            facts.by_channel[channel].add(person, count)
            facts.by_month[(_month(month), is_digital(channel))].add(person, count)
    return ParticipationFacts(procedures=procedures, districts=list(District.objects.all()))
