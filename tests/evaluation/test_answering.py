"""Answering a survey with the link of an invitation, a printed code or signed in: page by page,
with conditions, checks and a draft to continue later; once, and without a trace to the
person in the stored answers."""

import datetime

import pytest
from django.db import models
from django.utils import timezone

from evaluation import forms, rules, services
from evaluation.models import NO_ANSWER, Invitation, Respondent, Response
from mitwirken.pages.kit import route_url
from tests.factories.evaluation import EvaluationIndexPageFactory, InvitationFactory, SurveyFactory
from tests.helpers import parsed, ui

pytestmark = pytest.mark.django_db

FIRST_PAGE = {"fair": "4", "info-1": "5", "info-2": "2", "heard": "1"}
LAST_PAGE = {"age": "42", "languages": ["1", "2"], "comment": "Mehr Termine am Abend, bitte."}


@pytest.fixture
def index(home_page):
    return EvaluationIndexPageFactory()


@pytest.fixture
def invited(index):
    return InvitationFactory()


def link(invitation) -> str:
    return route_url(EvaluationIndexPageFactory(), "survey_invitation", invitation.token)


def send(client, url, page: int, action: str = "next", **data):
    return client.post(url, {"page": str(page), "action": action, **data})


def text_of(response) -> str:
    return parsed(response).get_text(" ", strip=True)


def test_the_link_leads_through_the_sections_and_stores_every_type(client, invited):
    url = link(invited)

    first = client.get(url)
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"]
    html = parsed(first)
    assert html.h1.get_text(strip=True) == invited.survey.title
    assert [legend.get_text(" ", strip=True) for legend in html.select("legend")][:2] == [
        "Das Verfahren war fair.",
        f"Wie bewerten Sie die Informationen? – {ui('optional')}",
    ]
    assert ui("Strongly agree") in text_of(first)

    to_last = send(client, url, 0, **FIRST_PAGE)
    assert to_last.status_code == 302 and to_last["Location"].endswith("?seite=2#survey")
    last = client.get(to_last["Location"])
    assert "Über Sie" in text_of(last)
    assert ui("Send my answers") in text_of(last)

    done = send(client, url, 2, "send", **LAST_PAGE)

    assert done.status_code == 302
    assert ui("Thank you for taking part!") in text_of(client.get(done["Location"]))
    response = Response.objects.get()
    assert response.answers == {
        "fair": "4",
        "info": {"1": "5", "2": "2"},
        "heard": "1",
        "age": 42,
        "languages": ["1", "2"],
        "comment": "Mehr Termine am Abend, bitte.",
    }
    assert response.channel == "online" and response.submitted_on == timezone.localdate()
    invited.refresh_from_db()
    assert invited.answered_at is not None and invited.draft == {}
    assert Respondent.objects.filter(survey=invited.survey, user=invited.user).exists()


def test_a_condition_asks_the_follow_up_only_after_its_answer(client, invited):
    url = link(invited)

    follow_up = send(client, url, 0, **{**FIRST_PAGE, "heard": "3"})

    assert follow_up["Location"].endswith("?seite=1#survey")
    assert "Wer hat Ihnen davon erzählt?" in text_of(client.get(follow_up["Location"]))
    send(client, url, 1, heard_other="Meine Nachbarin")
    # Changed back: the follow-up and its answer are gone.
    assert send(client, url, 0, **FIRST_PAGE)["Location"].endswith("?seite=2#survey")
    send(client, url, 2, "send", **LAST_PAGE)
    assert "heard_other" not in Response.objects.get().answers


def test_prefer_not_to_say_is_an_answer_of_its_own(client, invited):
    url = link(invited)
    send(client, url, 0, **{**FIRST_PAGE, "heard": NO_ANSWER})

    send(client, url, 2, "send", **{"age-na": "on", "languages": []})

    answers = Response.objects.get().answers
    assert answers["heard"] == NO_ANSWER and answers["age"] == NO_ANSWER


