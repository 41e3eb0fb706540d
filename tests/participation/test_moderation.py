"""Anyone reports a contribution; moderators are mailed, see it in their queue, hide it with a
public reason or restore it. Every step is in Wagtail's log; nothing is deleted."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from mitwirken.places.models import District
from participation.models import Report
from participation.services.moderation import (
    contribution_hide,
    contribution_restore,
    report_alerts_send,
    report_create,
)
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, user_factory):
    """Staff who may use the admin but not moderate."""
    person = user_factory(is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(person)
    return client


def moderate_url(contribution):
    return reverse(
        "participation_moderation:moderate", args=[contribution._meta.model_name, contribution.pk]
    )


def test_a_report_mails_every_moderator_once(
    moderator, user_factory, proposal, django_capture_on_commit_callbacks
):
    member_of("Moderation", email="zweite@example.org")
    user_factory(email="buerger@example.org")  # not a moderator

    report = report_create(contribution=proposal, reason="Beleidigend gegenüber Nachbarn.")
    with django_capture_on_commit_callbacks(execute=True):
        report_alerts_send(now=timezone.now() + datetime.timedelta(minutes=11))

    assert report.contribution == proposal
    assert sorted(message.to[0] for message in mail.outbox) == [
        "moderation@example.org",
        "zweite@example.org",
    ]
    assert proposal.procedure.title in mail.outbox[0].subject
    assert "Beleidigend gegenüber Nachbarn." in mail.outbox[0].body
    assert reverse("participation_moderation:index") in mail.outbox[0].body


def test_a_districts_editors_hear_of_the_reports_in_their_own_procedures_only(
    moderator, district_editor, proposal_factory, django_capture_on_commit_callbacks
):
    hoerde, aplerbeck = (District.objects.get(slug=slug) for slug in ("hoerde", "aplerbeck"))
    member_of("Bezirksvertretung Aplerbeck", email="redaktion-aplerbeck@example.org")
    in_hoerde = proposal_factory(procedure=ProcedurePageFactory(districts=[hoerde]))
    elsewhere = proposal_factory(procedure=ProcedurePageFactory(districts=[aplerbeck]))
    report_create(contribution=in_hoerde, reason="Beleidigend in Hörde.")
    report_create(contribution=elsewhere, reason="Werbung anderswo.")

    with django_capture_on_commit_callbacks(execute=True):
        report_alerts_send(now=timezone.now() + datetime.timedelta(minutes=11))

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Beleidigend in Hörde." in bodies["redaktion-hoerde@example.org"]
    assert "Werbung anderswo." not in bodies["redaktion-hoerde@example.org"]
    assert "Werbung anderswo." in bodies["redaktion-aplerbeck@example.org"]
    assert "Beleidigend in Hörde." not in bodies["redaktion-aplerbeck@example.org"]
    assert "Beleidigend in Hörde." in bodies["moderation@example.org"]
    assert "Werbung anderswo." in bodies["moderation@example.org"]
    assert len(mail.outbox) == 3


def test_reports_of_one_window_are_one_mail(
    moderator, proposal, monkeypatch, django_capture_on_commit_callbacks
):
    reported_at = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: reported_at)
    report_create(contribution=proposal, reason="Werbung.")
    report_create(contribution=proposal, reason="Spam.")

    with django_capture_on_commit_callbacks(execute=True):
        report_alerts_send(now=reported_at + datetime.timedelta(minutes=11))

    assert len(mail.outbox) == 1
    assert "Werbung." in mail.outbox[0].body and "Spam." in mail.outbox[0].body


def test_a_report_needs_a_reason(moderator, proposal):
    with pytest.raises(ValidationError):
        report_create(contribution=proposal, reason="  ")

    assert not Report.objects.exists()


def test_a_report_is_logged_on_the_contribution(proposal, user):
    report_create(contribution=proposal, reason="Falsche Behauptung.", reporter=user)

    entry = ModelLogEntry.objects.get(action="participation.report")
    assert entry.object_id == str(proposal.pk)


def test_the_queue_lists_open_reports_with_text_and_procedure(moderator_client, proposal):
    report_create(contribution=proposal, reason="Beleidigend.")
    resolved = report_create(contribution=proposal, reason="Längst erledigt.")
    Report.objects.filter(pk=resolved.pk).update(resolved_at=resolved.created_at)

    response = moderator_client.get(reverse("participation_moderation:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Beleidigend." in content
    assert proposal.title in content
    assert proposal.procedure.title in content
    assert moderate_url(proposal) in content
    assert "Längst erledigt." not in content


def test_the_moderation_page_links_to_the_procedure(moderator_client, proposal):
    report_create(contribution=proposal, reason="Beleidigend.")

    response = moderator_client.get(moderate_url(proposal))

    content = response.content.decode()
    assert response.status_code == 200
    assert proposal.text in content
    assert proposal.procedure.url in content
    assert reverse("wagtailadmin_pages:edit", args=[proposal.procedure.pk]) in content


def test_hiding_shows_the_public_reason_instead_of_the_text(moderator_client, proposal):
    report_create(contribution=proposal, reason="Beleidigend.")

    response = moderator_client.post(
        moderate_url(proposal), {"action": "hide", "reason": "Beleidigung einer Person"}
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_hidden
    assert proposal.text == "Mehr Bänke und Schatten am Phoenixsee, bitte."  # kept, not deleted
    with translation.override("en"):
        assert proposal.public_text == "Hidden by the moderation: Beleidigung einer Person"
    assert Report.objects.get().resolved_at is not None


def test_the_public_reason_reads_in_german(proposal, moderator):
    """Needs the German translation of "Hidden by the moderation: %(reason)s" (compiled)."""
    contribution_hide(contribution=proposal, reason="Werbung", user=moderator)

    assert proposal.public_text == "Ausgeblendet durch die Moderation: Werbung"


def test_hiding_needs_a_public_reason(moderator_client, proposal):
    response = moderator_client.post(moderate_url(proposal), {"action": "hide", "reason": " "})

    assert response.status_code == 200
    proposal.refresh_from_db()
    assert not proposal.is_hidden


def test_restoring_shows_the_text_again_and_both_steps_are_logged(
    moderator_client, moderator, comment
):
    moderator_client.post(moderate_url(comment), {"action": "hide", "reason": "Spam"})
    moderator_client.post(moderate_url(comment), {"action": "restore", "reason": "Doch kein Spam"})

    comment.refresh_from_db()
    assert not comment.is_hidden
    assert comment.public_text == comment.text
    entries = ModelLogEntry.objects.filter(object_id=str(comment.pk)).order_by("timestamp", "pk")
    assert [(entry.action, entry.user) for entry in entries] == [
        ("participation.hide", moderator),
        ("participation.restore", moderator),
    ]
    assert entries[0].data["reason"] == "Spam"


def test_dismissing_keeps_the_contribution_and_closes_the_reports(
    moderator_client, moderator, proposal
):
    report_create(contribution=proposal, reason="Gefällt mir nicht.")

    moderator_client.post(moderate_url(proposal), {"action": "dismiss"})

    proposal.refresh_from_db()
    report = Report.objects.get()
    assert not proposal.is_hidden
    assert report.resolved_by == moderator
    assert ModelLogEntry.objects.filter(action="participation.report_dismiss").exists()


def test_service_restore_is_logged(proposal, moderator):
    contribution_hide(contribution=proposal, reason="Spam", user=moderator)
    contribution_restore(contribution=proposal, user=moderator)

    assert ModelLogEntry.objects.filter(
        action="participation.restore", object_id=str(proposal.pk)
    ).exists()


def test_staff_without_the_permission_can_neither_see_nor_act(editor_client, proposal):
    report_create(contribution=proposal, reason="Beleidigend.")

    assert editor_client.get(reverse("participation_moderation:index")).status_code == 302
    response = editor_client.post(moderate_url(proposal), {"action": "hide", "reason": "Spam"})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert not proposal.is_hidden
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("participation_moderation:index") not in home


def test_citizens_are_sent_to_the_login(client, user, proposal):
    client.force_login(user)

    response = client.post(moderate_url(proposal), {"action": "hide", "reason": "Spam"})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert not proposal.is_hidden


def test_the_queue_makes_as_many_queries_for_many_reports_as_for_few(
    moderator_client, proposal_factory, comment_factory, procedure_page
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert (
                moderator_client.get(reverse("participation_moderation:index")).status_code == 200
            )
        return len(context.captured_queries)

    report_create(contribution=proposal_factory(procedure=procedure_page), reason="Spam.")
    report_create(contribution=comment_factory(procedure=procedure_page), reason="Spam.")
    few = queries()
    for _number in range(10):
        report_create(contribution=proposal_factory(procedure=procedure_page), reason="Spam.")
        report_create(contribution=comment_factory(procedure=procedure_page), reason="Spam.")
    assert queries() == few
