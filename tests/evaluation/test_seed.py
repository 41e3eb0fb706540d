"""seed_demo builds the evaluation: the page in the main menu after the Schulungen, the standard
instrument with its keys, and its copies for four finished procedures and two past training
sessions with several hundred generated answers and invitations. A second run changes nothing."""

from collections import Counter

import pytest
from django.utils import timezone

from evaluation.models import NO_ANSWER, EvaluationIndexPage, Invitation, Response, Survey
from mitwirken.pages.models import HomePage
from mitwirken.places.models import District
from participation.models import ProcedurePage
from tests.helpers import seed_demo

pytestmark = pytest.mark.django_db

#: The standard instrument's questions: other parts (results, exports) rely on these keys.
INSTRUMENT = {
    "information": "likert",
    "voice": "likert",
    "fair": "likert",
    "results_clear": "likert",
    "again": "likert",
    "heard_via": "single",
    "first_time": "single",
    "age_group": "single",
    "gender": "single",
    "district": "single",
    "languages": "multiple",
    "disability": "single",
    "comments": "long_text",
}
ABOUT_YOU = {"age_group", "gender", "district", "languages", "disability"}
PROCEDURES = {
    "marktplatz-mengede",
    "quartierspark-huckarde",
    "spielplaetze-nordstadt",
    "digitale-stadt-prioritaeten",
}


def _standard():
    return Survey.objects.get(standard=True)


def _copies():
    return Survey.objects.filter(based_on=_standard())


def test_the_evaluation_page_follows_the_schulungen_in_the_main_menu(seeded):
    page = EvaluationIndexPage.objects.get()
    assert page.live and page.show_in_menus
    assert page.get_parent().specific_class is HomePage
    assert page.url == "/evaluation/"
    assert page.get_prev_sibling().slug_de == "schulungen"
    assert page.slug_en == "evaluation" and page.title_en == "Evaluation"
    # What it measures, the privacy rules, and that the demo's answers are made up.
    assert "1.000 Einwohner*innen" in page.intro_de and "weniger als fünf" in page.intro_de
    assert "generated sample data" in page.intro_en


def test_the_standard_instrument_has_the_shared_keys_types_and_sections(seeded):
    standard = _standard()
    questions = list(standard.questions.all())
    assert {q.key: q.type for q in questions} == INSTRUMENT
    assert [q.key for q in questions] == list(INSTRUMENT)
    sections = [(q.key, q.section_de, q.section_en) for q in questions if q.section_en]
    assert sections == [
        ("information", "Ihre Erfahrung", "Your experience"),
        ("heard_via", "Wie Sie teilgenommen haben", "How you took part"),
        ("age_group", "Über Sie (freiwillig)", "About you (optional)"),
    ]
    by_key = {q.key: q for q in questions}
    assert {q.key for q in questions if q.prefer_not_to_say} == ABOUT_YOU
    assert not by_key["comments"].required and not standard.is_open()
    assert all(by_key[key].required for key in INSTRUMENT if INSTRUMENT[key] == "likert")
    assert len(by_key["heard_via"].choices_de.splitlines()) == 9


def test_the_district_question_lists_the_stadtbezirke_in_order_then_outside(seeded):
    question = _standard().questions.get(key="district")
    names = [district.name_de for district in District.objects.all()]
    assert question.choices_de.splitlines() == [*names, "außerhalb Dortmunds"]
    assert question.choices_en.splitlines()[-1] == "outside Dortmund"
    assert len(names) == 12


def test_four_finished_procedures_and_two_past_sessions_have_a_copy(seeded):
    copies = _copies().select_related("procedure", "session")
    procedures = [copy.procedure for copy in copies if copy.procedure]
    sessions = [copy.session for copy in copies if copy.session]
    assert {procedure.slug_de for procedure in procedures} == PROCEDURES
    assert all(
        ProcedurePage.objects.get(pk=procedure.pk).status() in {"closed", "results"}
        for procedure in procedures
    )
    assert len(sessions) == 2 and all(session.end < timezone.now() for session in sessions)
    for copy in copies:
        assert [q.key for q in copy.questions.all()] == list(INSTRUMENT)
        assert not copy.is_open() and copy.closes_at < timezone.now()


def test_several_hundred_answers_within_the_scales_some_on_paper(seeded):
    responses = list(Response.objects.filter(survey__in=_copies()))
    assert len(responses) >= 300
    assert all(copy.responses.count() >= 5 for copy in _copies())
    channels = Counter(response.channel for response in responses)
    assert channels[Response.Channel.PAPER] >= 50 and channels[Response.Channel.ONLINE] >= 200
    first_time = sum(response.answers["first_time"] == "1" for response in responses)
    assert 0.3 < first_time / len(responses) < 0.5
    lines = {q.key: len(q.choice_lines()) for q in _standard().questions.all()}
    for response in responses:
        answers = response.answers
        assert set(answers) <= set(INSTRUMENT)
        assert all(answers[key] in {"1", "2", "3", "4", "5"} for key in list(INSTRUMENT)[:5])
        for key in ("heard_via", "first_time", *(ABOUT_YOU - {"languages"})):
            if key in answers and answers[key] != NO_ANSWER:
                assert 1 <= int(answers[key]) <= lines[key]
        if answers.get("languages", NO_ANSWER) != NO_ANSWER:
            assert all(1 <= int(value) <= lines["languages"] for value in answers["languages"])


def test_most_answers_come_from_the_procedures_district(seeded):
    survey = _copies().get(procedure__slug_de="marktplatz-mengede")
    mengede = list(District.objects.all()).index(District.objects.get(slug="mengede")) + 1
    districts = Counter(response.answers.get("district") for response in survey.responses.all())
    given = sum(count for value, count in districts.items() if value not in {None, NO_ANSWER})
    assert districts[str(mengede)] / given > 0.7


def test_analog_participants_hear_of_it_differently_than_online_ones(seeded):
    responses = Response.objects.filter(survey__in=_copies())
    newspaper, social_media = "1", "3"

    def share(channel, value):
        answers = [r.answers["heard_via"] for r in responses.filter(channel=channel)]
        return answers.count(value) / len(answers)

    assert share(Response.Channel.PAPER, newspaper) > share(Response.Channel.ONLINE, newspaper)
    assert share(Response.Channel.ONLINE, social_media) > share(
        Response.Channel.PAPER, social_media
    )


def test_invitations_by_mail_and_printed_code_some_answered(seeded):
    for copy in _copies():
        invitations = copy.invitations.all()
        answered = invitations.exclude(answered_at=None).count()
        assert 0 < answered < invitations.count()
        online = copy.responses.filter(channel=Response.Channel.ONLINE).count()
        assert answered == online
    channels = Counter(Invitation.objects.values_list("channel", flat=True))
    assert channels[Invitation.Channel.EMAIL] and channels[Invitation.Channel.PAPER]
    assert not Invitation.objects.filter(channel=Invitation.Channel.PAPER, user__isnull=False)


def test_a_second_run_changes_nothing(seeded):
    def state():
        return (
            list(Survey.objects.order_by("pk").values_list("pk", "title_de", "based_on")),
            Counter(Survey.objects.values_list("questions__key", flat=True)),
            sorted(Response.objects.values_list("id", "submitted_on")),
            Counter(Invitation.objects.values_list("survey", "channel", "user", "answered_at")),
        )

    before = state()
    seed_demo()
    assert state() == before