def test_a_required_question_left_empty_keeps_the_other_answers(client, invited):
    page = send(client, link(invited), 0, **{**FIRST_PAGE, "fair": ""})

    assert page.status_code == 200
    html = parsed(page)
    assert ui("Please check your answers") in text_of(page)
    assert html.select_one("#id_fair_error").get_text(strip=True) == ui(forms.REQUIRED)
    assert html.select_one('a[href="#id_fair_0"]')
    assert html.select_one("#id_info-1_4").has_attr("checked")  # "5", kept
    assert html.select_one("#id_heard_0").has_attr("checked")
    assert html.select_one("#id_fair_0")["aria-describedby"] == "id_fair_error"
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fair", "9", forms.NOT_OFFERED),
        ("info-2", "0", forms.NOT_OFFERED),
        ("heard", "7", forms.NOT_OFFERED),
    ],
)
def test_a_value_outside_the_scale_is_refused(client, invited, field, value, message):
    page = send(client, link(invited), 0, **{**FIRST_PAGE, field: value})

    assert page.status_code == 200
    assert parsed(page).select_one(f"#id_{field}_error").get_text(strip=True) == ui(message)
    assert Invitation.objects.get().draft == {}


def test_a_number_outside_its_range_and_both_answers_are_refused(client, invited):
    url = link(invited)
    send(client, url, 0, **FIRST_PAGE)

    too_old = send(client, url, 2, "send", age="200")
    both = send(client, url, 2, "send", **{"age": "30", "age-na": "on"})

    expected = ui("Please enter a whole number from %(low)s to %(high)s.") % {
        "low": 14,
        "high": 110,
    }
    assert parsed(too_old).select_one("#id_age_error").get_text(strip=True) == expected
    assert parsed(both).select_one("#id_age_error").get_text(strip=True) == ui(forms.BOTH)
    assert Response.objects.count() == 0


def test_save_and_continue_later_resumes_from_the_draft(client, invited):
    url = link(invited)

    saved = send(client, url, 0, "save", **{**FIRST_PAGE, "fair": ""})

    assert ui("Saved") in text_of(saved)
    assert ui(
        "Your answers are saved. To continue, open the link in your e-mail again: "
        "the survey continues where you left off."
    ) in text_of(saved)
    invited.refresh_from_db()
    assert invited.draft["heard"] == "1" and "fair" not in invited.draft
    again = parsed(client.get(url))
    assert again.select_one("#id_heard_0").has_attr("checked")
    assert not again.select_one("#id_fair_3").has_attr("checked")
    # With the first page complete, the link goes on at the next one with nothing answered.
    send(client, url, 0, **FIRST_PAGE)
    assert "Über Sie" in text_of(client.get(url))


def test_back_keeps_what_was_answered(client, invited):
    url = link(invited)
    send(client, url, 0, **FIRST_PAGE)

    back = send(client, url, 2, "back", age="30")

    assert back["Location"].endswith("?seite=0#survey")
    assert Invitation.objects.get().draft["age"] == 30


def test_the_same_link_answers_once(client, invited):
    url = link(invited)
    send(client, url, 0, **FIRST_PAGE)
    send(client, url, 2, "send", **LAST_PAGE)

    again = client.get(url)
    resent = send(client, url, 2, "send", **LAST_PAGE)

    assert ui(rules.ALREADY_ANSWERED) in text_of(again)
    assert ui(rules.ALREADY_ANSWERED) in text_of(resent)
    assert Response.objects.count() == 1


