"""The admin's login speaks German to a German visitor, every word of it: labels, placeholders,
button, links and errors (Wagtail 8 leaves the password's label English; our form in
``mitwirken/accounts/admin/forms.py`` names it)."""

import pytest
from django.urls import reverse

from tests.factories.accounts import DEFAULT_PASSWORD
from tests.helpers import parsed, text_of

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
#: What Wagtail 8 and Django render on these pages when a catalogue is missing.
ENGLISH = [
    "Sign in",
    "Email",
    "email",
    "Password",
    "password",
    "Forgotten password?",
    "Remember me",
    "Enter your",
    "Enter password",
    "Skip to main content",
    "Signing in",
    "This field is required.",
    "didn't match",
    "Reset your password",
]


def words_shown(response) -> str:
    """The visible text and the attributes people read or hear (placeholders, labels, titles)."""
    page = parsed(response)
    for hidden in page(["script", "style", "svg", "head"]):
        hidden.decompose()
    said = [text_of(page)]
    for element in page.find_all(True):
        for name in ("placeholder", "aria-label", "title", "alt", "data-w-progress-active-value"):
            if element.get(name):
                said.append(element[name])
    return "\n".join(said)


def english_in(response) -> list[str]:
    shown = words_shown(response)
    return [word for word in ENGLISH if word in shown]


def german_visitor(client, method="get", path=LOGIN, data=None):
    assert not client.cookies
    return getattr(client, method)(path, data or {}, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")


def test_the_login_form_is_german_throughout(client):
    response = german_visitor(client)

    assert response.status_code == 200
    page = parsed(response)
    assert page.html["lang"] == "de"
    labels = [text_of(label).rstrip(" *") for label in page.find_all("label")]
    assert labels == ["E-Mail-Adresse", "Passwort", "Für das nächste Mal merken"]
    assert page.find(id="id_password")["placeholder"] == "Bitte geben Sie Ihr Passwort ein"
    assert page.find(id="id_username")["placeholder"] == "Bitte E-Mail-Adresse eingeben"
    assert text_of(page.find("button", type="submit")) == "Anmelden"
    assert text_of(page.find("a", class_="reset-password")) == "Passwort vergessen?"
    assert english_in(response) == []


def test_a_wrong_password_is_refused_in_german(client, user):
    response = german_visitor(
        client, "post", data={"username": user.email, "password": "falsch-falsch"}
    )

    assert response.status_code == 200
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in words_shown(response)
    assert english_in(response) == []
    assert "_auth_user_id" not in client.session


def test_empty_fields_are_refused_in_german(client):
    response = german_visitor(client, "post")

    assert words_shown(response).count("Dieses Feld muss ausgefüllt werden.") == 2
    assert english_in(response) == []


def test_staff_still_log_in_with_their_e_mail_address(client, ombudsstelle):
    response = german_visitor(
        client, "post", data={"username": ombudsstelle.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert client.session["_auth_user_id"] == str(ombudsstelle.pk)


def test_forgotten_password_is_german_too(client):
    response = german_visitor(client, path=reverse("wagtailadmin_password_reset"))

    assert response.status_code == 200
    assert "Setzen Sie Ihr Passwort zurück" in words_shown(response)
    assert english_in(response) == []
