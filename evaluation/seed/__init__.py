"""Demo content of the evaluation app for ``manage.py seed_demo``.

The evaluation page below the home page, the standard instrument (the survey every other one
copies), and its copies for four finished demo procedures and two past training sessions, with
invitations and generated answers (demo data, drawn from the distributions in ``surveys.yaml``
with a fixed seed per survey).

The content is in this folder's YAML files; the functions below write it. Idempotent: the page is
found by its German slug, the standard instrument by its flag, a copy by what it evaluates, a
question by its key; a survey's answers and invitations are written again only when they differ
from what the data give (on a later day, whose dates have moved).
"""

import datetime
import math
import random
import uuid
from collections import Counter
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.utils import timezone

from mitwirken.pages.models import HomePage
from mitwirken.places.models import District
from mitwirken.seeding import LANGUAGES, Step, days_from_today, page_ensure, translated
from participation.models import ProcedurePage
from training.models import Session

from ..models import NO_ANSWER, EvaluationIndexPage, Invitation, Question, Response, Survey

#: The questions' translated fields, as the data and the copies give them.
QUESTION_TEXTS = ("section", "text", "help_text", "choices")
#: Their other fields, copied as they are.
QUESTION_FIELDS = (
    "type",
    "required",
    "prefer_not_to_say",
    "minimum",
    "maximum",
    "show_if_key",
    "show_if_value",
)
#: The agreement scale's values, "1" (do not agree at all) to "5" (agree completely).
SCALE = range(1, 6)


def evaluation_index(data: dict) -> int:
    """Evaluation (the page of reach and results)"""
    page_ensure(HomePage.objects.get(), EvaluationIndexPage, data)
    return 1


# The standard instrument ------------------------------------------------------------------------


def _district_choices(outside: dict) -> dict:
    """The Stadtbezirke in their order, then "outside Dortmund", as choices in each language."""
    districts = list(District.objects.all())
    return {
        language: [getattr(d, f"name_{language}") or d.name_de for d in districts]
        + [outside[language]]
        for language in LANGUAGES
    }


def _question_values(spec: dict) -> dict:
    """A question's fields from its data entry."""
    texts = {name: spec.get(name, {"de": "", "en": ""}) for name in QUESTION_TEXTS}
    if "districts" in spec:
        texts["choices"] = _district_choices(spec["districts"]["outside"])
    texts["choices"] = {
        language: "\n".join(lines) for language, lines in (texts["choices"] or {}).items()
    } or {"de": "", "en": ""}
    values = {field: spec.get(field) for field in QUESTION_FIELDS if field in spec}
    for name, text in texts.items():
        values[name] = text["de"]
        values.update(translated(name, text))
    return values


def _question_copy_values(question: Question) -> dict:
    names = [*QUESTION_FIELDS, *QUESTION_TEXTS]
    names += [f"{name}_{language}" for name in QUESTION_TEXTS for language in LANGUAGES]
    return {name: getattr(question, name) for name in names}


def _questions_sync(survey: Survey, questions: list[tuple[str, dict]], *, prune: bool) -> None:
    """The survey's questions by key, in this order; with ``prune``, no others."""
    for order, (key, values) in enumerate(questions):
        Question.objects.update_or_create(
            survey=survey, key=key, defaults={**values, "sort_order": order}
        )
    if prune:
        survey.questions.exclude(key__in=[key for key, _values in questions]).delete()


def instrument(data: dict) -> int:
    """Evaluation: the standard instrument (OECD 2021, Netzwerk Bürgerbeteiligung)"""
    survey = Survey.objects.filter(standard=True).order_by("pk").first() or Survey(standard=True)
    survey.title = data["title"]["de"]
    for name in ("title", "intro"):
        for field, value in translated(name, data[name]).items():
            setattr(survey, field, value)
    survey.intro = data["intro"]["de"]
    survey.save()
    questions = [(spec["key"], _question_values(spec)) for spec in data["questions"]]
    _questions_sync(survey, questions, prune=True)
    return 1 + len(questions)


# Copies with generated answers -----------------------------------------------------------------


def _standard() -> Survey:
    return Survey.objects.filter(standard=True).order_by("pk").get()


