"""Answering a survey: the form of one page of its questions, and the one place where answers
are checked (a value outside a scale, a required question left empty).

A page's answers come out of ``AnswerForm.answers()`` as the ``Response.answers`` values
(see ``evaluation.models.Response``) and go back in with ``answer_data``, so a page shows
what was answered before, also from a draft.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitwirken.web.forms import HoneypotForm

from .models import NO_ANSWER, Question, Survey

#: The five points of an agreement scale, stored as "1" to "5".
LIKERT = [
    ("1", _("Strongly disagree")),
    ("2", _("Disagree")),
    ("3", _("Neither agree nor disagree")),
    ("4", _("Agree")),
    ("5", _("Strongly agree")),
]
PREFER_NOT_TO_SAY = _("Prefer not to say")
REQUIRED = _("Please answer this question.")
NOT_OFFERED = _("Please choose one of the answers offered.")
BOTH = _("Please choose either answers or “Prefer not to say”, not both.")
CHOICE_GROUP = "evaluation/fields/choice_group.html"
CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)
SHORT_TEXT_LENGTH, LONG_TEXT_LENGTH = 300, 5000


def _choices(question: Question, lines) -> list[tuple[str, str]]:
    choices = list(lines)
    if question.prefer_not_to_say:
        choices.append((NO_ANSWER, PREFER_NOT_TO_SAY))
    return choices


def _numbered(question: Question) -> list[tuple[str, str]]:
    return [(str(number), line) for number, line in enumerate(question.choice_lines(), 1)]


def _number_range(question: Question) -> str:
    low, high = question.minimum, question.maximum
    if low is not None and high is not None:
        return _("Please enter a whole number from %(low)s to %(high)s.") % {
            "low": low,
            "high": high,
        }
    if low is not None:
        return _("Please enter a whole number of at least %(low)s.") % {"low": low}
    if high is not None:
        return _("Please enter a whole number of at most %(high)s.") % {"high": high}
    return _("Please enter a whole number.")


def _na(key: str) -> str:
    return f"{key}-{NO_ANSWER}"


def _item(key: str, number: int) -> str:
    return f"{key}-{number}"


class AnswerForm(HoneypotForm):
    """The questions of one page (those shown after the answers so far). ``partial``: nothing
    is required, for "back" and "save and continue later"; a value that is not offered is
    refused all the same."""

    def __init__(self, questions: list[Question], *args, partial: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.partial = partial
        #: What the template shows, in order: (question, kind, [bound fields]).
        self.blocks = []
        website = self.fields.pop("website")
        for question in questions:
            self._add(question)
        self.fields["website"] = website

    def _field(self, name: str, field: forms.Field) -> str:
        field.error_messages.update(required=REQUIRED, invalid_choice=NOT_OFFERED)
        self.fields[name] = field
        return name

    def _add(self, question: Question):
        required = question.required and not self.partial
        key, kind, Type = question.key, "field", Question.Type
        label, help_text = question.text, question.help_text
        if question.type in (Type.SINGLE, Type.LIKERT):
            lines = LIKERT if question.type == Type.LIKERT else _numbered(question)
            field = forms.ChoiceField(
                label=label,
                help_text=help_text,
                required=required,
                choices=_choices(question, lines),
                widget=forms.RadioSelect,
            )
            names = [self._field(key, field)]
        elif question.type == Type.MULTIPLE:
            field = forms.MultipleChoiceField(
                label=label,
                help_text=help_text,
                required=required,
                choices=_choices(question, _numbered(question)),
                widget=forms.CheckboxSelectMultiple,
            )
            names = [self._field(key, field)]
        elif question.type == Type.MATRIX:
            kind = "matrix"
            items = [
                self._field(
                    _item(key, number),
                    forms.ChoiceField(
                        label=line,
                        required=required,
                        choices=_choices(question, LIKERT),
                        widget=forms.RadioSelect,
                    ),
                )
                for number, line in enumerate(question.choice_lines(), 1)
            ]
            for name in items:
                self.fields[name].in_matrix = True
            names = items
        elif question.type == Type.NUMBER:
            message = _number_range(question)
            field = forms.IntegerField(
                label=label,
                help_text=help_text,
                required=required and not question.prefer_not_to_say,
                min_value=question.minimum,
                max_value=question.maximum,
                error_messages={"invalid": message, "min_value": message, "max_value": message},
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
            names = [self._field(key, field)]
            if question.prefer_not_to_say:
                no_answer = forms.BooleanField(label=PREFER_NOT_TO_SAY, required=False)
                names.append(self._field(_na(key), no_answer))
        else:
            long = question.type == Type.LONG_TEXT
            field = forms.CharField(
                label=label,
                help_text=help_text,
                required=required,
                max_length=LONG_TEXT_LENGTH if long else SHORT_TEXT_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}) if long else forms.TextInput,
            )
            names = [self._field(key, field)]
        for name in names:
            if isinstance(self.fields[name].widget, CHOICE_WIDGETS):
                self.fields[name].template_name = CHOICE_GROUP
        self.blocks.append((question, kind, names))

    def bound_blocks(self):
        """``blocks`` with bound fields, for the template."""
        return [
            {"question": question, "kind": kind, "fields": [self[name] for name in names]}
            for question, kind, names in self.blocks
        ]

    def clean(self):
        cleaned_data = super().clean()
        for question, _kind, _names in self.blocks:
            key = question.key
            value = cleaned_data.get(key)
            if question.type == Question.Type.MULTIPLE and value and NO_ANSWER in value:
                if len(value) > 1:
                    self.add_error(key, BOTH)
            elif question.type == Question.Type.NUMBER and question.prefer_not_to_say:
                if cleaned_data.get(_na(key)) and value is not None:
                    self.add_error(key, BOTH)
                elif (
                    question.required
                    and not self.partial
                    and value is None
                    and not cleaned_data.get(_na(key))
                    and key not in self.errors
                ):
                    self.add_error(key, REQUIRED)
        return cleaned_data

    def answers(self) -> dict:
        """The page's answers that are valid, as ``Response.answers`` values; a question
        left empty has none."""
        data, answers = getattr(self, "cleaned_data", {}), {}
        for question, _kind, names in self.blocks:
            key = question.key
            if question.type == Question.Type.MATRIX:
                items = {name.rpartition("-")[2]: data[name] for name in names if data.get(name)}
                value = items or None
            elif question.type == Question.Type.MULTIPLE:
                value = data.get(key) or None
                value = NO_ANSWER if value == [NO_ANSWER] else value
            elif question.type == Question.Type.NUMBER:
                value = NO_ANSWER if data.get(_na(key)) else data.get(key)
            else:
                value = (data.get(key) or "").strip() or None
            if value is not None and key not in self.errors:
                answers[key] = value
        return answers


def answer_data(questions: list[Question], answers: dict) -> dict:
    """``answers`` as the data of an ``AnswerForm`` of ``questions``: to show them again, and
    to check them once more before they are sent."""
    data = {}
    for question in questions:
        value = answers.get(question.key)
        if value is None:
            continue
        key = question.key
        if question.type == Question.Type.MATRIX and isinstance(value, dict):
            data.update({_item(key, number): item for number, item in value.items()})
        elif question.type == Question.Type.MULTIPLE:
            data[key] = value if isinstance(value, list) else [value]
        elif question.type == Question.Type.NUMBER and value == NO_ANSWER:
            data[_na(key)] = "on"
        else:
            data[key] = str(value)
    return data


def first_page_to_complete(survey: Survey, answers: dict) -> int | None:
    """The number of the first page (of ``survey.pages()``) whose answers are missing or not
    valid, or ``None`` when all of them can be sent."""
    for number, page in enumerate(survey.pages()):
        questions = page.shown(answers)
        if questions and not AnswerForm(questions, answer_data(questions, answers)).is_valid():
            return number
    return None


class CodeForm(HoneypotForm):
    """The code of a printed invitation, in any case, with or without spaces."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The eight letters and digits on your printed invitation."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).replace("-", "").upper()
