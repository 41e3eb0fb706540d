"""Hostile use of the procedure forms: rapid posts are refused at the limit with a clear message
(status 429, the page with its layout, the form kept), nothing over the limit is stored, and a
formal statement is refused before its upload is read. Reports reach the moderators in one
mail per window, however many come in."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from mitwirken.limits import MESSAGE
from participation.models import Comment, Proposal, Report, Statement
from participation.services.moderation import report_alerts_send
from tests.factories.accounts import UserFactory
from tests.factories.participation import ProcedurePageFactory, ProposalFactory, phase
from tests.helpers import by_role, member_of, statement_data, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(client, citizen):
    """The citizen, logged in."""
    client.force_login(citizen)
    return citizen


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


@pytest.fixture
def formal(home_page):
    return ProcedurePageFactory(title="Bebauungsplan Hö 123", kind="land_use")


@pytest.fixture
def limits(settings):
    """Small limits, so a test sends few posts; the mechanism is the same."""
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "participation.proposal": (3, 3600),
        "participation.comment": (3, 3600),
        "participation.statement": (2, 3600),
        "participation.report": (3, 3600),
    }
    return settings.RATE_LIMITS


def refused_with_the_message(response) -> bool:
    html = response.content.decode()
    return (
        response.status_code == 429
        and escape(str(MESSAGE)) in html
        and by_role(html, "alert")
        and "<footer" in html  # the site's layout around it
    )


# N+1 rapid posts ------------------------------------------------------------------------------


def test_rapid_proposals_stop_at_the_limit_and_keep_the_text(client, procedure, citizen, limits):
    for number in range(3):
        data = {"title": f"Vorschlag {number}", "text": "Mehr Bänke am Wasser, bitte."}
        assert client.post(f"{procedure.url}vorschlag/", data).status_code == 302

    response = client.post(
        f"{procedure.url}vorschlag/", {"title": "Noch einer", "text": "Und noch mehr Bänke."}
    )

    assert refused_with_the_message(response)
    assert "Und noch mehr Bänke." in response.content.decode()  # nothing typed is lost
    assert Proposal.objects.count() == 3


def test_rapid_comments_stop_at_the_limit(client, procedure, citizen, limits):
    for number in range(3):
        response = client.post(f"{procedure.url}kommentar/", {"text": f"Kommentar {number}"})
        assert response.status_code == 302

    response = client.post(f"{procedure.url}kommentar/", {"text": "Noch ein Kommentar"})

    assert refused_with_the_message(response)
    assert Comment.objects.count() == 3


def test_bad_input_does_not_count_towards_the_limit(client, procedure, citizen, limits):
    for _ in range(3):
        assert client.post(f"{procedure.url}kommentar/", {"text": ""}).status_code == 200

    assert client.post(f"{procedure.url}kommentar/", {"text": "Jetzt aber"}).status_code == 302


def test_rapid_reports_stop_at_the_limit(client, procedure, limits):
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}melden/proposal/{proposal.pk}/"
    for number in range(3):
        assert client.post(url, {"reason": f"Beleidigend {number}"}).status_code == 302

    response = client.post(url, {"reason": "Beleidigend, noch einmal"})

    assert refused_with_the_message(response)
    assert Report.objects.count() == 3


def test_another_client_may_still_report(client, procedure, limits):
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}melden/proposal/{proposal.pk}/"
    for _ in range(4):
        client.post(url, {"reason": "Werbung für einen Laden."})

    response = client.post(url, {"reason": "Werbung, sehe ich auch."}, REMOTE_ADDR="192.0.2.80")

    assert response.status_code == 302
    assert Report.objects.count() == 4


def test_a_made_up_forwarded_for_does_not_get_round_the_limit(client, procedure, limits):
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}melden/proposal/{proposal.pk}/"
    for number in range(3):
        client.post(url, {"reason": "Werbung."}, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    response = client.post(url, {"reason": "Werbung."}, HTTP_X_FORWARDED_FOR="203.0.113.99")

    assert response.status_code == 429
    assert Report.objects.count() == 3


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(
    client, procedure, limits, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}melden/proposal/{proposal.pk}/"
    for _ in range(4):
        client.post(url, {"reason": "Werbung."}, HTTP_X_FORWARDED_FOR="203.0.113.1")

    response = client.post(url, {"reason": "Werbung."}, HTTP_X_FORWARDED_FOR="203.0.113.2")

    assert response.status_code == 302
    assert Report.objects.count() == 4


def test_rapid_statements_stop_at_the_limit(client, formal, citizen, limits):
    for _ in range(2):
        assert client.post(f"{formal.url}stellungnahme/", statement_data()).status_code == 302

    with mock.patch(
        "django.http.request.HttpRequest._load_post_and_files",
        side_effect=AssertionError("the body was read"),
    ):
        response = client.post(f"{formal.url}stellungnahme/", statement_data())

    assert refused_with_the_message(response)
    assert 'enctype="multipart/form-data"' in response.content.decode()  # the form, to try later
    assert Statement.objects.count() == 2


# Rules before the body ------------------------------------------------------------------------


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_statement_nobody_may_hand_in_is_refused_before_its_upload_is_read(
    client, home_page, signed_in
):
    procedure = ProcedurePageFactory(kind="land_use", phases=[phase(-30, 10)])
    if signed_in:
        client.force_login(UserFactory())
    upload = SimpleUploadedFile("gross.pdf", b"%PDF-1.4\n" + b"0" * 200_000, "application/pdf")

    with mock.patch(
        "django.http.request.HttpRequest._load_post_and_files",
        side_effect=AssertionError("the body was read"),
    ):
        response = client.post(
            f"{procedure.url}stellungnahme/", statement_data(attachments=[upload])
        )

    assert response.status_code == 403
    closed = ui("Formal statements are not open in the current phase.")
    assert escape(closed) in response.content.decode()
    assert not Statement.objects.exists()


def csrf_client(user=None) -> tuple[Client, str]:
    """A browser as in production, where the CSRF check runs (and reads the body) before the
    view: with the cookie and the token of a form it loaded (any form of the site will do)."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    html = client.get(reverse("account_reset_password")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return client, token