def survey_copy(standard: Survey, *, title: dict, opens_at, closes_at, **target) -> Survey:
    """The copy of the standard instrument for ``target`` (a procedure or a session), its core
    questions the standard's with their keys; questions staff added stay."""
    survey = Survey.objects.filter(based_on=standard, **target).order_by("pk").first()
    survey = survey or Survey(based_on=standard, **target)
    survey.title = title["de"]
    survey.title_de, survey.title_en = title["de"], title["en"]
    survey.intro = survey.intro_de = standard.intro_de
    survey.intro_en = standard.intro_en
    survey.opens_at, survey.closes_at = opens_at, closes_at
    survey.save()
    questions = [(q.key, _question_copy_values(q)) for q in standard.questions.all()]
    _questions_sync(survey, questions, prune=False)
    return survey


def _weighted(rng: random.Random, weights: list[float], start: int = 1) -> int:
    """A number from ``start`` on, drawn with these weights."""
    return rng.choices(range(start, start + len(weights)), weights=weights)[0]


class _Draw:
    """Draws one survey's answers from a profile (``surveys.yaml``)."""

    def __init__(self, rng, spec: dict, data: dict, standard: Survey, homes: list[District]):
        self.rng, self.spec, self.comments = rng, spec, data["comments"]
        self.profiles = data["profiles"]
        self.questions = {q.key: q for q in standard.questions.all()}
        districts = list(District.objects.all())
        self.lines = {district.pk: line for line, district in enumerate(districts, start=1)}
        self.outside = len(districts) + 1
        self.homes = homes or districts  # Gesamtstadt: the whole city
        self.everyone = districts

    def _district(self) -> int:
        rng = self.rng
        if rng.random() < self.spec["home_share"]:
            group = self.homes
        elif rng.random() < 0.85:
            group = self.everyone
        else:
            return self.outside
        weights = [district.residents or 1 for district in group]
        return self.lines[rng.choices(group, weights=weights)[0].pk]

    def _likert(self, weights: list[float]) -> str:
        value = _weighted(self.rng, weights)
        mood = self.spec.get("mood", 0)
        if self.rng.random() < abs(mood):
            value = min(max(value + (1 if mood > 0 else -1), SCALE[0]), SCALE[-1])
        return str(value)

    def _languages(self, chances: list[float]) -> list[str]:
        chosen = [str(line) for line, chance in enumerate(chances, 1) if self.rng.random() < chance]
        return chosen or ["1"]

    def _optional(self, profile: dict, value: Callable[[], object], answers: dict, key: str):
        roll = self.rng.random()
        if roll < profile["skipped"]:
            return
        if roll < profile["skipped"] + profile["no_answer"]:
            answers[key] = NO_ANSWER
        else:
            answers[key] = value()

    def answers(self, channel: str) -> tuple[str, dict]:
        """The language and the answers of one person who answered through ``channel``."""
        rng, profile = self.rng, self.profiles[channel]
        language = "en" if rng.random() < profile["english"] else "de"
        answers = {key: self._likert(weights) for key, weights in profile["likert"].items()}
        answers["heard_via"] = str(_weighted(rng, profile["heard_via"]))
        answers["first_time"] = "1" if rng.random() < profile["first_time"] else "2"
        optional = {
            "age_group": lambda: str(_weighted(rng, profile["age_group"])),
            "gender": lambda: str(_weighted(rng, profile["gender"])),
            "district": lambda: str(self._district()),
            "languages": lambda: self._languages(profile["languages"]),
            "disability": lambda: "1" if rng.random() < profile["disability"] else "2",
        }
        for key, value in optional.items():
            self._optional(profile, value, answers, key)
        if rng.random() < profile["comment"]:
            answers["comments"] = rng.choice(self.comments[language])
        return language, {key: answers[key] for key in self.questions if key in answers}


