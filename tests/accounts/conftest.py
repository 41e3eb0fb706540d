import pytest
from django.core.cache import cache

from tests.factories.accounts import DEFAULT_PASSWORD


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth rate-limits mails per address in the cache; each test starts with none sent."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_up(client):
    """Fill in and send the sign-up form like a visitor does."""

    def sign_up(email="kiezkind@example.org", display_name="Kiezkind", prefix="", **data):
        return client.post(
            f"{prefix}/accounts/signup/",
            {
                "email": email,
                "display_name": display_name,
                "password1": DEFAULT_PASSWORD,
                "password2": DEFAULT_PASSWORD,
                **data,
            },
        )

    return sign_up
