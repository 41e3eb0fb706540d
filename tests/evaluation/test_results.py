"""The public page of reach and results: figures on hand-made data (reach per 1,000 residents,
shares, the city's median, the small-group rule), the same number of queries for 10 and 100
procedures and for 1,000 and 10,000 answers, the open data, the charts and a format's page."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluation.models import NO_ANSWER, Question, Response, Survey
from evaluation.selectors import participation_facts, survey_facts
from mitwirken.places.models import District
from participation.models import Channel, Proposal
from tests.factories.accounts import UserFactory
from tests.factories.participation import ProcedurePageFactory
from tests.factories.toolkit import FormatPageFactory
from tests.helpers import ui

pytestmark = pytest.mark.django_db

ITEMS = ("information", "voice", "fair", "results_clear", "again")


@pytest.fixture
def evaluation_page(home_page, evaluation_page):
    """The folder's evaluation page, below the home page (at /evaluation/)."""
    return evaluation_page


@pytest.fixture
def hoerde():
    district = District.objects.get(slug="hoerde")
    district.residents = 20_000
    district.residents_source = "Statistikatlas Dortmund"
    district.residents_as_of = datetime.date(2025, 12, 31)
    district.save()
    return district


def contributions(procedure, *, accounts=0, paper=0, each=1):
    """``accounts`` people with ``each`` online proposals, and ``paper`` proposals without one."""
    users = UserFactory.create_batch(accounts)
    rows = [
        Proposal(procedure=procedure, author=user, title="Ein Vorschlag", text="Text")
        for user in users
        for _ in range(each)
    ]
    rows += [
        Proposal(procedure=procedure, channel=Channel.PAPER, title="Auf Papier", text="Text")
        for _ in range(paper)
    ]
    Proposal.objects.bulk_create(rows)


def survey_for(procedure=None, format_page=None) -> Survey:
    survey = Survey.objects.create(title="Befragung", procedure=procedure, format=format_page)
    for order, key in enumerate(ITEMS):
        Question.objects.create(survey=survey, sort_order=order, key=key, text=key, type="likert")
    Question.objects.create(
        survey=survey, key="first_time", text="Zum ersten Mal?", type="single", choices="Ja\nNein"
    )
    return survey


def answers(survey, values: list[str], *, channel="online", first_time="2"):
    Response.objects.bulk_create(
        Response(
            survey=survey,
            channel=channel,
            answers={**dict.fromkeys(ITEMS, value), "first_time": first_time},
        )
        for value in values
    )


def test_reach_per_thousand_counts_accounts_once_and_paper_contributions_each(hoerde):
    procedure = ProcedurePageFactory(districts=[hoerde])
    contributions(procedure, accounts=6, paper=4, each=3)

    facts = participation_facts()
    reach = facts.district_reach(hoerde)

    assert reach.tally.participants == 10
    assert reach.tally.contributions == 22
    assert reach.per_thousand == 0.5  # 10 / 20,000 × 1,000
    assert facts.tally([procedure.pk]).digital().contributions == 18


def test_procedures_for_the_whole_city_count_against_every_district():
    District.objects.update(residents=50_000)
    procedure = ProcedurePageFactory()
    contributions(procedure, accounts=12)

    facts = participation_facts()
    reach = facts.city_reach("Gesamtstadt")

    assert reach.residents == 50_000 * District.objects.count()
    assert reach.tally.participants == 12
    assert reach.per_thousand == round(12 / reach.residents * 1000, 1)


def test_a_district_with_fewer_than_five_participants_shows_no_number(hoerde):
    procedure = ProcedurePageFactory(districts=[hoerde])
    contributions(procedure, accounts=4)

    reach = participation_facts().district_reach(hoerde)

    assert reach.tally.participants_shown is None
    assert reach.per_thousand is None


def test_shares_agreeing_and_the_city_median():
    procedures = [ProcedurePageFactory() for _ in range(3)]
    # agreeing: 4 of 5, 2 of 5, 5 of 5 → 80 %, 40 %, 100 %; median 80 %.
    answers(survey_for(procedures[0]), ["5", "4", "4", "5", "1"])
    answers(survey_for(procedures[1]), ["4", "5", "1", "2", "3"])
    answers(survey_for(procedures[2]), ["5", "5", "5", "5", "4", NO_ANSWER])

    surveys = survey_facts()

    second = surveys.groups(procedure_ids={procedures[1].pk})
    assert surveys.agreeing("fair", second).percent == 40
    assert surveys.city_median("fair") == 80
    # "prefer not to say" is no answer: 5 of 5 agree.
    assert surveys.agreeing("fair", surveys.groups(procedure_ids={procedures[2].pk})).total == 5