def _day(rng: random.Random, opens_at, closes_at) -> datetime.date:
    """The day of an answer: most in the first week after the invitation, more after the
    reminder a week later, the rest until the survey closes."""
    length = max((closes_at - opens_at).days, 1)
    roll = rng.random()
    if roll < 0.6:
        offset = rng.randrange(min(7, length))
    elif roll < 0.85 and length > 7:
        offset = 7 + rng.randrange(min(7, length - 7))
    else:
        offset = rng.randrange(length)
    return timezone.localdate(opens_at) + datetime.timedelta(days=offset)


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _generated(survey: Survey, spec: dict, data: dict, homes: list[District], seed: str):
    """The responses and invitations of a demo survey, the same on every run."""
    rng = random.Random(seed)  # noqa: S311 (demo data, the same on every run)
    draw = _Draw(rng, spec, data, survey.based_on, homes)
    responses = []
    for _number in range(spec["responses"]):
        paper = rng.random() < spec["paper_share"]
        channel = Response.Channel.PAPER if paper else Response.Channel.ONLINE
        language, answers = draw.answers(channel)
        responses.append(
            Response(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                survey=survey,
                channel=channel,
                language=language,
                submitted_on=_day(rng, survey.opens_at, survey.closes_at),
                answers=answers,
            )
        )
    online_days = sorted(r.submitted_on for r in responses if r.channel == Response.Channel.ONLINE)
    users = get_user_model().objects.in_bulk(spec["emails"], field_name="email")
    people = [users[email] for email in spec["emails"] if email in users]
    answered = min(spec["answered"], len(online_days))
    reminder = survey.opens_at + datetime.timedelta(days=7)
    invitations = [
        Invitation(
            survey=survey,
            channel=Invitation.Channel.EMAIL,
            user=user,
            answered_at=_noon(online_days[number]) if number < answered else None,
            reminded_at=None if number < answered else reminder,
        )
        for number, user in enumerate(people)
    ]
    by_code = online_days[answered:]
    handed_out = math.ceil(len(by_code) / spec["codes_rate"])
    invitations += [
        Invitation(
            survey=survey,
            channel=Invitation.Channel.PAPER,
            answered_at=_noon(by_code[number]) if number < len(by_code) else None,
        )
        for number in range(handed_out)
    ]
    return responses, invitations


def _answers_ensure(survey: Survey, spec: dict, data: dict, homes: list[District], seed: str):
    """Write the survey's generated answers and invitations unless they are there already."""
    responses, invitations = _generated(survey, spec, data, homes, seed)
    # Kept when the same: a run on a later day moves the dates, and writes them again.
    stored = set(survey.responses.values_list("id", "submitted_on"))
    if stored == {(response.id, response.submitted_on) for response in responses} and Counter(
        survey.invitations.values_list("channel", "answered_at")
    ) == Counter((invitation.channel, invitation.answered_at) for invitation in invitations):
        return 0
    survey.responses.all().delete()
    survey.invitations.all().delete()
    Response.objects.bulk_create(responses)
    Invitation.objects.bulk_create(invitations)
    survey.invitations.update(created_at=survey.opens_at)
    return len(responses) + len(invitations)


def _title(template: dict, titles: dict, **values) -> dict:
    return {
        language: template[language].format(title=titles[language], **values)
        for language in LANGUAGES
    }


def surveys(data: dict) -> int:
    """Evaluation: the instrument for 4 finished procedures and 2 past sessions, demo answers"""
    standard = _standard()
    written = 0
    for spec in data["procedures"]:
        procedure = ProcedurePage.objects.get(slug_de=spec["procedure"])
        titles = {language: getattr(procedure, f"title_{language}") for language in LANGUAGES}
        survey = survey_copy(
            standard,
            title=_title(data["title"], titles),
            opens_at=days_from_today(spec["opens"]),
            closes_at=days_from_today(spec["closes"]),
            procedure=procedure,
        )
        homes = [row.district for row in procedure.procedure_districts.select_related("district")]
        seed = f"procedure:{spec['procedure']}"
        written += 1 + _answers_ensure(survey, spec, data, homes, seed)
    now = timezone.now()
    for spec in data["sessions"]:
        session = (
            Session.objects.filter(module__slug_de=spec["module"], end__lte=now)
            .select_related("module", "district")
            .order_by("-end")
            .first()
        )
        module = session.module
        titles = {
            language: data["session_title"][language].format(
                title=getattr(module, f"title_{language}"), date=timezone.localdate(session.end)
            )
            for language in LANGUAGES
        }
        survey = survey_copy(
            standard,
            title=_title(data["title"], titles),
            opens_at=session.end,
            closes_at=session.end + datetime.timedelta(days=spec["days_open"]),
            session=session,
        )
        homes = [session.district] if session.district else []
        seed = f"session:{spec['module']}"
        written += 1 + _answers_ensure(survey, spec, data, homes, seed)
    return written


STEPS = [
    Step("evaluation.yaml", evaluation_index),
    Step("instrument.yaml", instrument),
    Step("surveys.yaml", surveys),
]
