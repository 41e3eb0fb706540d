"""The staff's surveys, as the Ombudsstelle uses them: the list with its rates, results with
free texts, exports without anything that leads to a person, printed codes and their sheet, a
copy of the standard instrument, the dashboard panel. A Bezirksvertretung sees none of it."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import Invitation, Survey
from tests.factories.accounts import UserFactory
from tests.factories.evaluation import ResponseFactory
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import ui

from .conftest import SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(evaluation_page):
    procedure = ProcedurePageFactory(title="Phoenixsee Ufer")
    survey = SurveyFactory(title="Befragung Phoenixsee", procedure=procedure)
    person = UserFactory(email="ada@example.org", first_name="Ada", last_name="Lovelace")
    invitation = Invitation.objects.create(survey=survey, channel="email", user=person)
    invitation.answered_at = timezone.now()
    invitation.save()
    Invitation.objects.create(survey=survey, channel="email", user=UserFactory())
    ResponseFactory(survey=survey, answers={"fair": "5", "channel": "2", "comment": "Sehr gut!"})
    ResponseFactory(survey=survey, channel="paper", answers={"fair": "2", "channel": "na"})
    return survey


def test_the_list_shows_what_a_survey_evaluates_and_its_response_rate(client, ombudsstelle, survey):
    client.force_login(ombudsstelle)

    page = client.get(reverse("evaluation_surveys:list")).content.decode()

    assert "Befragung Phoenixsee" in page
    assert "Phoenixsee Ufer" in page
    assert "2 / 2 (100 %)" in page  # two responses of two invitations


def test_the_list_reads_the_same_number_of_queries_for_10_and_100_surveys(
    client, ombudsstelle, evaluation_page, django_assert_max_num_queries
):
    client.force_login(ombudsstelle)
    for _ in range(10):
        SurveyFactory(questions=[])
    with django_assert_max_num_queries(40) as ten:
        client.get(reverse("evaluation_surveys:list"))
    for _ in range(90):
        SurveyFactory(questions=[])
    with django_assert_max_num_queries(len(ten.captured_queries)):
        assert client.get(reverse("evaluation_surveys:list")).status_code == 200


def test_results_count_each_item_and_show_free_texts_to_staff(client, ombudsstelle, survey):
    client.force_login(ombudsstelle)

    page = client.get(reverse("evaluation_surveys:results", args=[survey.pk])).content.decode()

    assert "Das Verfahren war fair." in page
    assert "Internet" in page
    assert "Sehr gut!" in page
    assert ui("prefer not to say") in page
    assert ui("strongly agree") in page


def test_exports_hold_the_answers_and_nothing_that_leads_to_a_person(client, ombudsstelle, survey):
    client.force_login(ombudsstelle)
    secrets = ["ada@example.org", "Ada", "Lovelace"]
    for invitation in survey.invitations.all():
        secrets += [invitation.token, invitation.code]

    csv_text = client.get(reverse("evaluation_surveys:export_csv", args=[survey.pk])).content
    json_text = client.get(reverse("evaluation_surveys:export_json", args=[survey.pk])).content
    dictionary = client.get(
        reverse("evaluation_surveys:export_dictionary", args=[survey.pk])
    ).content.decode()

    rows = list(csv.DictReader(io.StringIO(csv_text.decode())))
    assert sorted(row["fair"] for row in rows) == ["2", "5"]
    assert sorted(row["channel"] for row in rows) == ["2", "na"]
    assert sorted(row["comment"] for row in rows) == ["", "Sehr gut!"]
    data = json.loads(json_text)
    fair = next(entry for entry in data["dictionary"] if entry["key"] == "fair")
    assert fair["type"] == "likert" and fair["label_de"] == "Das Verfahren war fair."
    assert {code["code"] for code in fair["codes"]} == {"1", "2", "3", "4", "5"}
    assert "Internet" in dictionary
    for export in (csv_text.decode(), json_text.decode(), dictionary):
        for word in ("email", "e-mail", "token", "invitation", "user", "name"):
            assert word not in export.splitlines()[0].lower()
        for secret in secrets:
            assert secret not in export
    assert sorted(row["response.channel"] for row in rows) == ["online", "paper"]
    assert set(data["responses"][0]) == {
        "survey",
        "evaluates",
        "channel",
        "language",
        "submitted_on",
        "answers",
    }


def test_the_standard_export_holds_the_core_items_of_every_copy(
    client, ombudsstelle, evaluation_page
):
    client.force_login(ombudsstelle)
    standard = SurveyFactory(standard=True, title="Standardinstrument")
    first = services.survey_copy(survey=standard)
    first.questions.create(key="extra", type="short_text", text="Nur hier", sort_order=9)
    second = services.survey_copy(survey=standard)
    ResponseFactory(survey=first, answers={"fair": "4", "extra": "geheim"})
    ResponseFactory(survey=second, answers={"fair": "1"})

    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(
                    reverse("evaluation_surveys:export_csv", args=[standard.pk])
                ).content.decode()
            )
        )
    )

    assert sorted((int(row["response.survey"]), row["fair"]) for row in rows) == [
        (first.pk, "4"),
        (second.pk, "1"),
    ]
    assert "extra" not in rows[0]


def test_printed_codes_and_their_sheet(client, ombudsstelle, survey):
    client.force_login(ombudsstelle)

    response = client.post(reverse("evaluation_surveys:paper", args=[survey.pk]), {"count": 12})
    sheet = client.get(response["Location"]).content.decode()

    codes = list(survey.invitations.filter(channel="paper").values_list("code", flat=True))
    assert len(codes) == 12
    assert "/evaluation/umfrage/" in sheet
    assert all(f"{code[:4]} {code[4:]}" in sheet for code in codes)
    assert 'class="slip"' in sheet


def test_copying_the_standard_instrument_opens_the_copy(client, ombudsstelle, evaluation_page):
    client.force_login(ombudsstelle)
    standard = SurveyFactory(standard=True, title="Standardinstrument")

    response = client.post(
        reverse("evaluation_surveys:copy_questions", args=[standard.pk]),
        {"title": "Befragung Hörde"},
    )

    copy = Survey.objects.get(title="Befragung Hörde")
    assert response["Location"] == reverse("evaluation_surveys:edit", args=[copy.pk])
    assert copy.based_on == standard and copy.questions.count() == 3


def test_the_dashboard_shows_surveys_closing_and_low_rates(client, ombudsstelle, evaluation_page):
    client.force_login(ombudsstelle)
    now = timezone.now()
    SurveyFactory(title="Schließt bald", closes_at=now + datetime.timedelta(days=3))
    quiet = SurveyFactory(title="Kaum Antworten")
    for _ in range(10):
        Invitation.objects.create(survey=quiet, channel="paper")
    quiet.invitations.update(created_at=now - datetime.timedelta(days=8))
    ResponseFactory(survey=quiet)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Schließt bald" in page
    assert "Kaum Antworten" in page
    answered = ui("%(answered)s of %(invited)s answered") % {"answered": 1, "invited": 10}
    assert answered in page


def test_a_district_editor_sees_nothing_of_it(client, district_editor, survey):
    client.force_login(district_editor)

    for name in ("list", "results", "export_csv", "export_json", "paper", "copy_questions"):
        args = [] if name == "list" else [survey.pk]
        response = client.get(reverse(f"evaluation_surveys:{name}", args=args))
        assert response.status_code in (302, 403), name
    assert "Befragung Phoenixsee" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_results_read_the_same_number_of_queries_for_10_and_100_responses(
    client, ombudsstelle, survey, django_assert_max_num_queries
):
    client.force_login(ombudsstelle)
    url = reverse("evaluation_surveys:results", args=[survey.pk])
    ResponseFactory.create_batch(8, survey=survey)
    with django_assert_max_num_queries(40) as ten:
        client.get(url)
    ResponseFactory.create_batch(90, survey=survey)
    with django_assert_max_num_queries(len(ten.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_standard_instrument_has_no_printed_codes(client, ombudsstelle, evaluation_page):
    client.force_login(ombudsstelle)
    standard = SurveyFactory(standard=True)

    response = client.post(reverse("evaluation_surveys:paper", args=[standard.pk]), {"count": 5})

    assert response.status_code == 404
    assert not standard.invitations.exists()
