"""Staff give each proposal an official status and a public response; the procedure shows its
results with counts by status and channel; staff are reminded when results are missing."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from mitwirken.notifications.models import Notification
from mitwirken.pages.kit import route_url
from participation.models import Proposal
from participation.services.results import (
    proposal_respond,
    results_reminders_send,
    results_summary,
)
from participation.tasks import send_results_reminders

pytestmark = pytest.mark.django_db


def closed_phase(days_ago: int) -> dict:
    end = timezone.now() - datetime.timedelta(days=days_ago)
    return {
        "title": "Beteiligungsphase",
        "kind": "consultation",
        "start": end - datetime.timedelta(days=30),
        "end": end,
        "allows_proposals": True,
    }


@pytest.fixture
def staff_client(client, ombudsstelle):
    client.force_login(ombudsstelle)
    client.person = ombudsstelle
    return client


def test_a_response_is_stored_and_the_author_is_told_in_their_language(
    proposal_factory, user_factory, django_capture_on_commit_callbacks
):
    author = user_factory(email="autorin@example.org", language="en")
    proposal = proposal_factory(author=author)

    with django_capture_on_commit_callbacks(execute=True):
        proposal_respond(
            proposal=proposal,
            status=Proposal.Status.ACCEPTED,
            response="Wird im Haushalt 2027 umgesetzt.",
            user=None,
        )

    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert proposal.response == "Wird im Haushalt 2027 umgesetzt."
    assert proposal.responded_at is not None
    [message] = mail.outbox
    assert message.to == ["autorin@example.org"]
    assert message.subject == f"Official response to your proposal “{proposal.title}”"
    assert "Wird im Haushalt 2027 umgesetzt." in message.body
    # The link leads to the proposal's own page, in the author's language.
    with translation.override("en"):
        link = route_url(proposal.procedure, "proposal_detail", proposal.pk)
    assert link.startswith("/en/")
    assert f"http://testserver{link}" in message.body
    assert ModelLogEntry.objects.filter(
        action="participation.respond", object_id=str(proposal.pk)
    ).exists()


def test_the_same_response_twice_sends_one_mail(proposal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _number in range(2):
            proposal_respond(
                proposal=proposal, status="rejected", response="Nicht zuständig.", user=None
            )

    assert len(mail.outbox) == 1


def test_staff_respond_in_the_admin(staff_client, proposal, django_capture_on_commit_callbacks):
    url = reverse("participation_proposals:edit", args=[proposal.pk])
    assert staff_client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {"status": "partly", "response": "Teilweise möglich."})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.response) == ("partly", "Teilweise möglich.")
    assert mail.outbox[0].to == [proposal.author.email]
    entry = ModelLogEntry.objects.get(action="participation.respond")
    assert entry.user == staff_client.person


def test_a_response_needs_a_text(staff_client, proposal):
    url = reverse("participation_proposals:edit", args=[proposal.pk])

    response = staff_client.post(url, {"status": "accepted", "response": ""})

    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == ""


def test_the_summary_counts_by_status_and_channel(
    procedure_page, proposal_factory, comment_factory, support_factory
):
    accepted = proposal_factory(procedure=procedure_page, status="accepted")
    proposal_factory(procedure=procedure_page, channel="paper", author=None)
    proposal_factory(procedure=procedure_page, status="rejected", channel="email", author=None)
    comment_factory(procedure=procedure_page, channel="event", author=None)
    support_factory(proposal=accepted)
    support_factory(proposal=accepted, user=None, channel="paper")
    proposal_factory()  # another procedure

    summary = results_summary(procedure_page)

    assert summary["total"] == 6
    assert summary["proposals"] == 3
    assert summary["responded"] == 2
    assert {row["status"]: row["count"] for row in summary["by_status"]} == {
        "in_review": 1,
        "accepted": 1,
        "partly": 0,
        "rejected": 1,
        "implemented": 0,
    }
    by_channel = {row["channel"]: row for row in summary["by_channel"]}
    assert by_channel["online"]["proposals"] == 1 and by_channel["online"]["supports"] == 1
    assert by_channel["paper"]["proposals"] == 1 and by_channel["paper"]["supports"] == 1
    assert by_channel["email"]["total"] == 1
    assert by_channel["event"]["comments"] == 1
    assert "phone" not in by_channel


def test_the_summary_makes_a_fixed_number_of_queries(procedure_page, proposal_factory):
    proposal_factory(procedure=procedure_page)
    with CaptureQueriesContext(connection) as few:
        results_summary(procedure_page)
    for _number in range(10):
        proposal_factory(procedure=procedure_page, channel="phone", author=None)
    with CaptureQueriesContext(connection) as many:
        results_summary(procedure_page)

    assert len(many.captured_queries) == len(few.captured_queries) <= 6


def test_staff_are_reminded_once_when_results_are_missing(
    procedure_page_factory, django_capture_on_commit_callbacks, settings
):
    settings.PARTICIPATION_RESULTS_REMINDER_DAYS = 30
    overdue = procedure_page_factory(phases=[closed_phase(31)], contact_email="amt@example.org")
    procedure_page_factory(phases=[closed_phase(10)])  # not yet
    done = procedure_page_factory(phases=[closed_phase(40)])
    done.results = "<p>Der Rat hat beschlossen …</p>"
    done.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        assert send_results_reminders.delay().get() == 1
        assert send_results_reminders.delay().get() == 0

    [message] = mail.outbox
    assert message.to == ["amt@example.org"]
    assert overdue.title in message.subject


def test_without_a_contact_the_ombudsstelle_is_reminded(
    procedure_page_factory, ombudsstelle, settings
):
    settings.PARTICIPATION_RESULTS_REMINDER_DAYS = 5
    procedure_page_factory(phases=[closed_phase(6)], contact_email="")

    assert results_reminders_send() == 1
    assert Notification.objects.get().email == ombudsstelle.email