def test_in_production_order_a_refused_statement_is_not_received_either(home_page):
    procedure = ProcedurePageFactory(kind="land_use", phases=[phase(-30, 10)])
    client, token = csrf_client()
    upload = SimpleUploadedFile("gross.pdf", b"%PDF-1.4\n" + b"0" * 200_000, "application/pdf")

    with mock.patch(
        "django.http.request.HttpRequest._load_post_and_files",
        side_effect=AssertionError("the body was read"),
    ):
        response = client.post(
            f"{procedure.url}stellungnahme/",
            statement_data(attachments=[upload], csrfmiddlewaretoken=token),
        )

    assert response.status_code == 403
    closed = ui("Formal statements are not open in the current phase.")
    assert escape(closed) in response.content.decode()
    assert not Statement.objects.exists()


def test_in_production_order_a_statement_still_needs_its_csrf_token(home_page):
    procedure = ProcedurePageFactory(kind="land_use")
    client, _token = csrf_client(UserFactory())

    response = client.post(f"{procedure.url}stellungnahme/", statement_data())

    assert response.status_code == 403
    assert not Statement.objects.exists()


def test_in_production_order_statements_come_in_up_to_the_limit(home_page, limits):
    procedure = ProcedurePageFactory(kind="land_use")
    client, token = csrf_client(UserFactory())
    url = f"{procedure.url}stellungnahme/"

    sent = [client.post(url, statement_data(csrfmiddlewaretoken=token)) for _ in range(3)]

    assert [response.status_code for response in sent] == [302, 302, 429]
    assert refused_with_the_message(sent[-1])
    assert Statement.objects.count() == 2


