"""The factories that the evaluation tests share make what they say."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_survey_comes_with_questions_of_every_type(survey, invitation, response):
    from evaluation.models import Question

    assert set(survey.questions.values_list("type", flat=True)) == set(Question.Type.values)
    assert survey.is_open()
    assert invitation.survey.questions.count() == len(survey.questions.all())
    assert invitation.answered_at is None and len(invitation.code) == 8
    assert response.answers == {"fair": "4"}
