"""Anyone may hand in a formal statement (§ 3 BauGB), also without an account: with name,
postal address and an e-mail address for the receipt. It is stored at once under a reference
number, the receipt is mailed after commit, the limit per client and the honeypot keep software
out, and staff process it like every other; nothing of the person is ever public."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from mitwirken.limits import MESSAGE
from mitwirken.notifications.models import Notification
from mitwirken.notifications.services import notifications_send_pending
from participation import selectors, services
from participation.models import Statement, StatementAttachment
from tests.factories.files import pdf_upload
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import by_role, one, parsed, statement_data, text_of, ui

pytestmark = pytest.mark.django_db

SUMMARY = "Die Zufahrt über eine Wohnstraße belaste die Anwohnenden."
WEIGHING = "Der Anregung wird gefolgt: Die Erschließung erfolgt von Süden."


@pytest.fixture
def formal(home_page):
    return ProcedurePageFactory(title="Bebauungsplan Hö 250", kind="land_use")


def visitor_data(**overrides) -> dict:
    """A statement as a visitor without an account fills it in."""
    return statement_data(**{"email": "erika@example.org", **overrides})


def url(procedure) -> str:
    return f"{procedure.url}stellungnahme/"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def stored_files() -> set[Path]:
    return {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.fixture
def nothing_stored():
    """``nothing_stored()``: no statement, attachment, file or mail since the test began."""
    files = stored_files()
    return lambda: (
        not (
            Statement.objects.exists()
            or StatementAttachment.objects.exists()
            or Notification.objects.exists()
            or stored_files() - files
        )
    )


# The form ----------------------------------------------------------------------------------


def test_a_visitor_finds_the_form_on_a_page_of_its_own_and_needs_no_account(client, formal):
    procedure_page = client.get(formal.url)
    [link] = by_role(procedure_page, "link", ui("Hand in a formal statement"), href=url(formal))
    assert not by_role(procedure_page, "form", None, action=url(formal))

    page = client.get(link["href"])

    form = one(page, "form", None, action=url(formal))
    assert ui("You do not need an account for this.") in text_of(parsed(page))
    for label in ("First and last name", "Street and number", "Postcode", "City"):
        assert ui(label) in text_of(form)
    email = form.find("input", attrs={"name": "email"})
    assert email.has_attr("required") and email.get("autocomplete") == "email"
    assert ui(
        "The receipt with the reference number goes to this address, and later the result "
        "of the weighing. It is never published."
    ) in text_of(form)
    assert not by_role(form, "link", ui("Log in"))


def test_the_form_tells_whoever_hands_in_that_nothing_of_them_is_published(client, formal):
    text = text_of(parsed(client.get(url(formal))))

    assert (
        ui(
            "Only the staff who process the statements see your name, address and e-mail "
            "address; they are never published."
        )
        in text
    )


def test_a_signed_in_citizen_finds_the_address_of_the_account_prefilled(client, formal, citizen):
    client.force_login(citizen)

    form = parsed(client.get(url(formal))).find("form", action=url(formal))

    email = form.find("input", attrs={"name": "email"})
    assert email["value"] == "kim@example.org"
    assert not email.has_attr("required")


# Handing it in -------------------------------------------------------------------------------


def test_a_visitor_hands_in_a_statement_and_reads_its_reference_number(
    client, formal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(formal), visitor_data(attachments=[pdf_upload("Einwendung.pdf")]), follow=True
        )

    statement = Statement.objects.get()
    assert response.redirect_chain == [(f"{formal.url}#messages", 302)]
    assert statement.reference in " ".join(messages_of(response))
    assert statement.reference in text_of(parsed(response))
    assert statement.author is None
    assert (statement.name, statement.street, statement.postcode, statement.city) == (
        "Erika Mustermann",
        "Friedensplatz 1",
        "44135",
        "Dortmund",
    )
    assert statement.email == "erika@example.org"
    assert statement.channel == "online" and statement.entered_by is None
    assert statement.attachments.get().name == "Einwendung.pdf"


def test_the_receipt_is_mailed_after_commit_and_once(
    client, formal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(url(formal), visitor_data())
        assert mail.outbox == []  # nothing leaves before the statement is committed

    for callback in callbacks:
        callback()
    notifications_send_pending()  # beat's sweep finds nothing more to send

    statement = Statement.objects.get()
    [receipt] = mail.outbox
    assert receipt.to == ["erika@example.org"]
    assert receipt.subject == ui("Your statement %(reference)s has been received") % {
        "reference": statement.reference
    }
    assert statement.reference in receipt.body


def test_the_same_form_sent_twice_makes_one_statement_and_one_receipt(
    client, formal, django_capture_on_commit_callbacks
):
    form = parsed(client.get(url(formal))).find("form", action=url(formal))
    submission = form.find("input", attrs={"name": "submission"})["value"]

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(formal), visitor_data(submission=submission), follow=True)
        again = client.post(url(formal), visitor_data(submission=submission), follow=True)

    statement = Statement.objects.get()
    for response in (first, again):  # the reload hears the same reference number
        assert statement.reference in " ".join(messages_of(response))
    [receipt] = mail.outbox
    assert statement.reference in receipt.body


def test_each_form_the_page_shows_is_a_new_statement(client, formal):
    for _ in range(2):
        form = parsed(client.get(url(formal))).find("form", action=url(formal))
        submission = form.find("input", attrs={"name": "submission"})["value"]
        client.post(url(formal), visitor_data(submission=submission))

    assert Statement.objects.count() == 2


def test_the_result_reaches_the_visitor_in_the_language_they_wrote_in(
    client, formal, ombudsstelle, django_capture_on_commit_callbacks
):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        client.post(url(formal), visitor_data())
    statement = Statement.objects.get()
    assert statement.language == "en"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.statement_process(
            statement=statement,
            status="weighed",
            summary=SUMMARY,
            weighing=WEIGHING,
            user=ombudsstelle,
        )

    [result] = mail.outbox
    assert result.to == ["erika@example.org"]
    assert result.subject == ui("Your statement %(reference)s has been weighed", "en") % {
        "reference": statement.reference
    }


# Bad input stores nothing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "", "Please give an e-mail address: the receipt goes there."),
        ("email", "erika@", "Please give a valid e-mail address, such as name@example.org."),
        ("name", "", "Please give your first and last name."),
        ("street", "", "Please give your street and house number."),
        ("postcode", "", "Please give your postcode."),
        ("city", "", "Please give your city."),
        ("text", "", "Please write a text."),
    ],
)
def test_bad_input_is_explained_beside_its_field_and_stores_nothing(
    client, formal, field, value, message, nothing_stored
):
    response = client.post(url(formal), visitor_data(**{field: value}))

    assert response.status_code == 200
    assert response.context["statement_form"].errors[field] == [ui(message)]
    error = parsed(response).find(id=f"statement-{field}_error")
    assert error is not None and ui(message) in text_of(error)
    assert nothing_stored()


def test_a_bad_attachment_among_good_fields_stores_neither_statement_nor_file(
    client, formal, nothing_stored
):
    upload = pdf_upload("Einwendung.exe")

    response = client.post(url(formal), visitor_data(attachments=[upload]))

    assert response.context["statement_form"].errors["attachments"]
    assert nothing_stored()


def test_the_service_refuses_a_visitors_statement_without_an_address_for_the_receipt(
    formal, nothing_stored
):
    with pytest.raises(ValidationError) as error:
        services.statement_create(procedure=formal, author=None, **statement_data())

    assert error.value.message_dict == {
        "email": [ui("Please give an e-mail address: the receipt goes there.")]
    }
    assert nothing_stored()


# Software and floods ---------------------------------------------------------------------------


def test_a_filled_honeypot_stores_and_sends_nothing(client, formal, nothing_stored):
    response = client.post(url(formal), visitor_data(website="https://spam.example"))

    assert response.status_code == 200
    assert response.context["statement_form"].has_error("__all__", code="honeypot")
    assert escape(ui(str(response.context["statement_form"].honeypot_message))) in (
        response.content.decode()
    )
    assert nothing_stored()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_and_empty(client, formal):
    form = parsed(client.get(url(formal))).find("form", action=url(formal))

    honeypot = form.find("input", attrs={"name": "website"})
    assert honeypot.find_parent("div").has_attr("hidden")
    assert not honeypot.get("value")


@pytest.fixture
def small_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation.statement_anonymous": (3, 3600)}


def test_many_posts_from_one_client_are_refused_over_the_limit(client, formal, small_limit):
    sent = [client.post(url(formal), visitor_data()) for _ in range(8)]

    assert [response.status_code for response in sent] == [302] * 3 + [429] * 5
    refused = sent[-1].content.decode()
    assert escape(str(MESSAGE)) in refused
    assert 'enctype="multipart/form-data"' in refused  # the form, to try again later
    assert Statement.objects.count() == 3


def test_another_client_still_hands_in_its_statement(client, formal, small_limit):
    for _ in range(4):
        client.post(url(formal), visitor_data(), REMOTE_ADDR="198.51.100.7")

    response = client.post(url(formal), visitor_data(), REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 302
    assert Statement.objects.count() == 4


# Staff process it like any other; the public sees nothing of the person -------------------------


@pytest.fixture
def handed_in(client, formal):
    client.post(url(formal), visitor_data())
    return Statement.objects.get()


def test_the_ombudsstelle_finds_it_among_the_new_statements_with_name_and_address(
    client, ombudsstelle, handed_in
):
    client.force_login(ombudsstelle)

    assert list(selectors.statements_new()) == [handed_in]
    listing = client.get(reverse("participation_statements:index"), {"status": "received"})
    assert handed_in.reference in listing.content.decode()
    page = parsed(client.get(reverse("participation_statements:edit", args=[handed_in.pk])))
    for text in ("Erika Mustermann", "Friedensplatz 1", "44135 Dortmund", "erika@example.org"):
        assert text in text_of(page)


def test_the_internal_export_has_the_visitors_name_and_address(client, ombudsstelle, handed_in):
    client.force_login(ombudsstelle)

    response = client.get(
        reverse("participation_admin:statements_csv", args=[handed_in.procedure.pk])
    )

    [row] = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    assert (row["reference"], row["name"], row["street"], row["email"]) == (
        handed_in.reference,
        "Erika Mustermann",
        "Friedensplatz 1",
        "erika@example.org",
    )


def test_the_public_never_sees_the_visitors_name_or_address(client, ombudsstelle, handed_in):
    services.statement_process(
        statement=handed_in, status="weighed", summary=SUMMARY, weighing=WEIGHING, user=ombudsstelle
    )
    client.logout()

    html = client.get(handed_in.procedure.url).content.decode()

    assert handed_in.reference in html and SUMMARY in html
    for private in ("Erika Mustermann", "Friedensplatz 1", "erika@example.org"):
        assert private not in html


def test_the_statement_page_makes_few_queries(client, formal, django_assert_max_num_queries):
    client.get(url(formal))  # the process's own caches filled
    # 15: one of them asks when the next training session begins (pages change then), two the
    # imported council paper of the procedure's Drucksache and its consultations.
    with django_assert_max_num_queries(15):
        assert client.get(url(formal)).status_code == 200
