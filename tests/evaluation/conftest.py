"""Evaluation's staff tests read a survey of three questions: a Likert item, a single choice
with "prefer not to say", a long text."""

import factory
import pytest

from tests.factories import evaluation as factories
from tests.factories.evaluation import EvaluationIndexPageFactory

STAFF_QUESTIONS = [
    {"key": "fair", "type": "likert", "text": "Das Verfahren war fair.", "required": True},
    {
        "key": "channel",
        "type": "single",
        "text": "Wie haben Sie davon erfahren?",
        "choices": "Zeitung\nInternet\nFreunde",
        "prefer_not_to_say": True,
    },
    {"key": "comment", "type": "long_text", "text": "Was möchten Sie uns sagen?"},
]


class SurveyFactory(factories.SurveyFactory):
    """An open survey with ``STAFF_QUESTIONS`` (or ``questions=[...]``)."""

    opens_at = None
    closes_at = None

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create:
            for number, fields in enumerate(STAFF_QUESTIONS if extracted is None else extracted):
                factories.QuestionFactory(survey=self, sort_order=number, **fields)


@pytest.fixture
def evaluation_page(db):
    return EvaluationIndexPageFactory()
