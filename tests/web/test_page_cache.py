"""Visitors without a session get pages from the page cache: a hit costs no query, and what
people send, moderators decide and editors publish shows to the next visitor. Nobody with a
session or a message is served a visitor's page, and a visitor's page carries neither a cookie
nor ``Vary: Cookie``, so a proxy may keep it too (docs/performance.md, "Page cache")."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from mitwirken.places.models import District
from participation.models import ProcedureIndexPage
from participation.services.moderation import contribution_hide
from tests.factories.participation import (
    EventFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    current_consultation_phase,
)
from tests.helpers import parsed, text_of, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what waits for the commit (new generations) at its end, as
    the commit of a request does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visitor() -> Client:
    """A browser without cookies of this site."""
    return Client()


def headers(response) -> dict:
    return {
        "cache_control": set(response.get("Cache-Control", "").replace(" ", "").split(",")),
        "vary": response.get("Vary", ""),
        "cookies": sorted(response.cookies),
    }


def test_a_visitors_second_look_is_served_from_the_cache_without_a_query(
    procedure, django_assert_num_queries
):
    first = visitor().get(procedure.url)

    with django_assert_num_queries(0):
        again = visitor().get(procedure.url)

    assert again.status_code == 200
    assert again.content == first.content
    assert "Westpark" in again.content.decode()


def test_a_visitors_page_sets_no_cookie_does_not_vary_by_cookie_and_a_proxy_may_keep_it(
    procedure,
):
    for response in (visitor().get(procedure.url), visitor().get(procedure.url)):
        seen = headers(response)
        assert seen["cookies"] == []
        assert "cookie" not in seen["vary"].lower()
        assert "accept-language" not in seen["vary"].lower()
        assert {"public", "max-age=0", "s-maxage=60"} <= seen["cache_control"]


def test_a_new_proposal_appears_for_the_next_visitor(client, procedure, citizen, committed):
    assert "Mehr Bänke am Teich" not in visitor().get(procedure.url).content.decode()

    client.force_login(citizen)
    with committed():
        client.post(
            f"{procedure.url}vorschlag/", {"title": "Mehr Bänke am Teich", "text": "Zum Ausruhen."}
        )

    assert "Mehr Bänke am Teich" in visitor().get(procedure.url).content.decode()


def test_a_hidden_proposal_disappears_for_the_next_visitor(procedure, moderator, committed):
    proposal = ProposalFactory(procedure=procedure, title="Werbung für Autohaus Mustermann")
    assert "Werbung für Autohaus Mustermann" in visitor().get(procedure.url).content.decode()

    with committed():
        contribution_hide(contribution=proposal, reason="Werbung", user=moderator)

    html = visitor().get(procedure.url).content.decode()
    assert "Werbung für Autohaus Mustermann" not in html
    assert ui("Hidden proposal") in html


def test_a_published_change_appears_for_the_next_visitor(procedure, ombudsstelle):
    visitor().get(procedure.url)

    procedure.title = "Westpark: neue Wege"
    procedure.save_revision(user=ombudsstelle).publish(user=ombudsstelle)

    assert "Westpark: neue Wege" in visitor().get(procedure.url).content.decode()


def test_a_draft_changes_nothing_a_visitor_sees(procedure, ombudsstelle):
    visitor().get(procedure.url)

    procedure.title = "Westpark (Entwurf)"
    procedure.save_revision(user=ombudsstelle)

    assert "Westpark (Entwurf)" not in visitor().get(procedure.url).content.decode()


def test_a_renamed_district_shows_on_the_next_visitors_page(home_page, committed):
    district = District.objects.get(slug="hoerde")
    procedure = ProcedurePageFactory(title="Westpark", districts=[district])
    assert "Hörde" in visitor().get(procedure.url).content.decode()

    with committed():
        district.name = "Hörde am See"
        district.save()

    assert "Hörde am See" in visitor().get(procedure.url).content.decode()


def test_a_new_public_name_shows_on_the_next_visitors_page(procedure, citizen, committed):
    ProposalFactory(procedure=procedure, author=citizen)
    assert "Kim aus Hörde" in visitor().get(procedure.url).content.decode()

    with committed():
        citizen.display_name = "Kim vom Phoenixsee"
        citizen.save(update_fields=["display_name"])

    assert "Kim vom Phoenixsee" in visitor().get(procedure.url).content.decode()


def test_a_signed_in_person_never_gets_the_visitors_page_nor_leaves_theirs(
    client, procedure, citizen
):
    visitor().get(procedure.url)

    client.force_login(citizen)
    mine = client.get(procedure.url)

    assert citizen.display_name in text_of(parsed(mine))
    seen = headers(mine)
    assert {"private", "no-cache"} <= seen["cache_control"]
    assert "Cookie" in seen["vary"]
    theirs = visitor().get(procedure.url).content.decode()
    assert citizen.display_name not in theirs
    assert ui("Log in") in theirs


def test_a_visitor_with_a_message_sees_it_and_then_the_cached_page_again(procedure):
    browser = visitor()
    browser.get(procedure.url)

    sent = browser.post(
        reverse("notifications:subscribe"),
        {
            "email": "erika@example.org",
            "target": f"page:{procedure.pk}",
            "consent": "on",
            "next": procedure.url,
        },
    )
    assert sent.status_code == 302, sent.content.decode()
    assert "messages" in browser.cookies

    with_message = browser.get(procedure.url)
    assert "erika@example.org" in with_message.content.decode()
    assert "private" in headers(with_message)["cache_control"]

    afterwards = browser.get(procedure.url)
    assert "erika@example.org" not in afterwards.content.decode()
    assert "public" in headers(afterwards)["cache_control"]


def test_a_filtered_list_is_kept_apart_from_the_whole_list(home_page):
    ProcedurePageFactory(title="Westpark")
    ProcedurePageFactory(title="Ostpark", phases=[])
    index = ProcedureIndexPage.objects.get().url

    everything = visitor().get(index).content.decode()
    open_only = visitor().get(f"{index}?status=open").content.decode()

    assert "Ostpark" in everything
    assert "Ostpark" not in open_only
    assert "Ostpark" in visitor().get(index).content.decode()


def test_a_page_is_kept_no_longer_than_until_its_phase_ends(home_page):
    ends_soon = current_consultation_phase(end=timezone.now() + datetime.timedelta(seconds=30))
    procedure = ProcedurePageFactory(title="Westpark", phases=[ends_soon])

    response = visitor().get(procedure.url)

    [s_maxage] = [part for part in headers(response)["cache_control"] if "s-maxage" in part]
    assert 0 < int(s_maxage.split("=")[1]) <= 30


def test_an_event_that_begins_soon_shortens_the_time_pages_are_kept(procedure):
    EventFactory(procedure=procedure, start=timezone.now() + datetime.timedelta(seconds=20))

    response = visitor().get("/")

    [s_maxage] = [part for part in headers(response)["cache_control"] if "s-maxage" in part]
    assert 0 < int(s_maxage.split("=")[1]) <= 20


def test_forms_for_visitors_are_on_pages_of_their_own_that_are_never_kept(procedure):
    poll = PollFactory(procedure=procedure, title="Neuer Spielplatz?", allow_anonymous=True)
    formal = ProcedurePageFactory(title="Bebauungsplan Hö 250", kind="land_use")
    proposal = ProposalFactory(procedure=procedure)

    for url in (
        f"{formal.url}stellungnahme/",
        f"{procedure.url}umfrage/{poll.pk}/",
        f"{procedure.url}melden/proposal/{proposal.pk}/",
    ):
        response = visitor().get(url)
        assert response.status_code == 200, url
        assert "no-store" in headers(response)["cache_control"], url
        assert parsed(response).find("input", attrs={"name": "csrfmiddlewaretoken"}), url


def test_nothing_is_kept_when_page_cache_seconds_is_zero(procedure, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visitor().get(procedure.url)

    response = visitor().get(procedure.url)

    assert response.context is not None  # rendered again, not from the cache


def test_a_visitors_post_is_never_answered_from_the_cache(procedure):
    visitor().get(procedure.url)

    response = visitor().post(f"{procedure.url}vorschlag/", {"title": "", "text": ""})

    assert response.context is not None  # rendered, with the reason why not


def test_a_head_request_is_answered_from_the_page_a_get_left(procedure, django_assert_num_queries):
    visitor().get(procedure.url)

    with django_assert_num_queries(0):
        response = visitor().head(procedure.url)

    assert response.status_code == 200


def test_a_page_made_private_is_no_longer_served_to_visitors(procedure, committed):
    assert visitor().get(procedure.url).status_code == 200

    with committed():
        PageViewRestriction.objects.create(
            page=procedure, restriction_type=PageViewRestriction.LOGIN
        )

    assert visitor().get(procedure.url).status_code == 302  # to the login


def test_the_path_names_the_language_whatever_the_browser_prefers(procedure):
    """Why a visitor's page need not vary by Accept-Language."""
    first = Client(HTTP_ACCEPT_LANGUAGE="en").get(procedure.url)
    german = visitor().get(procedure.url)

    assert first["Content-Language"] == german["Content-Language"] == "de"
    assert first.content == german.content


def test_a_compressed_page_is_kept_apart_from_a_plain_one(procedure, django_assert_num_queries):
    gzip = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    compressed = gzip.get(procedure.url)
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]

    with django_assert_num_queries(0):
        again = gzip.get(procedure.url)
    plain = visitor().get(procedure.url)

    assert again["Content-Encoding"] == "gzip"
    assert again.content == compressed.content
    assert not plain.has_header("Content-Encoding")
    assert "Westpark" in plain.content.decode()
