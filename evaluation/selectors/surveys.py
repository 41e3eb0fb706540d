"""The answers to the standard instrument's items, counted per procedure, format trial and
channel in one query however many answers there are: the database reads only the items'
keys out of the JSON answers (``KT``, on PostgreSQL and SQLite) and groups them.

The instrument's scales run from 1 (do not agree at all) to 5 (fully agree); 4 and 5 agree.
``first_time``'s first choice is "yes". ``heard_via`` may hold one choice or several.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, Count, Q, Value
from django.db.models.fields.json import KT

from ..models import NO_ANSWER, Question, Response
from .figures import Share, median_percent

#: The core items, agreement on a five-point scale, the same in every copy of the instrument.
ITEMS = ("information", "voice", "fair", "results_clear", "again")
AGREE = frozenset({"4", "5"})
FIRST_TIME, YES = "first_time", "1"
HEARD_VIA = "heard_via"
DISTRICT = "district"
KEYS = (*ITEMS, FIRST_TIME, HEARD_VIA, DISTRICT)

#: ``(procedure id, format id, channel)``: who the answers belong to.
Group = tuple[int | None, int | None, str]


def _values(raw) -> list[str]:
    """An answer's chosen values as text: one, or several of a multiple choice."""
    if raw is None:
        return []
    if isinstance(raw, list):
        return [str(value) for value in raw]
    text = str(raw)
    if text.startswith("["):
        try:
            return [str(value) for value in json.loads(text)]
        except ValueError:
            return []
    return [text]


@dataclass
class SurveyFacts:
    #: ``{group: {key: {value: count}}}``
    counts: dict[Group, dict[str, dict[str, int]]]
    #: The standard instrument's questions by key (their text and choices in the language).
    questions: dict[str, Question]

    def counted(self, key: str, groups) -> dict[str, int]:
        total: dict[str, int] = defaultdict(int)
        for group in groups:
            for value, count in self.counts.get(group, {}).get(key, {}).items():
                total[value] += count
        return total

    def groups(self, *, procedure_ids=None, format_id=None, channel=None) -> list[Group]:
        """The groups of answers of some procedures, or of a format's trials, or all."""
        return [
            group
            for group in self.counts
            if (procedure_ids is None or group[0] in procedure_ids)
            and (format_id is None or group[1] == format_id)
            and (channel is None or group[2] == channel)
        ]

    def share(self, key: str, yes, groups) -> Share:
        """The answers to ``key`` among ``yes``, of those given (without "prefer not to say")."""
        counted = self.counted(key, groups)
        total = sum(count for value, count in counted.items() if value != NO_ANSWER)
        return Share(sum(counted.get(value, 0) for value in yes), total)

    def agreeing(self, key: str, groups) -> Share:
        return self.share(key, AGREE, groups)

    def satisfaction(self, groups) -> Share:
        """Agreement over the core items together."""
        shares = [self.agreeing(key, groups) for key in ITEMS]
        return Share(sum(s.count for s in shares), sum(s.total for s in shares))

    def first_timers(self, groups) -> Share:
        return self.share(FIRST_TIME, {YES}, groups)

    def city_median(self, key: str) -> int | None:
        """The median of the procedures' shares agreeing on ``key`` (those with enough
        answers)."""
        procedure_ids = {group[0] for group in self.counts if group[0] is not None}
        return median_percent(
            [self.agreeing(key, self.groups(procedure_ids={pk})) for pk in procedure_ids]
        )

    def label(self, key: str) -> str:
        question = self.questions.get(key)
        return question.text if question else key

    def choices(self, key: str) -> list[tuple[str, str]]:
        """``(value, label)`` of a question's choices, numbered from 1."""
        question = self.questions.get(key)
        lines = question.choice_lines() if question else []
        return [(str(number), line) for number, line in enumerate(lines, start=1)]

    def district_names(self) -> dict[str, str]:
        """The value of each district's choice by its German name (``district``'s choices are
        the Stadtbezirke by name), so answers map to ``District`` rows in any language."""
        question = self.questions.get(DISTRICT)
        if question is None:
            return {}
        lines = [line.strip() for line in (question.choices_de or "").splitlines()]
        lines = [line for line in lines if line]
        return {line: str(number) for number, line in enumerate(lines, start=1)}


def survey_facts(*, procedure_ids=None, format_id=None) -> SurveyFacts:
    """Counts of the answers to ``KEYS`` of every survey but the template (or of those about
    ``procedure_ids`` or the trials of the format ``format_id``), grouped by procedure, format
    trial, channel, key and value in the database: one query, and one for the standard
    instrument's questions."""
    responses = Response.objects.filter(survey__standard=False).order_by()
    if procedure_ids is not None:
        responses = responses.filter(
            Q(survey__procedure__in=procedure_ids) | Q(survey__format_id=format_id)
        )
    parts = [
        responses.annotate(key=Value(key, output_field=CharField()), value=KT(f"answers__{key}"))
        .values_list("survey__procedure_id", "survey__format_id", "channel", "key", "value")
        .annotate(count=Count("pk"))
        for key in KEYS
    ]
    counts: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for procedure_id, format_id, channel, key, raw, count in parts[0].union(*parts[1:], all=True):
        for value in _values(raw):
            counts[(procedure_id, format_id, channel)][key][value] += count
    questions = {}
    for question in Question.objects.filter(key__in=KEYS).order_by(
        "-survey__standard", "survey__created_at", "pk"
    ):
        questions.setdefault(question.key, question)
    return SurveyFacts(counts=counts, questions=questions)
