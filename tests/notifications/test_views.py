"""What people see: subscribing by e-mail, confirming, unsubscribing, following, their settings.

Addresses are reversed in English so the assertions can read the English texts.
"""

import datetime
import re
import time
import types

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail, signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from mitwirken.notifications.forms import CONSENT_TEXT, PreferencesForm
from mitwirken.notifications.mail import email_build
from mitwirken.notifications.models import (
    EmailSubscription,
    Follow,
    Frequency,
    Notification,
    Preference,
)
from mitwirken.notifications.services import follow_create, notify
from mitwirken.pages.kinds import NEWS_PUBLISHED
from mitwirken.pages.models import SiteLinks
from mitwirken.places.models import District, Topic
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory
from tests.helpers import by_role, parsed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request to an /en/ page leaves English active in the thread; the next test starts fresh."""
    yield
    translation.deactivate()


def url(name, *args):
    with translation.override("en"):
        return reverse(f"notifications:{name}", args=args)


def main(response) -> str:
    """The page's own content, without header and footer."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def announce(target, key="news:1"):
    notify(NEWS_PUBLISHED, target=target, key=key, context={"page": {"title": "Neue Radwege"}})


def unsubscribe_path(row: Notification) -> str:
    """The one-click address of the mail built from ``row``, as a mail program finds it."""
    header = email_build(row).extra_headers["List-Unsubscribe"]
    return header.strip("<>").removeprefix("http://testserver")


# Subscribing without an account -----------------------------------------------------------------


@pytest.fixture
def subscribe(client, district, django_capture_on_commit_callbacks):
    def subscribe(REMOTE_ADDR="127.0.0.1", **data):  # noqa: N803 - the name of the header
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                url("subscribe"),
                {
                    "email": "Nachbarin@example.org",
                    "target": f"district:{district.pk}",
                    "consent": "on",
                    "website": "",
                    **data,
                },
                REMOTE_ADDR=REMOTE_ADDR,
            )

    return subscribe


def confirmation_path() -> str:
    return re.search(r"http://testserver(/\S+/confirm/\S+/)", mail.outbox[-1].body).group(1)


def test_the_form_preselects_the_target_and_shows_the_consent_text(client, district):
    response = client.get(url("subscribe") + f"?target=district:{district.pk}")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert f'<option value="district:{district.pk}" selected>Hörde</option>' in html
    with translation.override("en"):
        assert str(CONSENT_TEXT) in html
    assert '<input type="checkbox" name="consent"' in html
    # The honeypot is hidden from people and assistive technology, and never prefilled.
    assert re.search(r'<div hidden>\s*<label for="id_website">', html)


