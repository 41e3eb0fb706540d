"""Signing in, signing up, confirming the address and signing out lead back to the page the
person came from, in the language they used."""

import pytest
from django.core import mail
from django.utils import translation

from tests.accounts.reading import header_text, link_in_mail
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.helpers import parsed, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page_factory, standard_page_factory):
    home_page_factory()
    return standard_page_factory(title="Mitmachen", slug="mitmachen", slug_en="take-part")


def english_url(page) -> str:
    with translation.override("en"):
        return page.get_url()


def header_link(response, name: str) -> str:
    header = parsed(response).find("header")
    return next(a["href"] for a in header.find_all("a") if a.get_text(strip=True) == name)


def test_the_header_links_to_sign_in_and_up_and_back_to_this_page(client, article):
    url = english_url(article)

    response = client.get(f"{url}?seite=2")

    with translation.override("en"):
        login, signup = ui("Log in"), ui("Register")
    assert (
        header_link(response, login)
        == f"/en/accounts/login/?next={url.replace('/', '%2F')}%3Fseite%3D2"
    )
    assert (
        header_link(response, signup)
        == f"/en/accounts/signup/?next={url.replace('/', '%2F')}%3Fseite%3D2"
    )


def test_signing_in_from_a_page_returns_to_it(client, article, user):
    url = english_url(article)
    login_page = client.get(f"/en/accounts/login/?next={url}")
    assert f'name="next" value="{url}"' in login_page.content.decode()

    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD, "next": url}
    )

    assert response.status_code == 302
    assert response.url == url


def test_without_a_page_to_return_to_english_sign_in_lands_on_the_english_home_page(
    client, article, user
):
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.url == "/en/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_a_next_to_another_site_is_ignored(client, article, user, next_url):
    response = client.post(
        "/en/accounts/login/",
        {"login": user.email, "password": DEFAULT_PASSWORD, "next": next_url},
    )

    assert response.status_code == 302
    assert response.url == "/en/"


def test_on_the_sign_in_page_the_header_keeps_the_way_back_and_never_points_at_itself(
    client, article
):
    url = english_url(article)

    response = client.get(f"/en/accounts/login/?next={url}")

    with translation.override("en"):
        signup = header_link(response, ui("Register"))
    assert signup == f"/en/accounts/signup/?next={url.replace('/', '%2F')}"


def test_signing_up_from_an_english_page_confirms_in_another_browser_and_returns_there(
    client, article, sign_up
):
    url = english_url(article)
    sign_up(prefix="/en", next=url)
    link = link_in_mail(mail.outbox[0])
    assert "/en/accounts/confirm-email/" in link

    client.cookies.clear()  # the phone's mail program: nobody is signed in there
    confirm_page = client.get(link)
    response = client.post(
        link, {"next": parsed(confirm_page).find("input", {"name": "next"})["value"]}
    )

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=")
    login_page = client.get(response.url)
    response = client.post(
        "/en/accounts/login/",
        {"login": "kiezkind@example.org", "password": DEFAULT_PASSWORD, "next": url},
    )
    assert response.url == url
    assert "Kiezkind" in header_text(client.get(url))
    assert login_page.status_code == 200


def test_signing_up_and_confirming_in_the_same_browser_signs_in_and_returns(
    client, article, sign_up
):
    url = english_url(article)
    sign_up(prefix="/en", next=url)
    link = link_in_mail(mail.outbox[0])

    confirm_page = client.get(link)
    response = client.post(
        link, {"next": parsed(confirm_page).find("input", {"name": "next"})["value"]}
    )

    assert response.status_code == 302
    assert response.url == url
    assert "_auth_user_id" in client.session


def test_confirming_without_a_page_to_return_to_signs_in_on_the_english_home_page(
    client, article, sign_up
):
    sign_up(prefix="/en")
    link = link_in_mail(mail.outbox[0])

    response = client.post(link)

    assert response.url == "/en/"
    assert "_auth_user_id" in client.session


def test_logging_out_returns_to_the_public_page(client, article, user):
    client.force_login(user)
    url = english_url(article)
    page = client.get(url)
    form = parsed(page).find("form", {"action": "/en/accounts/logout/"})
    assert form.find("input", {"name": "next"})["value"] == url

    response = client.post("/en/accounts/logout/", {"next": url})

    assert response.url == url
    assert "_auth_user_id" not in client.session


def test_logging_out_from_a_page_for_signed_in_people_goes_to_the_home_page_of_the_language(
    client, article, user
):
    client.force_login(user)
    page = client.get("/en/notifications/")
    assert page.status_code == 200
    form = parsed(page).find("form", {"action": "/en/accounts/logout/"})
    assert form.find("input", {"name": "next"}) is None

    response = client.post("/en/accounts/logout/")

    assert response.url == "/en/"


def test_from_the_home_page_the_links_need_no_way_back(client, article):
    response = client.get("/en/")

    with translation.override("en"):
        assert header_link(response, ui("Log in")) == "/en/accounts/login/"
        assert header_link(response, ui("Register")) == "/en/accounts/signup/"


def test_switching_the_language_on_the_sign_in_page_also_switches_the_way_back(client, article):
    response = client.get(f"/en/accounts/login/?next={english_url(article)}")

    switcher = parsed(response).find("nav", {"class": "site-languages"})
    german = switcher.find("a", {"hreflang": "de"})["href"]
    assert german == "/accounts/login/?next=%2Fmitmachen%2F"
    assert english_url(article) == "/en/take-part/"
