"""The research exports: the anonymised answers of a survey, or of every copy of the standard
instrument (its core items only), as CSV and JSON, with a data dictionary.

What leaves the portal: the survey (its id and what it evaluates), the channel, the language,
the day and the answers by question key. Never an account, address, name, invitation, token or
code: a ``Response`` holds none of them, and these functions read nothing else.
"""

import csv
import io
import json

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import NO_ANSWER, Question, Response, Survey

#: The five points of an agreement scale, by the code an answer stores.
LIKERT_SCALE = {
    "1": _("strongly disagree"),
    "2": _("disagree"),
    "3": _("neither agree nor disagree"),
    "4": _("agree"),
    "5": _("strongly agree"),
}
LANGUAGES = ("de", "en")
#: What every response has besides its answers; in the CSV as ``response.<name>`` (a question's
#: key has no dot, so they never clash).
META_COLUMNS = ("survey", "evaluates", "channel", "language", "submitted_on")
CHOICE_TYPES = {Question.Type.SINGLE, Question.Type.MULTIPLE}


def _in_languages(fn) -> dict[str, str]:
    labels = {}
    for language in LANGUAGES:
        with translation.override(language):
            labels[language] = str(fn())
    return labels


def _codes(question: Question) -> list[dict]:
    if question.type in CHOICE_TYPES:
        lines = {language: question_lines(question, language) for language in LANGUAGES}
        codes = [
            {
                "code": str(number),
                **{f"label_{lang}": lines[lang][number - 1] for lang in LANGUAGES},
            }
            for number in range(1, len(lines["de"]) + 1)
        ]
    elif question.type in (Question.Type.LIKERT, Question.Type.MATRIX):
        codes = [
            {
                "code": code,
                **{
                    f"label_{lang}": text
                    for lang, text in _in_languages(lambda label=label: label).items()
                },
            }
            for code, label in LIKERT_SCALE.items()
        ]
    else:
        codes = []
    if question.prefer_not_to_say:
        codes.append(
            {
                "code": NO_ANSWER,
                **{
                    f"label_{lang}": text
                    for lang, text in _in_languages(lambda: _("prefer not to say")).items()
                },
            }
        )
    return codes


def question_lines(question: Question, language: str) -> list[str]:
    """The choices or items of ``question`` in ``language`` (German where it has none)."""
    text = getattr(question, f"choices_{language}", "") or question.choices_de or question.choices
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def columns(question: Question) -> list[str]:
    """A question's columns: its key, or ``key.item`` per item of a matrix."""
    if question.type == Question.Type.MATRIX:
        return [f"{question.key}.{n}" for n in range(1, len(question_lines(question, "de")) + 1)]
    return [question.key]


def data_dictionary(questions) -> list[dict]:
    """What each column means: key, type, labels in German and English, value codes."""
    entries = []
    for question in questions:
        entry = {
            "key": question.key,
            "type": question.type,
            "columns": columns(question),
            "required": question.required,
            **{
                f"label_{lang}": getattr(question, f"text_{lang}", "") or question.text
                for lang in LANGUAGES
            },
            "codes": _codes(question),
        }
        if question.type == Question.Type.MATRIX:
            entry["items"] = [
                {
                    "column": column,
                    **{f"label_{lang}": question_lines(question, lang)[n] for lang in LANGUAGES},
                }
                for n, column in enumerate(entry["columns"])
            ]
        if question.type == Question.Type.MULTIPLE:
            entry["separator"] = ";"
        entries.append(entry)
    return entries


def _cell(question: Question, value) -> dict[str, str]:
    if question.type == Question.Type.MATRIX:
        value = value if isinstance(value, dict) else {}
        return {f"{question.key}.{item}": str(answer) for item, answer in value.items()}
    if isinstance(value, list):
        return {question.key: ";".join(str(item) for item in value)}
    return {question.key: "" if value is None else str(value)}


def rows(surveys, questions) -> list[dict]:
    """One row per response of ``surveys`` with the answers to ``questions`` (by key): two
    queries, whatever the number of answers."""
    evaluates = {
        survey.pk: str(survey.procedure or survey.session or survey.format or "")
        for survey in surveys
    }
    result = []
    responses = Response.objects.filter(survey__in=list(evaluates)).order_by(
        "survey_id", "submitted_on", "id"
    )
    for response in responses.only("survey_id", "channel", "language", "submitted_on", "answers"):
        row = {
            "survey": response.survey_id,
            "evaluates": evaluates[response.survey_id],
            "channel": response.channel,
            "language": response.language,
            "submitted_on": response.submitted_on.isoformat(),
            "answers": {},
        }
        for question in questions:
            row["answers"].update(_cell(question, response.answers.get(question.key)))
        result.append(row)
    return result


def survey_export(survey: Survey) -> dict:
    questions = list(survey.questions.order_by("sort_order", "pk"))
    return {
        "survey": {"id": survey.pk, "title": survey.title},
        "dictionary": data_dictionary(questions),
        "responses": rows([survey], questions),
    }


def standard_export(standard: Survey) -> dict:
    """Every copy of the standard instrument, its core items (the standard's own keys)."""
    questions = list(standard.questions.order_by("sort_order", "pk"))
    copies = list(
        Survey.objects.filter(based_on=standard).select_related("procedure", "session", "format")
    )
    return {
        "survey": {"id": standard.pk, "title": standard.title, "copies": [s.pk for s in copies]},
        "dictionary": data_dictionary(questions),
        "responses": rows(copies, questions),
    }


def as_json(export: dict) -> str:
    return json.dumps(export, ensure_ascii=False, indent=2)


def as_csv(export: dict) -> str:
    meta = [f"response.{name}" for name in META_COLUMNS]
    fieldnames = [*meta]
    for entry in export["dictionary"]:
        fieldnames.extend(entry["columns"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fieldnames, extrasaction="ignore")
    writer.writeheader()
    for row in export["responses"]:
        writer.writerow(
            {**{f"response.{name}": row[name] for name in META_COLUMNS}, **row["answers"]}
        )
    return out.getvalue()


def dictionary_csv(export: dict) -> str:
    """The data dictionary as CSV: a line per column and value code."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["column", "type", "label_de", "label_en", "code", "code_label_de", "code_label_en"]
    )
    for entry in export["dictionary"]:
        items = entry.get("items") or [
            {"column": entry["key"], "label_de": entry["label_de"], "label_en": entry["label_en"]}
        ]
        for item in items:
            labels = [item["label_de"], item["label_en"]]
            if entry.get("items"):
                labels = [
                    f"{entry['label_de']}: {item['label_de']}",
                    f"{entry['label_en']}: {item['label_en']}",
                ]
            writer.writerow([item["column"], entry["type"], *labels, "", "", ""])
            for code in entry["codes"]:
                writer.writerow(
                    [item["column"], "", "", "", code["code"], code["label_de"], code["label_en"]]
                )
    return out.getvalue()