def test_the_consent_links_to_the_privacy_page_of_the_footer_links(
    client, home_page, standard_page_factory, district
):
    assert "privacy statement" not in client.get(url("subscribe")).content.decode()
    privacy = standard_page_factory(title="Datenschutz", slug="datenschutz", slug_en="privacy")
    links = SiteLinks.for_site(home_page.get_site())
    links.privacy_page = privacy
    links.save()

    html = client.get(url("subscribe")).content.decode()
    consent = parsed(html).find(string=re.compile("How we protect your data:")).parent
    assert consent.find("a", href="/en/privacy/")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "keine-adresse"}, "Enter a valid email address."),
        ({"email": ""}, "Please enter your e-mail address."),
        ({"consent": ""}, "Please agree, so that we may send you e-mails."),
        ({"target": "page:3"}, "Please choose a district or a topic from the list."),
        ({"website": "https://spam.example"}, "a field that has to stay empty was filled in"),
    ],
)
def test_bad_input_shows_an_error_and_stores_nothing(subscribe, data, error):
    response = subscribe(**data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not EmailSubscription.objects.exists()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_request_stores_the_consent_and_mails_a_confirmation_link(subscribe, settings):
    response = subscribe()

    assert response.status_code == 200
    assert "Please check your e-mails" in main(response)
    subscription = EmailSubscription.objects.get()
    assert subscription.email == "nachbarin@example.org"
    assert subscription.confirmed_at is None
    assert subscription.consent_version == settings.NOTIFICATIONS_CONSENT_VERSION
    assert subscription.language == "en"
    assert [sent.to for sent in mail.outbox] == [["nachbarin@example.org"]]
    assert confirmation_path().startswith(url("confirm", "x")[: -len("x/")])


def test_an_address_already_subscribed_sees_the_same_page_and_gets_no_mail(subscribe):
    first = subscribe()
    EmailSubscription.objects.update(confirmed_at=timezone.now())
    mail.outbox.clear()

    second = subscribe()

    assert main(second) == main(first)
    assert mail.outbox == []


def test_the_form_cannot_be_used_to_flood_an_inbox(client, subscribe):
    """Asked again and again for one address and target, it sends one mail, whose link keeps
    working: a stranger cannot replace it either."""
    responses = [subscribe() for _ in range(7)]

    assert len(mail.outbox) == 1
    assert main(responses[-1]) == main(responses[0])
    client.post(confirmation_path())
    assert EmailSubscription.objects.get().confirmed_at is not None


def test_a_request_after_the_resend_window_sends_a_new_link(subscribe, settings):
    subscribe()
    first = confirmation_path()
    EmailSubscription.objects.update(
        requested_at=timezone.now()
        - datetime.timedelta(minutes=settings.NOTIFICATIONS_RESEND_MINUTES + 1)
    )

    subscribe()

    assert len(mail.outbox) == 2
    assert confirmation_path() != first


def test_one_address_gets_at_most_five_confirmations_an_hour_whatever_the_targets(subscribe, topic):
    targets = [f"district:{district.pk}" for district in District.objects.all()[:6]]
    targets.append(f"topic:{topic.pk}")

    for target in targets:
        subscribe(target=target)

    assert len(targets) == 7
    assert len(mail.outbox) == 5


def test_the_inbox_limit_holds_whichever_client_asks(subscribe):
    """Many clients together still send one address no more mails than one would."""
    responses = [subscribe(REMOTE_ADDR=f"203.0.113.{number}") for number in range(7)]

    assert len(mail.outbox) == 1
    assert main(responses[-1]) == main(responses[0])


def test_rapid_requests_from_one_client_stop_at_its_limit(subscribe, settings):
    """Whatever the addresses: the client is told, which reveals nothing about any address."""
    from django.utils.html import escape

    from mitwirken.limits import MESSAGE

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "notifications.subscribe": (3, 60 * 60)}
    for number in range(3):
        assert subscribe(email=f"person{number}@example.org").status_code == 200

    known = subscribe(email="person0@example.org")
    unknown = subscribe(email="niemand@example.org")

    assert known.status_code == unknown.status_code == 429
    with translation.override("en"):
        assert escape(str(MESSAGE)) in main(unknown)
    without_token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert without_token.sub("", main(known)).replace("person0", "niemand") == (
        without_token.sub("", main(unknown))
    )
    assert EmailSubscription.objects.count() == 3
    assert len(mail.outbox) == 3
    assert "<footer" in known.content.decode()
    other_client = subscribe(email="niemand@example.org", REMOTE_ADDR="198.51.100.99")
    assert other_client.status_code == 200
    assert EmailSubscription.objects.count() == 4


def test_confirming_asks_on_get_and_confirms_only_on_post(client, subscribe):
    subscribe()
    path = confirmation_path()

    page = client.get(path)
    assert page.status_code == 200
    assert "Do you want to receive e-mails about Hörde at nachbarin@example.org?" in main(page)
    assert f'<form method="post" action="{path}">' in main(page)
    assert EmailSubscription.objects.get().confirmed_at is None

    done = client.post(path)
    assert done.status_code == 200
    assert "From now on you receive e-mails about Hörde." in main(done)
    assert EmailSubscription.objects.get().confirmed_at is not None


def tampered(path: str) -> str:
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    return path.replace(token, forged)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_confirmation_link_shows_a_clear_page_and_changes_nothing(
    client, subscribe, method
):
    subscribe()

    response = getattr(client, method)(tampered(confirmation_path()))

    assert response.status_code == 400
    assert "This confirmation link does not work" in main(response)
    assert main(response).count("<h1") == 1
    assert EmailSubscription.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_confirms_nothing(client, subscribe, settings, monkeypatch):
    subscribe()
    path = confirmation_path()
    later = time.time() + (settings.NOTIFICATIONS_CONFIRM_DAYS * 24 + 1) * 60 * 60
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))

    response = client.post(path)

    assert response.status_code == 400
    assert "has expired after 7 days" in main(response)
    assert EmailSubscription.objects.get().confirmed_at is None


# Unsubscribing with one click -------------------------------------------------------------------


@pytest.fixture
def subscription(district):
    return EmailSubscription.objects.create(
        email="nachbar@example.org",
        content_type=ContentType.objects.get_for_model(District),
        object_id=district.pk,
        language="en",
        consent_version="2026-11",
        confirmed_at=timezone.now(),
    )