def test_first_timers_and_online_against_paper():
    survey = survey_for(ProcedurePageFactory())
    answers(survey, ["5"] * 5, first_time="1")
    answers(survey, ["2"] * 5, channel="paper", first_time="1")
    answers(survey, ["4"] * 10, channel="paper")

    surveys = survey_facts()

    assert surveys.first_timers(surveys.groups()).percent == 50
    assert surveys.agreeing("voice", surveys.groups(channel="online")).percent == 100
    assert surveys.agreeing("voice", surveys.groups(channel="paper")).percent == 67


def test_fewer_than_five_answers_show_too_few_answers(client, evaluation_page):
    procedure = ProcedurePageFactory()
    contributions(procedure, accounts=5)
    answers(survey_for(procedure), ["5", "5", "4", "4"])

    response = client.get(f"{evaluation_page.url}verfahren/{procedure.pk}/")

    html = BeautifulSoup(response.content, "html.parser")
    survey = html.find(id="evaluation-survey").parent
    assert response.status_code == 200
    assert ui("too few answers") in survey.get_text()
    assert "100\u00a0%" not in survey.get_text()


def test_the_procedure_page_compares_with_the_city_median(client, evaluation_page):
    procedures = [ProcedurePageFactory() for _ in range(3)]
    for procedure, values in zip(
        procedures, (["5"] * 5, ["1"] * 5, ["5", "5", "5", "1", "1"]), strict=True
    ):
        answers(survey_for(procedure), values)

    html = client.get(f"{evaluation_page.url}verfahren/{procedures[1].pk}/").content.decode()

    table = BeautifulSoup(html, "html.parser").find(id="evaluation-survey").parent.table
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    first_row = [cell.get_text(strip=True) for cell in table.tbody.tr.find_all(["th", "td"])]
    assert headers[1:] == [ui("This procedure"), ui("City median")]
    assert first_row[1:] == ["0\u00a0%", "60\u00a0%"]


def test_each_chart_is_an_image_with_a_name_and_a_table_beside_it(client, evaluation_page, hoerde):
    procedure = ProcedurePageFactory(districts=[hoerde])
    contributions(procedure, accounts=8, paper=5)

    html = client.get(evaluation_page.url).content.decode()

    soup = BeautifulSoup(html, "html.parser")
    figures = soup.select("figure.chart")
    assert figures
    for figure in figures:
        svg = figure.find("svg")
        if svg is None:
            continue
        assert svg["role"] == "img"
        title = soup.find(id=svg["aria-labelledby"])
        assert title.name == "title" and title.get_text()
        assert figure.find("table").caption.get_text(strip=True) == title.get_text()
        assert svg.find("text")
    channels = soup.find("caption", string=ui("Participants by channel")).find_parent("table")
    assert [td.get_text(strip=True) for td in channels.tbody.find_all("td")] == ["8", "5"]


def test_the_page_links_procedures_districts_and_formats(client, evaluation_page, hoerde):
    format_page = FormatPageFactory(title="Stadtteilspaziergang")
    procedure = ProcedurePageFactory(districts=[hoerde], title="Neues Quartier")
    procedure.formats = [format_page]
    procedure.save_revision().publish()
    contributions(procedure, accounts=5)

    soup = BeautifulSoup(client.get(evaluation_page.url).content, "html.parser")

    links = {a.get_text(strip=True): a["href"] for a in soup.select("main a")}
    assert links["Neues Quartier"] == f"{evaluation_page.url}verfahren/{procedure.pk}/"
    assert links["Hörde"] == f"{evaluation_page.url}bezirk/hoerde/"
    assert links["Stadtteilspaziergang"] == f"{evaluation_page.url}format/{format_page.pk}/"
    for url in (links["Hörde"], links["Stadtteilspaziergang"]):
        assert client.get(url).status_code == 200


