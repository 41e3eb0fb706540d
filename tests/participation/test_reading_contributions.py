"""Contributions that read well: supporting is the action beside each one, commenting and
replying are on the proposal's own page, reporting is a small link to a page of its own, and the
proposals come ten to a page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from participation.models import Proposal, Report
from tests.factories.accounts import UserFactory
from tests.factories.participation import CommentFactory, ProcedurePageFactory, ProposalFactory
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Phoenixsee-Ufer")


def report_url(procedure, kind, pk) -> str:
    return f"{procedure.url}melden/{kind}/{pk}/"


def page_item(page, anchor):
    """The list item of one contribution, by its anchor."""
    return parsed(page).find(id=anchor)


def oldest_proposal(procedure):
    return Proposal.objects.filter(procedure=procedure).order_by("created_at", "pk").first()


# Reporting on a page of its own -----------------------------------------------------------------


def test_each_contribution_has_a_small_report_link_and_no_report_form(client, procedure):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten")
    comment = CommentFactory(procedure=procedure, proposal=proposal)

    page = client.get(procedure.url)

    item = page_item(page, f"proposal-{proposal.pk}")
    [link] = [
        link
        for link in by_role(item, "link")
        if text_of(link).startswith(ui("Report to the moderation")) and "/proposal/" in link["href"]
    ]
    assert text_of(link).endswith("Mehr Schatten")  # the hidden context of a screen reader
    assert link["href"].startswith(report_url(procedure, "proposal", proposal.pk) + "?next=")
    assert not by_role(page, "button", ui("Send report"))
    comment_item = page_item(page, f"comment-{comment.pk}")
    href = f"{report_url(procedure, 'comment', comment.pk)}?next={procedure.url}"
    assert by_role(comment_item, "link", href=href)


def test_the_report_page_shows_the_contribution_and_the_form_without_javascript(client, procedure):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten", text="Bäume pflanzen.")

    page = client.get(report_url(procedure, "proposal", proposal.pk), {"next": procedure.url})

    assert page.status_code == 200
    one(page, "heading", ui("Report to the moderation"), level=1)
    assert "Mehr Schatten" in text_of(one(page, "region", ui("The proposal you report")))
    form = one(page, "form", None, method="post")
    assert form.find("textarea", attrs={"name": "reason"})
    assert by_role(form, "button", ui("Send report"))
    back = one(page, "link", ui("Back to the contribution"))
    assert back["href"] == f"{procedure.url}#proposal-{proposal.pk}"
    assert "<script" not in page.content.decode()


def test_a_report_goes_back_to_the_page_of_proposals_it_came_from(client, procedure):
    comment = CommentFactory(procedure=procedure)
    came_from = f"{procedure.url}?page=2"

    response = client.post(
        report_url(procedure, "comment", comment.pk) + "?next=" + came_from.replace("?", "%3F"),
        {"reason": "Das ist Werbung.", "next": came_from + "#elsewhere"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{came_from}#messages"
    message = parsed(client.get(response["Location"])).find(id="messages")
    assert (
        message.find("a", string=ui("Back to where you were"))["href"] == f"#comment-{comment.pk}"
    )
    report = Report.objects.get()
    assert (report.contribution, report.reason) == (comment, "Das ist Werbung.")


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/beteiligung/",
        "//evil.example/",
        "/accounts/logout/",
        "javascript:alert(1)",
    ],
)
def test_a_report_never_sends_anyone_to_another_site_or_page(client, procedure, next_url):
    proposal = ProposalFactory(procedure=procedure)

    response = client.post(
        report_url(procedure, "proposal", proposal.pk), {"reason": "Spam.", "next": next_url}
    )

    assert response["Location"] == f"{procedure.url}#messages"


def test_a_report_without_a_reason_comes_back_on_its_page_with_the_error(client, procedure):
    proposal = ProposalFactory(procedure=procedure)

    response = client.post(report_url(procedure, "proposal", proposal.pk), {"reason": ""})

    assert response.status_code == 200
    one(response, "heading", ui("Report to the moderation"), level=1)
    assert escape(ui("Please give a reason.")) in response.content.decode()
    assert not Report.objects.exists()


def test_a_hidden_contribution_cannot_be_reported_and_its_text_stays_hidden(client, procedure):
    proposal = ProposalFactory(
        procedure=procedure,
        title="Beleidigender Titel",
        text="Beleidigender Text.",
        hidden_at=timezone.now(),
        hidden_reason="Beleidigung",
    )

    page = client.get(report_url(procedure, "proposal", proposal.pk))
    html = page.content.decode()

    assert escape(ui("This contribution is already hidden.")) in html
    assert not by_role(page, "button", ui("Send report"))
    assert "Beleidigender" not in html
    response = client.post(report_url(procedure, "proposal", proposal.pk), {"reason": "Noch mal"})
    assert response.status_code == 200
    assert not Report.objects.exists()


# Supporting -------------------------------------------------------------------------------------


def test_the_support_button_names_the_proposal_beside_its_visible_label(client, procedure):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten")
    client.force_login(UserFactory())

    page = client.get(procedure.url)

    form = one(page, "form", None, action=f"{procedure.url}vorschlag/{proposal.pk}/unterstuetzen/")
    button = one(form, "button")
    # The visible label, and the proposal for a screen reader inside the same label.
    assert text_of(button).startswith(ui("Support"))
    assert text_of(button).endswith("Mehr Schatten")
    label = button.find(class_="kern-label")
    assert label.find(string=True, recursive=False).strip() == ui("Support")
    assert label.find(class_="kern-sr-only")


# Pages of proposals ------------------------------------------------------------------------------


def test_proposals_come_ten_to_a_page_with_plain_links(client, procedure):
    author = UserFactory()
    for number in range(25):
        ProposalFactory(procedure=procedure, author=author, title=f"Vorschlag Nummer {number:02}")

    first = client.get(procedure.url)
    region = one(first, "region", ui("Proposals"))
    titles = [text_of(h) for h in region.find(class_="proposal-list").find_all("h3")]
    assert titles[0] == "Vorschlag Nummer 24" and len(titles) == 10
    more = one(region, "link", ui("More proposals"))
    assert more["href"] == "?page=2#proposals-heading"

    last = client.get(procedure.url, {"page": 3})
    region = one(last, "region", ui("Proposals"))
    titles = [text_of(h) for h in region.find(class_="proposal-list").find_all("h3")]
    assert titles == [f"Vorschlag Nummer {number:02}" for number in range(4, -1, -1)]
    assert by_role(region, "link", ui("Previous proposals"))
    assert not by_role(region, "link", ui("More proposals"))
    assert client.get(procedure.url, {"page": "x"}).status_code == 200


def test_a_comment_sent_from_the_second_page_comes_back_to_its_proposal_and_the_list(
    client, procedure, citizen
):
    for _number in range(12):
        ProposalFactory(procedure=procedure)
    oldest = oldest_proposal(procedure)
    client.force_login(citizen)

    page = client.get(procedure.url, {"page": 2})
    link = page_item(page, f"proposal-{oldest.pk}").find("a", href=re.compile("#comment-form$"))
    proposal_page = client.get(link["href"])
    form = parsed(proposal_page).find(id="comment-form").find("form")
    assert form["action"] == f"{procedure.url}kommentar/?page=2"
    response = client.post(form["action"], {"text": "Gute Idee!", "proposal": oldest.pk})

    assert response.status_code == 302
    assert response["Location"] == f"{procedure.url}vorschlag/{oldest.pk}/?page=2#messages"
    back = one(
        client.get(response["Location"]),
        "link",
        None,
        href=(f"{procedure.url}?page=2#proposal-{oldest.pk}"),
    )
    assert procedure.title in text_of(back)


def test_a_page_of_proposals_makes_as_many_queries_for_200_proposals_as_for_20(
    client,
    procedure,
    django_assert_max_num_queries,
    without_page_cache,
):
    authors = UserFactory.create_batch(3)

    def make(count):
        for number in range(count):
            proposal = ProposalFactory(procedure=procedure, author=authors[number % 3])
            CommentFactory(procedure=procedure, proposal=proposal, author=authors[1])

    make(20)
    with CaptureQueriesContext(connection) as baseline:
        client.get(procedure.url, {"page": 2})
    make(180)
    with django_assert_max_num_queries(len(baseline)):
        response = client.get(procedure.url, {"page": 2})
    assert len(response.context["proposals"]) == 10