def test_the_unsubscribe_link_shows_what_it_would_stop_and_changes_nothing(
    client, subscription, district
):
    announce(district)
    path = unsubscribe_path(Notification.objects.get(subscription=subscription))

    response = client.get(path)

    assert response.status_code == 200
    assert "E-mails about Hörde to nachbar@example.org." in main(response)
    assert f'<form method="post" action="{path}">' in main(response)
    assert EmailSubscription.objects.filter(pk=subscription.pk).exists()


def test_one_click_unsubscribe_of_a_subscription_needs_no_login_and_no_csrf_token(
    subscription, district
):
    announce(district)
    path = unsubscribe_path(Notification.objects.get(subscription=subscription))

    # What a mail program sends (RFC 8058): a bare form POST, no cookies, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "You will no longer receive e-mails about Hörde." in main(response)
    assert not EmailSubscription.objects.exists()


def test_one_click_unsubscribe_stops_a_follow(user_factory, topic):
    person = user_factory(language="en")
    follow_create(user=person, target=topic)
    announce(topic)
    path = unsubscribe_path(Notification.objects.get(user=person))

    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "You no longer follow Transport and mobility." in main(response)
    assert not Follow.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_unsubscribe_link_shows_a_clear_page_and_changes_nothing(
    client, subscription, district, method
):
    announce(district)
    path = unsubscribe_path(Notification.objects.get(subscription=subscription))

    response = getattr(client, method)(tampered(path))

    assert response.status_code == 400
    assert "This unsubscribe link does not work" in main(response)
    assert EmailSubscription.objects.filter(pk=subscription.pk).exists()


# Following, and the account page ----------------------------------------------------------------


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def follow_data(target, next_url="/en/"):
    content_type = (
        target.content_type_id
        if hasattr(target, "content_type_id")
        else ContentType.objects.get_for_model(target).pk
    )
    return {"content_type": content_type, "object_id": target.pk, "next": next_url}


def test_following_needs_a_login(client, district):
    response = client.post(url("follow"), follow_data(district))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Follow.objects.exists()


def test_a_signed_in_person_follows_a_district_and_returns(client, user, district):
    client.force_login(user)

    response = client.post(url("follow"), follow_data(district, next_url="/en/aktuelles/"))

    assert response.status_code == 302
    assert response["Location"] == "/en/aktuelles/#messages"
    assert Follow.objects.get().target == district


def test_a_page_can_be_followed(client, user, news_index):
    news = NewsPageFactory(parent=news_index)
    client.force_login(user)

    client.post(url("follow"), follow_data(news))

    assert Follow.objects.get().target == news


def test_following_never_redirects_to_another_site(client, user, district):
    client.force_login(user)

    response = client.post(url("follow"), follow_data(district, "https://example.com/"))

    assert response["Location"] == url("overview") + "#messages"


@pytest.mark.parametrize(
    "data",
    [
        lambda user: follow_data(user),  # a person is not something to follow
        lambda user: {
            "content_type": ContentType.objects.get_for_model(Notification).pk,
            "object_id": 1,
        },
        lambda user: {
            "content_type": ContentType.objects.get_for_model(District).pk,
            "object_id": 999_999,
        },
        lambda user: {"content_type": 999_999, "object_id": 1},
        lambda user: {"content_type": "district", "object_id": "hoerde"},
    ],
)
def test_following_anything_else_is_refused(client, user, data):
    client.force_login(user)

    response = client.post(url("follow"), data(user))

    assert response.status_code == 400
    assert "This cannot be followed" in main(response)
    assert not Follow.objects.exists()


