"""Evaluation tests: minimal factories (the answering work adds tests/factories/evaluation.py)
and the answering route's name, registered here while the answering views are not on main."""

import factory
import pytest

from evaluation.models import EvaluationIndexPage
from mitwirken.pages.kit import _routes, page_route
from tests.factories.pages import SingletonPageFactory

_names = {route.name for route in _routes.get(EvaluationIndexPage, ())}


def _not_here(request, page, **kwargs):  # pragma: no cover - only the URLs are used
    raise NotImplementedError


if "survey_answer" not in _names:
    page_route(EvaluationIndexPage, "umfrage/<str:token>/", name="survey_answer")(_not_here)
if "survey_code" not in _names:
    page_route(EvaluationIndexPage, "umfrage/", name="survey_code")(_not_here)


class EvaluationIndexPageFactory(SingletonPageFactory):
    class Meta:
        model = "evaluation.EvaluationIndexPage"

    title = "Evaluation"
    slug = "evaluation"


class SurveyFactory(factory.django.DjangoModelFactory):
    """An open survey (no dates) with three questions: a Likert item, a single choice with
    "prefer not to say", a long text."""

    class Meta:
        model = "evaluation.Survey"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Befragung {n}")

    @factory.post_generation
    def questions(survey, create, extracted, **kwargs):
        from evaluation.models import Question

        specs = (
            extracted
            if extracted is not None
            else [
                {
                    "key": "fair",
                    "type": "likert",
                    "text": "Das Verfahren war fair.",
                    "required": True,
                },
                {
                    "key": "channel",
                    "type": "single",
                    "text": "Wie haben Sie davon erfahren?",
                    "choices": "Zeitung\nInternet\nFreunde",
                    "prefer_not_to_say": True,
                },
                {"key": "comment", "type": "long_text", "text": "Was möchten Sie uns sagen?"},
            ]
        )
        for order, spec in enumerate(specs):
            Question.objects.create(survey=survey, sort_order=order, **spec)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "evaluation.Response"

    survey = factory.SubFactory(SurveyFactory)
    answers = factory.LazyFunction(lambda: {"fair": "4", "channel": "2", "comment": "Gut."})


@pytest.fixture
def evaluation_page(db):
    return EvaluationIndexPageFactory()