def test_a_closed_survey_takes_no_answers(client, index):
    invitation = InvitationFactory(
        survey=SurveyFactory(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    )

    page = client.get(link(invitation))
    sent = send(client, link(invitation), 0, **FIRST_PAGE)

    assert ui("This survey is closed") in text_of(page)
    assert ui(rules.CLOSED) in text_of(sent)
    assert Response.objects.count() == 0 and Invitation.objects.get().draft == {}


def test_a_tampered_link_is_not_found(client, invited):
    page = client.get(link(invited)[:-3] + "xyz/")

    assert page.status_code == 404
    assert parsed(page).h1.get_text(strip=True) == ui("Link not valid")


def test_a_printed_code_leads_to_its_survey_in_any_case(client, index):
    invitation = InvitationFactory(channel="paper", user=None)
    url = route_url(index, "survey_code")

    wrong = client.post(url, {"code": "ABCDEFGH"})
    found = client.post(url, {"code": f" {invitation.code.lower()[:4]} {invitation.code[4:]}"})

    assert wrong.status_code == 200 and parsed(wrong).select_one("#id_code_error")
    assert found.status_code == 302 and found["Location"] == link(invitation)
    send(client, link(invitation), 0, **FIRST_PAGE)
    saved = send(client, link(invitation), 2, "save")
    assert ui(
        "Your answers are saved. To continue, enter the code of your printed "
        "invitation again on this website."
    ) in text_of(saved)


def test_a_signed_in_person_answers_once_without_an_invitation(client, index, citizen):
    survey = SurveyFactory()
    url = route_url(index, "survey_open", survey.pk)
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(citizen)

    send(client, url, 0, **FIRST_PAGE)
    assert client.session[f"evaluation.draft.{survey.pk}"]["heard"] == "1"
    send(client, url, 2, "send", **LAST_PAGE)

    assert Respondent.objects.filter(survey=survey, user=citizen).exists()
    assert Response.objects.get().answers["fair"] == "4"
    assert ui(rules.ALREADY_ANSWERED) in text_of(client.get(url))
    assert f"evaluation.draft.{survey.pk}" not in client.session


def test_a_person_who_answered_through_the_mail_cannot_answer_again_signed_in(client, invited):
    url = link(invited)
    send(client, url, 0, **FIRST_PAGE)
    send(client, url, 2, "send", **LAST_PAGE)
    client.force_login(invited.user)

    page = client.get(route_url(EvaluationIndexPageFactory(), "survey_open", invited.survey_id))

    assert ui(rules.ALREADY_ANSWERED) in text_of(page)


def test_the_standard_instrument_takes_no_answers(client, index, citizen):
    survey = SurveyFactory(standard=True)
    client.force_login(citizen)

    page = client.get(route_url(index, "survey_open", survey.pk))

    assert page.status_code == 404


def test_a_response_has_no_field_that_leads_to_a_person():
    fields = {field.name: field for field in Response._meta.get_fields()}

    relations = [f.name for f in fields.values() if isinstance(f, models.ForeignObject)]
    assert relations == ["survey"]
    assert set(fields) == {"id", "survey", "channel", "language", "submitted_on", "answers"}
    assert isinstance(fields["submitted_on"], models.DateField)
    assert not isinstance(fields["submitted_on"], models.DateTimeField)
    assert isinstance(fields["id"], models.UUIDField)


def test_too_many_answers_from_one_client_are_refused(client, invited, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "evaluation.answer": (0, 3600, 0)}
    url = link(invited)
    send(client, url, 0, **FIRST_PAGE)

    refused = send(client, url, 2, "send", **LAST_PAGE)

    assert refused.status_code == 429
    assert Response.objects.count() == 0 and Invitation.objects.get().answered_at is None


def test_a_survey_not_open_yet_says_when_it_opens(client, index):
    opens = timezone.now() + datetime.timedelta(days=2)
    invitation = InvitationFactory(survey=SurveyFactory(opens_at=opens))

    page = text_of(client.get(link(invitation)))

    assert ui("This survey opens on %(date)s.").split("%")[0] in page
    assert Response.objects.count() == 0


def test_staff_enter_a_paper_form_without_a_person():
    survey = SurveyFactory()

    response = services.response_submit(
        survey=survey,
        answers={"fair": "2", "heard": "2", "unknown": "x"},
        channel=Response.Channel.PAPER,
        language="de",
    )

    assert response.channel == "paper" and response.answers == {"fair": "2", "heard": "2"}
    assert not Respondent.objects.exists()
    with pytest.raises(ValueError):
        services.response_submit(survey=survey, answers={"fair": "2"})


def test_a_page_of_a_long_survey_takes_as_many_queries_as_a_short_ones(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(number_of_questions: int) -> int:
        questions = [{"key": f"q{n}", "type": "likert"} for n in range(number_of_questions)]
        invitation = InvitationFactory(survey=SurveyFactory(questions=questions))
        client.get(link(invitation))  # the site's and the page's lookups kept
        with CaptureQueriesContext(connection) as context:
            assert send(client, link(invitation), 0, **{"q0": "3"}).status_code == 302
        return len(context)

    assert queries(5) == queries(50)