def test_the_open_data_has_the_reach_of_each_district_with_its_source(
    client, evaluation_page, hoerde
):
    procedure = ProcedurePageFactory(districts=[hoerde])
    contributions(procedure, accounts=6, paper=4)

    response = client.get(f"{evaluation_page.url}reichweite/")

    assert response["Content-Type"].startswith("text/csv")
    rows = {row["area"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["hoerde"] == {
        "area": "hoerde",
        "name": "Hörde",
        "procedures": "1",
        "participants": "10",
        "contributions": "10",
        "contributions_digital": "6",
        "contributions_analog": "4",
        "residents": "20000",
        "per_1000_residents": "0.5",
        "residents_source": "Statistikatlas Dortmund",
        "residents_as_of": "2025-12-31",
    }
    assert rows["gesamtstadt"]["participants"] == ""  # no procedure for the whole city


def test_a_format_page_shows_experience_in_dortmund(client, home_page, hoerde):
    format_page = FormatPageFactory()
    procedure = ProcedurePageFactory(districts=[hoerde], title="Spaziergang in Hörde")
    procedure.formats = [format_page]
    procedure.save_revision().publish()
    contributions(procedure, accounts=10)
    answers(survey_for(procedure), ["5", "5", "4", "2", "1"])

    soup = BeautifulSoup(client.get(format_page.url).content, "html.parser")

    heading = soup.find(string=ui("Experience in Dortmund")).find_parent(["h2", "h3"])
    section = heading.find_parent("section") or heading.parent
    text = section.get_text(" ", strip=True)
    assert "Spaziergang in Hörde" in text
    assert "0,5" in text or "0.5" in text
    assert "60 %" in text  # the note of the toolkit's list


def _queries(client, url) -> int:
    """The queries of a request that builds every fragment anew (after one that fills the
    process's own caches: content types, the site)."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_makes_as_many_queries_for_100_procedures_as_for_10(
    client, evaluation_page, hoerde, without_page_cache
):
    def procedures(number):
        for _ in range(number):
            procedure = ProcedurePageFactory(districts=[hoerde], revision=False)
            contributions(procedure, accounts=1, paper=1)

    procedures(10)
    ten = _queries(client, evaluation_page.url)
    procedures(90)
    hundred = _queries(client, evaluation_page.url)

    assert hundred == ten
    assert ten <= 30


def test_the_page_makes_as_many_queries_for_10000_answers_as_for_1000(
    client, evaluation_page, without_page_cache
):
    survey = survey_for(ProcedurePageFactory())
    answers(survey, ["1", "2", "3", "4", "5"] * 200)
    thousand = _queries(client, evaluation_page.url)
    answers(survey, ["1", "2", "3", "4", "5"] * 1800)
    ten_thousand = _queries(client, evaluation_page.url)

    assert ten_thousand == thousand


def test_a_new_response_shows_on_the_cached_page(
    client, evaluation_page, django_capture_on_commit_callbacks
):
    survey = survey_for(ProcedurePageFactory())
    answers(survey, ["5"] * 5)
    url = f"{evaluation_page.url}verfahren/{survey.procedure_id}/"
    assert ui("No survey answers yet.") not in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        Response.objects.create(survey=survey, answers={"fair": "1"})
    html = client.get(url).content.decode()

    rows = BeautifulSoup(html, "html.parser").find(id="evaluation-survey").parent.table.tbody
    fair = [tr for tr in rows.find_all("tr") if tr.th.get_text(strip=True) == "fair"][0]
    assert fair.td.get_text(strip=True) == "83\u00a0%"


def test_a_format_page_makes_as_many_queries_for_10_trials_as_for_2(
    client, home_page, hoerde, without_page_cache
):
    format_page = FormatPageFactory()

    def trials(number):
        for _ in range(number):
            procedure = ProcedurePageFactory(districts=[hoerde])
            procedure.formats = [format_page]
            procedure.save_revision().publish()
            contributions(procedure, accounts=5)
            answers(survey_for(procedure), ["5", "4", "3", "2", "1"])

    trials(2)
    two = _queries(client, format_page.url)
    trials(8)
    ten = _queries(client, format_page.url)

    assert ten == two


def test_the_district_and_procedure_pages_make_as_many_queries_for_100_procedures_as_for_10(
    client, evaluation_page, hoerde, without_page_cache
):
    first = ProcedurePageFactory(districts=[hoerde])
    contributions(first, accounts=5)
    urls = [f"{evaluation_page.url}bezirk/hoerde/", f"{evaluation_page.url}verfahren/{first.pk}/"]

    def procedures(number):
        for _ in range(number):
            procedure = ProcedurePageFactory(districts=[hoerde], revision=False)
            contributions(procedure, accounts=1, paper=1)
            answers(survey_for(procedure), ["5", "4"])

    procedures(9)
    ten = [_queries(client, url) for url in urls]
    procedures(90)
    hundred = [_queries(client, url) for url in urls]

    assert hundred == ten
