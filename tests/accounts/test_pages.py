"""Every account page in the portal's layout: one h1, a title, labelled inputs, nothing inline."""

import pytest

from tests.accounts.reading import structure
from tests.helpers import by_role

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/no-such-key/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/done/",
    "/accounts/inactive/",
]
LOGGED_IN_PAGES = [
    "/accounts/logout/",
    "/accounts/email/",
    "/accounts/password/change/",
]


def assert_portal_page(response):
    assert response.status_code == 200
    page = structure(response)
    assert page.h1_count == 1
    assert page.title.split("–")[0].strip(), "every page names itself in the <title>"
    assert page.title.strip().endswith("MitWIRken in Dortmund")
    assert page.unlabelled_inputs == []
    assert page.style_attributes == 0
    assert page.inline_scripts == 0
    assert by_role(response, "banner")


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_account_page_for_visitors(client, prefix, path):
    assert_portal_page(client.get(prefix + path))


@pytest.mark.parametrize("path", LOGGED_IN_PAGES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_account_page_for_logged_in_people(client, user, prefix, path):
    client.force_login(user)

    assert_portal_page(client.get(prefix + path))


def test_form_errors_are_tied_to_their_fields(client):
    response = client.post("/en/accounts/login/", {"login": "not-an-address", "password": ""})
    html = response.content.decode()

    assert 'id="id_login_error"' in html
    assert 'aria-describedby="id_login_error' in html
    assert 'id="id_password_error"' in html


def test_buttons_and_links_are_kern(client):
    html = client.get("/en/accounts/login/").content.decode()

    assert '<button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">' in (
        html
    )
    assert '<a class="kern-link" href="/en/accounts/signup/">' in html
    assert '<a class="kern-link" href="/en/accounts/password/reset/">' in html