# One mail per window to the moderators ----------------------------------------------------------


@pytest.fixture
def moderators(moderator):
    people = [moderator, member_of("Moderation", email="zweite@example.org", language="en")]
    UserFactory(email="buerger@example.org")  # not a moderator
    return people


def test_five_reports_in_a_row_make_one_mail_to_each_moderator_listing_them_all(
    client, procedure, moderators, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.PARTICIPATION_REPORT_ALERT_MINUTES = 10
    proposal = ProposalFactory(procedure=procedure, text="Kauft alle bei Beispiel-Markt!")
    reported_at = datetime.datetime(2026, 11, 30, 9, 1, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: reported_at)
    reasons = [f"Werbung, Meldung {number}" for number in range(5)]
    with django_capture_on_commit_callbacks(execute=True):
        for reason in reasons:
            response = client.post(
                f"{procedure.url}melden/proposal/{proposal.pk}/", {"reason": reason}
            )
            assert response.status_code == 302

    assert mail.outbox == []  # the window (9:00 to 9:10) has not ended
    assert report_alerts_send(now=reported_at + datetime.timedelta(minutes=8)) == 0

    with django_capture_on_commit_callbacks(execute=True):
        written = report_alerts_send(now=reported_at + datetime.timedelta(minutes=10))

    assert written == 2
    assert sorted(sent.to[0] for sent in mail.outbox) == [
        "moderation@example.org",
        "zweite@example.org",
    ]
    for sent in mail.outbox:
        assert all(reason in sent.body for reason in reasons)
        assert "Westpark" in sent.subject
        assert "Kauft alle bei Beispiel-Markt!" in sent.body
    # A second run (beat's sweep after the delayed task) writes nothing new.
    assert report_alerts_send(now=reported_at + datetime.timedelta(minutes=11)) == 0


def test_a_report_in_the_next_window_gets_the_next_mail(
    procedure, moderators, monkeypatch, django_capture_on_commit_callbacks
):
    from participation.services.moderation import report_create

    proposal = ProposalFactory(procedure=procedure)
    first = datetime.datetime(2026, 11, 30, 9, 9, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: first)
    report_create(contribution=proposal, reason="Werbung.")
    monkeypatch.setattr(timezone, "now", lambda: first + datetime.timedelta(minutes=2))
    report_create(contribution=proposal, reason="Beleidigend.")

    with django_capture_on_commit_callbacks(execute=True):
        assert report_alerts_send(now=first + datetime.timedelta(minutes=3)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert report_alerts_send(now=first + datetime.timedelta(minutes=13)) == 2
    bodies = [sent.body for sent in mail.outbox if sent.to == ["moderation@example.org"]]
    assert len(bodies) == 2
    assert "Werbung." in bodies[0] and "Beleidigend." not in bodies[0]
    assert "Beleidigend." in bodies[1] and "Werbung." not in bodies[1]


def test_a_lost_alert_task_is_made_up_by_beats_sweep(
    procedure, moderators, settings, django_capture_on_commit_callbacks
):
    """The task queued with a report may be lost (broker down); beat runs the same task every
    minute, and it writes the mails of every ended window that has none yet."""
    from participation.services.moderation import report_create
    from participation.tasks import send_report_alerts

    past = timezone.now() - datetime.timedelta(hours=2)
    report = report_create(contribution=ProposalFactory(procedure=procedure), reason="Spam.")
    Report.objects.filter(pk=report.pk).update(created_at=past)  # its task never ran

    entry = settings.CELERY_BEAT_SCHEDULE["participation-report-alerts"]
    assert entry["task"] == send_report_alerts.name
    assert entry["schedule"] == 60
    with django_capture_on_commit_callbacks(execute=True):
        assert send_report_alerts.delay().get() == 2

    assert len(mail.outbox) == 2
    assert all("Spam." in sent.body for sent in mail.outbox)
