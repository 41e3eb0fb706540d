import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.accounts.reading import header_text, link_in_mail, main_text
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, email, password=DEFAULT_PASSWORD, prefix=""):
    return client.post(f"{prefix}/accounts/login/", {"login": email, "password": password})


def test_login_before_verification_does_not_log_in_and_shows_the_notice(client, user_factory):
    user = user_factory(verified=False)

    response = log_in(client, user.email, prefix="/en")

    assert response.status_code == 302
    page = client.get(response.url)
    assert "Verify Your Email Address" in main_text(page)
    assert "_auth_user_id" not in client.session
    assert user.display_name not in header_text(page)
    (message,) = mail.outbox
    assert message.to == [user.email]


def test_following_the_confirmation_link_verifies_and_logs_in(client, sign_up):
    sign_up(prefix="/en")
    link = link_in_mail(mail.outbox[0])

    confirm_page = client.get(link)
    assert "Confirm Email Address" in main_text(confirm_page)
    assert "kiezkind@example.org" in main_text(confirm_page)
    assert not EmailAddress.objects.get().verified  # looking at the page confirms nothing

    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get().verified
    assert "_auth_user_id" in client.session
    assert "Kiezkind" in header_text(client.get("/en/accounts/password/change/"))


def test_login_with_email_after_verification(client, user):
    response = log_in(client, user.email.upper())

    assert response.status_code == 302
    assert response.url == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_shows_an_error_and_does_not_log_in(client, user):
    response = log_in(client, user.email, password="falsch", prefix="/en")

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in main_text(response)
    assert "_auth_user_id" not in client.session


def test_logout_asks_first_and_happens_on_post(client, user):
    client.force_login(user)

    confirm_page = client.get("/en/accounts/logout/")
    assert "Are you sure you want to sign out?" in main_text(confirm_page)
    assert "_auth_user_id" in client.session

    response = client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_header_shows_the_display_name_never_the_email_or_real_name(client, user_factory):
    user = user_factory(
        email="erika.musterfrau@example.org",
        display_name="Phoenixsee",
        first_name="Erika",
        last_name="Musterfrau",
    )
    client.force_login(user)

    header = header_text(client.get("/accounts/password/change/"))

    assert "Phoenixsee" in header
    assert "erika.musterfrau" not in header
    assert "Erika" not in header
    assert "Musterfrau" not in header