def test_the_account_page_needs_a_login(client):
    response = client.get(url("overview"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_account_page_lists_what_a_person_follows(client, user, district, topic, news_index):
    news = NewsPageFactory(parent=news_index, title="Radwege in Hörde")
    for target in (district, topic, news):
        follow_create(user=user, target=target)
    client.force_login(user)

    page = main(client.get(url("overview")))

    assert page.count("<h1") == 1
    assert "Hörde" in page and "Transport and mobility" in page
    with translation.override("en"):
        assert by_role(page, "link", "Radwege in Hörde", href=news.url)
    for follow in Follow.objects.all():
        assert f'action="{url("unfollow", follow.pk)}"' in page


def test_a_person_stops_following_from_the_account_page(client, user, district):
    follow = follow_create(user=user, target=district)
    client.force_login(user)

    response = client.post(url("unfollow", follow.pk), {"next": url("overview")})

    assert response.status_code == 302
    assert response["Location"] == url("overview") + "#messages"
    assert not Follow.objects.exists()
    assert "You no longer follow Hörde." in client.get(url("overview")).content.decode()


def test_nobody_stops_someone_elses_follow(client, user, user_factory, district):
    follow = follow_create(user=user_factory(), target=district)
    client.force_login(user)

    response = client.post(url("unfollow", follow.pk))

    assert response.status_code == 404
    assert Follow.objects.filter(pk=follow.pk).exists()


def preferences(user, **changes) -> dict:
    data = {name: Frequency.DAILY for name in PreferencesForm(user=user).kinds}
    return {**data, "language": "de", **changes}


def test_the_preferences_are_radio_groups_in_fieldsets(client, user):
    client.force_login(user)

    page = main(client.get(url("overview")))

    assert by_role(page, "group", "News about what I follow")
    assert by_role(page, "group", "Language of your e-mails")
    # The default for everything people follow is the daily digest.
    assert re.search(r'value="daily" checked[^>]*>\s*<label[^>]*>Daily digest</label>', page)


def test_preferences_and_the_mail_language_are_saved(client, user):
    client.force_login(user)

    response = client.post(
        url("overview"), preferences(user, news_published=Frequency.WEEKLY, language="en")
    )

    assert response.status_code == 302
    assert Preference.objects.get(user=user, kind="news.published").frequency == "weekly"
    user.refresh_from_db()
    assert user.language == "en"


def test_an_invalid_preference_is_refused(client, user):
    client.force_login(user)

    response = client.post(url("overview"), preferences(user, news_published="hourly"))

    assert response.status_code == 200
    assert "Please choose one of the options." in main(response)
    assert 'aria-invalid="true"' in main(response)
    assert not Preference.objects.exists()


def test_the_account_page_reads_the_same_number_of_queries_for_3_or_30_follows(
    client, user, news_index, django_assert_max_num_queries
):
    news = [NewsPageFactory(parent=news_index) for _ in range(10)]
    districts, topics = list(District.objects.all()), list(Topic.objects.all())
    targets = [*districts, *topics, *news]
    assert len(targets) == 30
    for target in (districts[0], topics[0], news[0]):
        follow_create(user=user, target=target)
    client.force_login(user)
    client.get(url("overview"))  # warm the caches of the site and its root paths
    with CaptureQueriesContext(connection) as few:
        client.get(url("overview"))

    for target in targets:
        follow_create(user=user, target=target)
    assert Follow.objects.count() == 30
    with django_assert_max_num_queries(len(few)):
        response = client.get(url("overview"))
    assert main(response).count(f'action="{url("unfollow", 0)[:-2]}') == 30


# The follow button on a news item ---------------------------------------------------------------


@pytest.fixture
def news(news_index, district, topic):
    page = NewsPageFactory(parent=news_index)
    page.districts.set([district])
    page.topics.set([topic])
    page.save()  # the live page's districts and topics, without publishing (and announcing) again
    return page


def english_url(page) -> str:
    with translation.override("en"):
        return page.url


def test_visitors_get_a_link_to_subscribe_with_the_target_chosen(client, news, district, topic):
    html = client.get(english_url(news)).content.decode()

    back = english_url(news).replace("/", "%2F")
    for target, prefix in ((district, "district"), (topic, "topic")):
        assert f'href="{url("subscribe")}?target={prefix}%3A{target.pk}&amp;next={back}"' in html


def test_subscribing_from_that_link_returns_to_the_news_at_the_message(
    client, news, district, subscribe
):
    form = client.get(f"{url('subscribe')}?target=district:{district.pk}&next={english_url(news)}")
    assert parsed(form).find("input", {"name": "next"})["value"] == english_url(news)

    response = subscribe(next=english_url(news))

    assert response["Location"] == f"{english_url(news)}#messages"
    assert len(mail.outbox) == 1


def test_signed_in_people_follow_and_unfollow_with_the_button(client, user, news, district):
    client.force_login(user)
    page = english_url(news)

    html = client.get(page).content.decode()
    assert html.count(f'action="{url("follow")}"') == 2
    assert "Follow Hörde" in html

    client.post(url("follow"), follow_data(district, next_url=page))
    html = client.get(page).content.decode()
    follow = Follow.objects.get()
    assert f'action="{url("unfollow", follow.pk)}"' in html
    assert "You follow Hörde." in html
    assert html.count(f'action="{url("follow")}"') == 1


def test_the_buttons_read_the_follows_once(client, user, news):
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        client.get(english_url(news))

    follow_queries = [q for q in queries if "notifications_follow" in q["sql"]]
    assert len(follow_queries) == 1
