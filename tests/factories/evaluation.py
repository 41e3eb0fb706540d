"""Evaluation: the evaluation page, surveys with their questions, invitations and responses."""

import datetime

import factory
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.pages import SingletonPageFactory

#: The questions of a ``SurveyFactory`` unless a test gives its own: every type, two sections,
#: a condition (``heard_other`` only after "3" for ``heard``), and "prefer not to say".
QUESTIONS = [
    {
        "key": "fair",
        "section": "Wie war es?",
        "text": "Das Verfahren war fair.",
        "type": "likert",
        "required": True,
    },
    {
        "key": "info",
        "text": "Wie bewerten Sie die Informationen?",
        "type": "matrix",
        "choices": "Die Informationen reichten aus.\nDie Informationen waren verständlich.",
    },
    {
        "key": "heard",
        "text": "Wie haben Sie davon erfahren?",
        "type": "single",
        "choices": "Internet\nZeitung\nFreunde oder Familie",
        "required": True,
        "prefer_not_to_say": True,
    },
    {
        "key": "heard_other",
        "text": "Wer hat Ihnen davon erzählt?",
        "type": "short_text",
        "show_if_key": "heard",
        "show_if_value": "3",
    },
    {
        "key": "age",
        "section": "Über Sie",
        "text": "Wie alt sind Sie?",
        "help_text": "In Jahren.",
        "type": "number",
        "minimum": 14,
        "maximum": 110,
        "prefer_not_to_say": True,
    },
    {
        "key": "languages",
        "text": "Welche Sprachen sprechen Sie zu Hause?",
        "type": "multiple",
        "choices": "Deutsch\nTürkisch\nArabisch\nEnglisch",
    },
    {
        "key": "comment",
        "text": "Was möchten Sie uns noch sagen?",
        "type": "long_text",
    },
]


class EvaluationIndexPageFactory(SingletonPageFactory):
    """Evaluation at /evaluation/."""

    class Meta:
        model = "evaluation.EvaluationIndexPage"

    title = "Evaluation"
    slug = "evaluation"


class SurveyFactory(factory.django.DjangoModelFactory):
    """A survey open since yesterday for two weeks, with ``QUESTIONS`` (or ``questions=[...]``
    as dicts of Question fields, German texts; ``questions=[]`` for none)."""

    class Meta:
        model = "evaluation.Survey"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Befragung {n}")
    title_de = factory.SelfAttribute("title")
    intro = "Ihre Antworten helfen uns, Beteiligung besser zu machen."
    intro_de = factory.SelfAttribute("intro")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if not create:
            return
        for number, fields in enumerate(QUESTIONS if extracted is None else extracted):
            QuestionFactory(survey=self, sort_order=number, **fields)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question of a survey; German texts are copied to the ``_de`` fields."""

    class Meta:
        model = "evaluation.Question"

    survey = factory.SubFactory(SurveyFactory, questions=[])
    key = factory.Sequence(lambda n: f"frage-{n}")
    text = factory.Sequence(lambda n: f"Frage {n}")
    type = "single"
    choices = "Ja\nNein"
    sort_order = factory.Sequence(lambda n: n)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for name in ("section", "text", "help_text", "choices"):
            kwargs.setdefault(f"{name}_de", kwargs.get(name, ""))
        return super()._create(model_class, *args, **kwargs)


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation by e-mail to a new person; ``channel="paper", user=None`` for a printed
    code."""

    class Meta:
        model = "evaluation.Invitation"

    survey = factory.SubFactory(SurveyFactory)
    channel = "email"
    user = factory.SubFactory(UserFactory)


class ResponseFactory(factory.django.DjangoModelFactory):
    """An online response with ``answers`` (default: agreement "4" that it was fair)."""

    class Meta:
        model = "evaluation.Response"

    survey = factory.SubFactory(SurveyFactory)
    channel = "online"
    language = "de"
    answers = factory.LazyFunction(lambda: {"fair": "4"})
