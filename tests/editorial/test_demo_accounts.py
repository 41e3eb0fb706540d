"""``seed_demo`` makes one account per staff role where ``DEMO_ACCOUNTS`` is on, and prints it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_demo_account_per_role_is_seeded_and_logs_in(client, seeded):
    assert "bv-hoerde@demo.example.org (Bezirksvertretung Hörde)" in seeded
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "bv-hoerde@demo.example.org", "password": "Demo-MitWIRken-2026"},
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    account = get_user_model().objects.get(email="bv-hoerde@demo.example.org")
    assert [group.name for group in account.groups.all()] == ["Bezirksvertretung Hörde"]


def test_without_the_setting_no_demo_account_is_made(settings):
    from mitwirken.editorial.seed import demo_accounts, staff

    settings.DEMO_ACCOUNTS = False

    assert staff({"password": "x", "accounts": [{"email": "a@example.org"}]}) == 0
    assert demo_accounts() == []
    assert not get_user_model().objects.filter(email="a@example.org").exists()
