import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.html import escape

from mitwirken.limits import MESSAGE
from mitwirken.notifications.models import Notification
from mitwirken.pages.models import AccessibilityStatementPage, Feedback
from tests.helpers import by_role, parsed, text_of, ui

pytestmark = pytest.mark.django_db

#: Where the statement's form sends its feedback.
FEEDBACK = reverse_lazy("accessibility_feedback")


@pytest.fixture
def statement(home_page):
    page = AccessibilityStatementPage(
        title="Erklärung zur Barrierefreiheit",
        slug="barrierefreiheit",
        non_accessible_content="<p>Ein Video hat noch keine Untertitel.</p>",
        statement_created="2026-11-01",
        last_reviewed="2026-11-27",
        feedback_contact="<p>ombudsstelle@dortmund.de</p>",
        enforcement="<p>Ombudsstelle für barrierefreie IT NRW</p>",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_statement_shows_the_fields_bitvnrw_asks_for(client, statement):
    html = client.get("/barrierefreiheit/").content.decode()
    assert "teilweise vereinbar" in html
    assert "Ein Video hat noch keine Untertitel." in html
    assert "Selbstbewertung" in html
    assert 'datetime="2026-11-01"' in html and 'datetime="2026-11-27"' in html
    assert "Ombudsstelle für barrierefreie IT NRW" in html
    assert parsed(html).find("label", attrs={"for": "id_message"})


def test_empty_feedback_shows_a_field_error_and_stores_nothing(client, statement):
    response = client.post(FEEDBACK, {"message": "   ", "email": "kein-mail"})
    html = response.content.decode()
    assert response.status_code == 200
    errors = parsed(html)
    assert text_of(errors.find(id="id_message_error")) == "Dieses Feld muss ausgefüllt werden."
    assert text_of(errors.find(id="id_email_error")) == "Bitte gültige E-Mail-Adresse eingeben."
    assert 'aria-invalid="true"' in html
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


def test_feedback_is_stored_then_mailed_to_staff_after_commit(
    client, statement, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAIL = "barrierefreiheit@dortmund.example"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            FEEDBACK,
            {"message": "Das Video hat keine Untertitel.", "email": "ich@example.org"},
        )
        # Stored before anything is sent: the mail waits for the commit.
        assert Feedback.objects.get().message == "Das Video hat keine Untertitel."
        assert mail.outbox == []
    for callback in callbacks:
        callback()

    assert response.status_code == 302
    assert response["Location"] == "/barrierefreiheit/#messages"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["barrierefreiheit@dortmund.example"]
    assert sent.reply_to == ["ich@example.org"]
    assert "Das Video hat keine Untertitel." in sent.body
    assert Notification.objects.get(message__kind="feedback.received").status == "sent"
    confirmation = client.get(response["Location"]).content.decode()
    assert ui("Thank you. Your message has been sent to the Ombudsstelle.") in confirmation


def test_the_form_needs_no_cookie_to_be_read_nor_a_token_to_be_sent(statement):
    """The statement is a page visitors get from the page cache: it sets no cookie, and its
    form is sent without a CSRF token."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/barrierefreiheit/")
    assert not page.cookies
    form = parsed(page).find("form", action=f"{FEEDBACK}#feedback")
    assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})

    response = browser.post(FEEDBACK, {"message": "Der Kontrast ist zu schwach."})

    assert response.status_code == 302
    assert Feedback.objects.get().message == "Der Kontrast ist zu schwach."


def test_feedback_form_in_english_has_english_errors(client, statement):
    statement.slug_en = "accessibility"
    statement.save_revision().publish()
    with translation.override("en"):
        url = reverse("accessibility_feedback")
    html = client.post(url, {"message": ""}).content.decode()
    assert "This field is required." in html
    assert Feedback.objects.count() == 0


def test_feedback_and_its_mail_are_stored_together(statement):
    from mitwirken.pages.services import feedback_create

    feedback = feedback_create(message="Kontrast zu schwach.", email="ich@example.org")
    row = Notification.objects.get()
    assert (row.email, row.status, row.message.reply_to) == (
        "ombudsstelle@localhost",
        "pending",
        "ich@example.org",
    )
    assert f"#{feedback.pk}" in row.message.subject


def test_a_filled_honeypot_stores_and_sends_nothing(client, statement):
    response = client.post(
        FEEDBACK,
        {"message": "Kaufen Sie jetzt!", "website": "https://spam.example"},
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", code="honeypot")
    assert by_role(response, "alert")
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_hidden_and_empty(client, statement):
    html = client.get("/barrierefreiheit/").content.decode()

    assert re.search(r'<div hidden>\s*<label for="id_website">', html)
    assert 'name="website" id="id_website" autocomplete="off" tabindex="-1">' in html


def test_rapid_feedback_stops_at_the_limit_and_keeps_the_message(client, statement, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pages.feedback": (3, 60 * 60)}
    for number in range(3):
        response = client.post(FEEDBACK, {"message": f"Barriere Nummer {number}"})
        assert response.status_code == 302

    response = client.post(FEEDBACK, {"message": "Noch eine Barriere"})

    html = response.content.decode()
    assert response.status_code == 429
    assert escape(str(MESSAGE)) in html
    assert "Noch eine Barriere" in html
    assert "<footer" in html
    assert Feedback.objects.count() == 3
    assert Notification.objects.count() == 3
