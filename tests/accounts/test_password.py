import pytest
from django.core import mail

from tests.accounts.reading import link_in_mail, main_text
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Phoenix-See-am-Abend-77"


def test_password_reset_mails_a_link_that_sets_a_new_password(client, user):
    response = client.post("/en/accounts/password/reset/", {"email": user.email})
    assert response.url == "/en/accounts/password/reset/done/"
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert message.subject == "[MitWIRken] Password Reset Email"
    assert "Hello from MitWIRken in Dortmund!" in message.body

    form_page = client.get(link_in_mail(message), follow=True)
    assert "Change Password" in main_text(form_page)
    response = client.post(
        form_page.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.url == "/en/accounts/password/reset/key/done/"
    assert "Your password is now changed." in main_text(client.get(response.url))
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(DEFAULT_PASSWORD)


def test_new_password_logs_in(client, user):
    client.post("/accounts/password/reset/", {"email": user.email})
    form_page = client.get(link_in_mail(mail.outbox[0]), follow=True)
    client.post(
        form_page.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    response = client.post("/accounts/login/", {"login": user.email, "password": NEW_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_password_reset_mail_is_german_on_the_german_site(client, user):
    client.post("/accounts/password/reset/", {"email": user.email})

    (message,) = mail.outbox
    assert message.subject == "[MitWIRken] E-Mail zum Zurücksetzen des Passworts"
    assert "MitWIRken in Dortmund" in message.body
    assert "Hello from" not in message.body
    assert "/en/" not in link_in_mail(message)


def test_a_used_reset_link_says_so_and_offers_a_new_one(client, user):
    client.post("/en/accounts/password/reset/", {"email": user.email})
    link = link_in_mail(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    response = client.get(link, follow=True)

    assert "Bad Token" in main_text(response)
    assert 'href="/en/accounts/password/reset/"' in response.content.decode()
