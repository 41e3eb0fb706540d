import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.accounts.reading import header_text, link_in_mail, main_structure, main_text

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_sign_up_creates_an_account_that_waits_for_verification_and_mails_a_link(client, sign_up):
    response = sign_up(prefix="/en")

    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    user = User.objects.get(email="kiezkind@example.org")
    assert user.display_name == "Kiezkind"
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session
    (message,) = mail.outbox
    assert message.to == ["kiezkind@example.org"]
    assert "/en/accounts/confirm-email/" in link_in_mail(message)

    page = client.get(response.url)
    assert "Verify Your Email Address" in main_text(page)
    assert "Kiezkind" not in header_text(page)


def test_verification_mail_is_in_the_language_of_the_sign_up_and_names_the_portal(sign_up):
    sign_up(email="de@example.org", display_name="Borsigplatz")
    sign_up(email="en@example.org", display_name="Westfalenpark", prefix="/en")

    german, english = mail.outbox
    assert german.subject == "[MitWIRken] Bitte bestätige deine E-Mail-Adresse"
    assert "MitWIRken in Dortmund" in german.body
    assert "Hello from" not in german.body
    assert "/accounts/confirm-email/" in link_in_mail(german)
    assert "/en/" not in link_in_mail(german)
    assert english.subject == "[MitWIRken] Please Confirm Your Email Address"
    assert "Hello from MitWIRken in Dortmund!" in english.body
    assert "Westfalenpark" in english.body


def test_sign_up_asks_only_for_email_display_name_and_password_twice(client):
    page = main_structure(client.get("/en/accounts/signup/"))

    assert [field["name"] for field in page.inputs] == [
        "email",
        "display_name",
        "password1",
        "password2",
    ]
    assert page.unlabelled_inputs == []


def test_display_name_help_text_says_it_is_public(client):
    response = client.get("/en/accounts/signup/")

    assert "Shown publicly next to your contributions." in response.content.decode()
    assert 'maxlength="40"' in response.content.decode()


def test_sign_up_page_speaks_english_under_en(client):
    response = client.get("/en/accounts/signup/")
    text = main_text(response)

    assert '<html lang="en"' in response.content.decode()
    assert "Sign Up" in text
    assert "Password (again)" in text
    assert "Display name" in text


def test_sign_up_page_speaks_german_without_prefix(client):
    """allauth's own German; the portal's strings are German once the catalogue is compiled."""
    response = client.get("/accounts/signup/")
    text = main_text(response)

    assert '<html lang="de"' in response.content.decode()
    assert "E-Mail" in text
    assert "Passwort" in text
    assert "Passwort (Wiederholung)" in text
    assert "Password" not in text


def test_display_name_is_required(client, sign_up):
    response = sign_up(display_name="", prefix="/en")

    assert response.status_code == 200
    assert "Please enter a display name." in main_text(response)
    assert not User.objects.exists()
    assert mail.outbox == []


def test_display_name_of_only_spaces_is_rejected_and_nothing_is_stored(sign_up):
    response = sign_up(display_name="    ", prefix="/en")

    assert response.status_code == 200
    assert "A display name cannot consist of spaces only." in main_text(response)
    assert 'aria-describedby="id_display_name_error' in response.content.decode()
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert mail.outbox == []


def test_display_name_is_stripped(sign_up):
    sign_up(display_name="  Kiezkind  ")

    assert User.objects.get().display_name == "Kiezkind"


def test_display_name_has_at_most_40_characters(sign_up):
    assert sign_up(display_name="x" * 41).status_code == 200
    assert not User.objects.exists()

    sign_up(display_name="x" * 40)
    assert User.objects.get().display_name == "x" * 40


def test_display_name_may_not_be_an_email_address(sign_up):
    response = sign_up(display_name="kiezkind@example.org", prefix="/en")

    assert "Please do not use an e-mail address" in main_text(response)
    assert not User.objects.exists()
