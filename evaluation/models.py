"""Evaluation: surveys with their questions, invitations, anonymous responses, and the public
page of reach and results.

Anonymous by design: a ``Response`` holds the answers, the channel and the day it came, and
nothing that leads to a person. Who was invited (``Invitation``) and who answered while signed
in (``Respondent``) are rows of their own with no key to the response.
"""

import dataclasses
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from mitwirken.pages.kit import RoutablePage
from mitwirken.pages.models import IndexPage

#: Fewer answers than this in a group and no number of it is shown publicly.
SMALL_GROUP = 5
#: The value of "prefer not to say".
NO_ANSWER = "na"


class EvaluationIndexPage(RoutablePage, IndexPage):
    """/evaluation/: reach and results for the whole city, and per procedure, district and
    format (routes in ``views``), and the surveys' answer pages."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    template = "evaluation/evaluation_index_page.html"

    class Meta:
        verbose_name = _("evaluation page")


class Survey(index.Indexed, ClusterableModel):
    """A questionnaire: about a procedure, a training session, the trial of a format, or on
    its own. The standard instrument is a survey marked ``standard``; staff copy it and add
    questions, and its questions' keys stay the same, so the core items compare."""

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    standard = models.BooleanField(
        _("standard instrument"),
        default=False,
        help_text=_("The template that surveys copy; it takes no answers itself."),
    )
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    procedure = models.ForeignKey(
        "participation.ProcedurePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        verbose_name=_("procedure"),
    )
    session = models.ForeignKey(
        "training.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        verbose_name=_("training session"),
    )
    format = models.ForeignKey(
        "toolkit.FormatPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        verbose_name=_("format tried"),
        help_text=_("For the trial of a format; a procedure's formats count anyway."),
    )
    opens_at = models.DateTimeField(_("open from"), null=True, blank=True)
    closes_at = models.DateTimeField(_("open until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("procedure"), FieldPanel("session"), FieldPanel("format")],
            heading=_("What it evaluates"),
        ),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("standard"),
        InlinePanel("questions", heading=_("Questions"), label=_("question")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        permissions = [("export_survey", _("Can export the anonymised answers of a survey"))]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A survey must close after it opens.")})

    def pages(self) -> list["SurveyPage"]:
        """The questions as the pages of the form, in order: a new page where a question begins
        a section, and where a question depends on an answer given on the same page (conditions
        are evaluated on the server between pages)."""
        pages: list[SurveyPage] = []
        title = ""
        for question in self.questions.all():
            keys = {other.key for other in pages[-1].questions} if pages else set()
            if question.section:
                title = question.section
            if not pages or question.section or question.show_if_key in keys:
                pages.append(SurveyPage(title=title, questions=[]))
            pages[-1].questions.append(question)
        return pages

    def answers_kept(self, answers: dict) -> dict:
        """``answers`` without those to questions that they do not show (an earlier answer
        changed), nor to questions that are not in the survey."""
        kept = {}
        for question in self.questions.all():
            if question.key in answers and question.shown(kept):
                kept[question.key] = answers[question.key]
        return kept

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.standard:
            return False
        return (self.opens_at is None or self.opens_at <= now) and (
            self.closes_at is None or now < self.closes_at
        )


@dataclasses.dataclass
class SurveyPage:
    """One page of a survey's form: its section's title and its questions."""

    title: str
    questions: list["Question"]

    def shown(self, answers: dict) -> list["Question"]:
        return [question for question in self.questions if question.shown(answers)]


class Question(Orderable):
    """One question. ``key`` names it in the answers and the exports (the standard
    instrument's keys are the same in every copy). Choices and matrix items are lines of text in
    each language; an answer stores a line's number, so German and English keep the same order.
    A question with a ``section`` title begins a new section (a page of the form)."""

    class Type(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        LIKERT = "likert", _("agreement (5-point scale)")
        MATRIX = "matrix", _("matrix of agreement items")
        NUMBER = "number", _("number")
        SHORT_TEXT = "short_text", _("short text")
        LONG_TEXT = "long_text", _("long text")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_("Names the question in exports, for example 'fair'. Unique in the survey."),
    )
    section = models.CharField(
        _("begins a section"),
        max_length=200,
        blank=True,
        help_text=_("The section's title when this question begins a new section."),
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    required = models.BooleanField(_("required"), default=False)
    prefer_not_to_say = models.BooleanField(_("offer 'prefer not to say'"), default=False)
    choices = models.TextField(
        _("choices or items"),
        blank=True,
        help_text=_(
            "One per line: the choices, or a matrix's items. Same order in every language."
        ),
    )
    minimum = models.IntegerField(_("smallest number"), null=True, blank=True)
    maximum = models.IntegerField(_("largest number"), null=True, blank=True)
    show_if_key = models.SlugField(
        _("only if question"),
        max_length=40,
        blank=True,
        help_text=_("Key of an earlier question: this one is asked only after a given answer."),
    )
    show_if_value = models.CharField(
        _("was answered with"),
        max_length=40,
        blank=True,
        help_text=_("The number of the earlier question's choice, for example 1."),
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("type"), FieldPanel("required")]),
        FieldPanel("section"),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum")]),
        FieldPanel("prefer_not_to_say"),
        FieldRowPanel([FieldPanel("show_if_key"), FieldPanel("show_if_value")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="question_key_once_per_survey")
        ]

    def __str__(self):
        return self.text

    def shown(self, answers: dict) -> bool:
        """Whether the question is asked after ``answers``: always, or when the earlier
        question ``show_if_key`` was answered with ``show_if_value`` (one of a multiple
        choice's)."""
        if not self.show_if_key:
            return True
        value = answers.get(self.show_if_key)
        if isinstance(value, list):
            return self.show_if_value in value
        return value is not None and str(value) == self.show_if_value

    def choice_lines(self) -> list[str]:
        """The choices (or matrix items) in the active language, numbered from 1."""
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code() -> str:
    """A short code to type from paper: 8 letters and digits that cannot be mistaken."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Invitation(models.Model):
    """An invitation to answer a survey once: by mail with a link (``token``), or on paper
    with a short ``code`` that staff hand out at an event. Answering uses it up; the answers
    do not know which invitation brought them."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        PAPER = "paper", _("printed code")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Whom the mail went to; empty for a printed code."),
    )
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    code = models.CharField(max_length=12, unique=True, default=new_code, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    draft = models.JSONField(
        _("answers saved for later"),
        default=dict,
        blank=True,
        help_text=_("Kept while the survey is in progress, emptied when it is sent."),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=models.Q(user__isnull=False),
                name="invite_a_person_once_per_survey",
            )
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.get_channel_display()}"


class Respondent(models.Model):
    """That a signed-in person has answered a survey (so they answer once), kept apart from
    what they answered."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="answer_once_per_person")
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.user_id}"


class Response(models.Model):
    """One person's answers: ``{key: value}``, a value being a choice's number (as text), a
    list of them, ``{item number: scale value}`` for a matrix, a number, a text, or
    ``NO_ANSWER``. No account, address, name, invitation or time of day."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("on paper, entered by staff")

    #: Random, so that the order of the rows says nothing about who answered when.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(
        _("channel"), max_length=8, choices=Channel.choices, default=Channel.ONLINE
    )
    language = models.CharField(_("language"), max_length=10, default="de")
    submitted_on = models.DateField(_("day"), default=timezone.localdate)
    answers = models.JSONField(_("answers"), default=dict)

    class Meta:
        ordering = ["submitted_on"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self):
        return f"{self.survey_id}: {self.pk}"
