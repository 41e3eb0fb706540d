"""A procedure's page: what it tells, its timeline, its contributions, following and reporting."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from mitwirken.notifications.models import Follow
from mitwirken.places.models import District, Topic
from participation.models import Report
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    CommentFactory,
    EventFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    SupportFactory,
    phase,
)
from tests.helpers import ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(home_page):
    image = Image.objects.create(title="Phoenixsee", file=get_test_image_file())
    return ProcedurePageFactory(
        title="Phoenixsee-Ufer",
        summary="Wie soll das Ufer aussehen?",
        easy_language_summary="Sie können mitreden.",
        districts=[
            District.objects.get(slug="hoerde"),
            (District.objects.get(slug="aplerbeck"), True),
        ],
        topics=[Topic.objects.get(slug="umwelt")],
        kind="informal",
        mode="hybrid",
        responsible_office="Grünflächenamt",
        contact_name="Frau Beispiel",
        contact_phone="0231 50-0",
        image=image,
        image_alt="Der Phoenixsee im Abendlicht",
        council_paper="16389-20",
        council_steps=[
            {
                "body": "Bezirksvertretung Hörde",
                "date": datetime.date(2026, 2, 3),
                "role": "recommendation",
            },
            {"body": "Rat der Stadt", "date": datetime.date(2026, 3, 5), "role": "decision"},
        ],
        phases=[
            phase(-40, title="Information vor Ort", kind="information"),
            phase(-10, 30, title="Vorschläge sammeln"),
            phase(25, title="Prüfung durch die Verwaltung", kind="review"),
            phase(45, title="Ergebnisse", kind="results"),
        ],
    )


def test_the_page_tells_what_the_procedure_is_about(client, procedure):
    html = client.get(procedure.url).content.decode()

    assert html.count("<h1") == 1
    for text in [
        "Phoenixsee-Ufer",
        "Wie soll das Ufer aussehen?",
        "Sie können mitreden.",
        f"Aplerbeck ({ui('partly')})",
        "Hörde",
        "Umwelt und Klima",
        "Grünflächenamt",
        "Frau Beispiel",
        'href="tel:023150-0"',
        'alt="Der Phoenixsee im Abendlicht"',
        "16389-20",
    ]:
        assert text in html, text
    # The Beratungsfolge in its order.
    assert html.index("Bezirksvertretung Hörde") < html.index("Rat der Stadt")
    assert 'style="' not in html
    assert "<script" not in html


def test_the_timeline_marks_past_current_and_next_phase_in_words(client, procedure):
    html = client.get(procedure.url).content.decode()
    timeline = html[html.index('class="procedure-timeline"') :]

    assert timeline.count('aria-current="step"') == 1
    assert timeline.index(ui("Completed")) < timeline.index("Information vor Ort")
    current = timeline.index('aria-current="step"')
    assert current < timeline.index("Vorschläge sammeln") < timeline.index(ui("Next phase"))
    assert timeline.index(ui("Next phase")) < timeline.index("Prüfung durch die Verwaltung")
    assert timeline.index(ui("Later")) < timeline.index(">Ergebnisse")


def test_what_is_open_now(client, procedure, home_page):
    html = client.get(procedure.url).content.decode()
    assert ui("Make proposals") in html
    assert ui("Hand in a formal statement") not in html  # informal procedure

    information = ProcedurePageFactory(
        phases=[
            phase(
                -1,
                kind="information",
                allows_proposals=False,
                allows_comments=False,
                allows_support=False,
                allows_polls=False,
                allows_statements=False,
            )
        ]
    )
    html = client.get(information.url).content.decode()
    assert ui("In this phase you can inform yourself; contributions are not open.") in html
    between = ProcedurePageFactory(phases=[phase(-30), phase(10, title="Zweite Runde")])
    html = client.get(between.url).content.decode()
    assert ui("No phase is running at the moment: nothing is open for contributions.") in html
    assert 'action="' + between.url + 'vorschlag/"' not in html
    closed = ProcedurePageFactory(phases=[phase(-30)])
    html = client.get(closed.url).content.decode()
    assert ui("Participation has ended") in html  # the closed page: test_procedure_results.py
    assert 'action="' + closed.url + 'vorschlag/"' not in html


def test_proposals_show_support_comments_replies_and_the_official_response(client, procedure):
    proposal = ProposalFactory(
        procedure=procedure,
        title="Mehr Schatten",
        status="accepted",
        response="Wir pflanzen zehn Bäume.",
        responded_at=timezone.now(),
    )
    SupportFactory.create_batch(3, proposal=proposal)
    comment = CommentFactory(procedure=procedure, proposal=proposal, text="Gute Idee!")
    CommentFactory(procedure=procedure, proposal=proposal, parent=comment, text="Finde ich auch.")
    CommentFactory(procedure=procedure, text="Allgemeine Frage zum Verfahren.")

    html = client.get(procedure.url).content.decode()

    assert "Mehr Schatten" in html
    assert ui("accepted") in html
    assert "Wir pflanzen zehn Bäume." in html
    assert "3 " in html and ui("Response of the city") in html
    assert html.index("Gute Idee!") < html.index("Finde ich auch.")
    assert "Allgemeine Frage zum Verfahren." in html


def test_hidden_contributions_show_the_public_reason_instead_of_the_text(client, procedure):
    ProposalFactory(
        procedure=procedure,
        title="Beleidigender Titel",
        text="Beleidigender Text hier.",
        hidden_at=timezone.now(),
        hidden_reason="Beleidigung",
    )
    html = client.get(procedure.url).content.decode()
    assert "Beleidigender Text" not in html
    assert "Beleidigender Titel" not in html
    assert "Beleidigung" in html


def test_html_in_contributions_is_shown_as_text(client, procedure):
    ProposalFactory(procedure=procedure, title="<b>fett</b>", text="<script>alert('x')</script>")
    CommentFactory(procedure=procedure, text='<img src=x onerror="alert(1)">')
    html = client.get(procedure.url).content.decode()
    assert "&lt;b&gt;fett&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_a_signed_in_citizen_follows_the_procedure(client, procedure):
    user = UserFactory()
    client.force_login(user)
    html = client.get(procedure.url).content.decode()
    assert f'name="object_id" value="{procedure.pk}"' in html

    client.post(
        "/benachrichtigungen/folgen/",
        {
            "content_type": procedure.content_type_id,
            "object_id": procedure.pk,
            "next": procedure.url,
        },
    )
    assert Follow.objects.filter(user=user, object_id=procedure.pk).exists()


def test_anyone_reports_a_contribution_with_a_reason(client, procedure):
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}melden/proposal/{proposal.pk}/"

    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert ui("Please give a reason.") in response.content.decode()
    assert not Report.objects.exists()

    response = client.post(url, {"reason": "Das ist Werbung."}, follow=True)
    assert response.redirect_chain[-1][0] == f"{procedure.url}#messages"
    assert (
        ui("Thank you. The moderation will look at this contribution.") in response.content.decode()
    )
    report = Report.objects.get()
    assert report.contribution == proposal
    assert report.reason == "Das ist Werbung."
    assert report.content_type == ContentType.objects.get_for_model(proposal)


def test_a_report_of_a_comment_of_another_procedure_is_not_found(client, procedure):
    other = CommentFactory(procedure=ProcedurePageFactory())
    response = client.post(f"{procedure.url}melden/comment/{other.pk}/", {"reason": "Spam!"})
    assert response.status_code == 404
    assert client.get(f"{procedure.url}melden/comment/{other.pk}/").status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_makes_as_many_queries_for_100_contributions_as_for_10(
    client, procedure, django_assert_max_num_queries
):
    user = UserFactory()
    authors = UserFactory.create_batch(3)
    poll = PollFactory(procedure=procedure)
    EventFactory(procedure=procedure, capacity=20)

    def make(count):
        for number in range(count):
            proposal = ProposalFactory(procedure=procedure, author=authors[number % 3])
            SupportFactory(proposal=proposal, user=authors[(number + 1) % 3])
            comment = CommentFactory(procedure=procedure, proposal=proposal, author=authors[0])
            CommentFactory(
                procedure=procedure, proposal=proposal, parent=comment, author=authors[1]
            )
            CommentFactory(procedure=procedure, author=authors[2])

    make(10)
    client.force_login(user)
    baseline = _queries(client, procedure.url)
    make(90)
    with django_assert_max_num_queries(baseline):
        response = client.get(procedure.url)
    assert response.context["proposals"].paginator.count == 100
    assert poll.title in response.content.decode()


def test_what_a_procedure_says_of_itself_is_kept_for_signed_in_people_until_it_is_published(
    client, citizen, home_page
):
    procedure = ProcedurePageFactory(title="Radwall", responsible_office="Tiefbauamt")
    client.force_login(citizen)
    built = _queries(client, procedure.url)

    kept = _queries(client, procedure.url)
    html = client.get(procedure.url).content.decode()
    procedure.responsible_office = "Amt für Mobilität"
    procedure.save_revision().publish()
    republished = client.get(procedure.url).content.decode()

    assert kept < built
    assert "Tiefbauamt" in html
    assert "Amt für Mobilität" in republished and "Tiefbauamt" not in republished
