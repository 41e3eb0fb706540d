"""Staff manage people in Wagtail's admin, with the display name and an optional real name."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def staff_client(client, user_factory):
    client.force_login(user_factory(is_staff=True, is_superuser=True))
    return client


def test_user_create_view_has_the_display_name(staff_client):
    response = staff_client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("email", "display_name", "first_name", "last_name"):
        assert f'name="{name}"' in html


def test_user_edit_view_shows_the_display_name(staff_client, user_factory):
    person = user_factory(display_name="Hoeschpark")

    response = staff_client.get(reverse("wagtailusers_users:edit", args=[person.pk]))

    assert response.status_code == 200
    assert 'name="display_name"' in response.content.decode()
    assert 'value="Hoeschpark"' in response.content.decode()


def create_user(staff_client, **data):
    return staff_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "Redaktion@Example.org",
            "display_name": "Redaktion Hörde",
            "first_name": "",
            "last_name": "",
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
            **data,
        },
    )


def test_creating_a_user_stores_the_display_name_and_needs_no_real_name(staff_client):
    response = create_user(staff_client)

    assert response.status_code == 302
    person = User.objects.get(email="redaktion@example.org")
    assert person.display_name == "Redaktion Hörde"
    assert (person.first_name, person.last_name) == ("", "")
    assert person.check_password(DEFAULT_PASSWORD)


def test_creating_a_user_without_display_name_fails(staff_client):
    response = create_user(staff_client, display_name="   ")

    assert response.status_code == 200
    assert "Ein Anzeigename darf nicht nur aus Leerzeichen bestehen." in response.content.decode()
    assert not User.objects.filter(email="redaktion@example.org").exists()


def test_changing_the_email_in_the_admin_replaces_the_login_address(staff_client, user_factory):
    person = user_factory(email="alt@example.org", display_name="Kiezkind")

    response = staff_client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "email": "neu@example.org",
            "display_name": "Kiezkind",
            "first_name": "",
            "last_name": "",
            "is_active": "on",
            "password1": "",
            "password2": "",
        },
    )

    assert response.status_code == 302
    (address,) = EmailAddress.objects.filter(user=person)
    assert address.email == "neu@example.org"
    assert address.primary
    assert not address.verified


def test_staff_find_people_by_display_name(staff_client, user_factory):
    user_factory(email="someone@example.org", display_name="Phoenixsee")

    response = staff_client.get(reverse("wagtailusers_users:index"), {"q": "Phoenix"})

    assert "someone@example.org" in response.content.decode()
