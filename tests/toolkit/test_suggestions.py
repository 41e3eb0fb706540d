"""Citizens suggest formats for the Instrumentenkoffer: only with a confirmed address, at most
three a day per person and per connection, nothing stored from bots or bad input; every stored
suggestion reaches the toolkit's editors once."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from mitwirken.limits import MESSAGE
from mitwirken.notifications.models import Notification
from tests.helpers import by_role
from toolkit.forms import FormatSuggestionForm
from toolkit.models import FormatSuggestion
from toolkit.services import suggestion_notify_staff

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Digitaler Kiezspaziergang",
    "description": "Wir gehen mit dem Handy durch das Viertel und sammeln Hinweise auf einer Karte",
    "counterpart": "Stadtteilspaziergang",
    "example_url": "https://example.org/kiezspaziergang",
    "website": "",
}


@pytest.fixture
def suggest_url(home_page, toolkit_index_page):
    return toolkit_index_page.url + "vorschlagen/"


@pytest.fixture
def post(client, suggest_url, django_capture_on_commit_callbacks):
    def post(data=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(suggest_url, {**VALID, **(data or {})}, **extra)

    return post


@pytest.fixture
def citizen_client(client, user):
    client.force_login(user)
    return client


# Who may suggest --------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_and_back(client, suggest_url):
    response = client.get(suggest_url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={suggest_url}"


def test_anonymous_posts_store_nothing(client, suggest_url, post):
    response = post()

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert not FormatSuggestion.objects.exists()


def test_an_unconfirmed_address_gets_the_reason_instead_of_the_form(
    client, user_factory, suggest_url, post
):
    client.force_login(user_factory(verified=False))

    shown = client.get(suggest_url)
    sent = post()

    assert shown.status_code == 200
    assert shown.context["reason"]
    assert 'name="title"' not in shown.content.decode()
    assert reverse("account_email") in shown.content.decode()
    assert sent.status_code == 403
    assert not FormatSuggestion.objects.exists()
    assert not Notification.objects.exists()


def test_the_form_has_every_field_and_a_hidden_honeypot(
    citizen_client, suggest_url, format_category
):
    response = citizen_client.get(suggest_url)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for name in ("title", "description", "category", "counterpart", "example_url"):
        assert f'name="{name}"' in html
    assert format_category.name in html
    assert '<div hidden>\n  <label for="id_website">' in html
    assert 'name="website" id="id_website" autocomplete="off" tabindex="-1"' in html
    with translation.override("en"):
        assert str(FormatSuggestionForm.base_fields["website"].label) == "Leave this field empty"


# Sending ----------------------------------------------------------------------------------------


def test_a_suggestion_is_stored_and_the_editors_hear_of_it_once(
    citizen_client, user, editor, post, suggest_url, format_category
):
    response = post({"category": format_category.pk})

    assert response.status_code == 302
    assert response.url == f"{suggest_url}#messages"
    suggestion = FormatSuggestion.objects.get()
    assert suggestion.author == user
    assert suggestion.title == VALID["title"]
    assert suggestion.description == VALID["description"]
    assert suggestion.category == format_category
    assert suggestion.counterpart == "Stadtteilspaziergang"
    assert suggestion.example_url == "https://example.org/kiezspaziergang"
    assert suggestion.status == FormatSuggestion.Status.NEW
    notification = Notification.objects.get()
    assert notification.message.kind == "toolkit.suggestion_created"
    assert notification.email == "redaktion@example.org"
    assert notification.user == editor
    assert [message.to for message in mail.outbox] == [["redaktion@example.org"]]
    assert VALID["title"] in mail.outbox[0].subject
    assert VALID["description"] in mail.outbox[0].body
    assert reverse("toolkit_suggestions:review", args=[suggestion.pk]) in mail.outbox[0].body
    # the thank-you after the redirect
    page = citizen_client.get(response.url)
    assert len(list(page.context["messages"])) == 1

    assert suggestion_notify_staff(suggestion_id=suggestion.pk) == 0
    assert Notification.objects.count() == 1


def test_without_editors_the_staff_mailbox_hears_of_it(citizen_client, post, settings):
    settings.STAFF_EMAIL = "ombudsstelle@example.org"

    post()

    assert FormatSuggestion.objects.count() == 1
    assert Notification.objects.get().email == "ombudsstelle@example.org"


def test_a_superuser_alone_is_not_mailed(citizen_client, post, user_factory, settings):
    settings.STAFF_EMAIL = "ombudsstelle@example.org"
    user_factory(email="admin@example.org", is_superuser=True)

    post()

    assert list(Notification.objects.values_list("email", flat=True)) == [
        "ombudsstelle@example.org"
    ]


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"title": "", "description": ""}, {"title", "description"}),
        ({"title": "   ", "description": "\n"}, {"title", "description"}),
        ({"title": "x" * 121}, {"title"}),
        ({"description": "x" * 2001}, {"description"}),
        ({"counterpart": "x" * 201}, {"counterpart"}),
        ({"example_url": "kein link"}, {"example_url"}),
        ({"category": "999999"}, {"category"}),
    ],
)
def test_bad_input_shows_errors_beside_the_fields_and_stores_nothing(
    citizen_client, editor, post, data, fields
):
    response = post(data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == fields
    assert not FormatSuggestion.objects.exists()
    assert not Notification.objects.exists()


def test_a_filled_honeypot_stores_nothing(citizen_client, editor, post):
    response = post({"website": "https://spam.example"})

    form = response.context["form"]
    assert response.status_code == 200
    assert form.has_error("__all__", code="honeypot")
    assert by_role(response, "alert")
    assert not FormatSuggestion.objects.exists()
    assert not Notification.objects.exists()


# Rate limits ------------------------------------------------------------------------------------


def test_the_fourth_suggestion_of_a_day_is_refused(citizen_client, editor, post):
    for number in range(3):
        assert post({"title": f"Format {number}"}).status_code == 302

    response = post({"title": "Noch eins"})

    assert response.status_code == 429
    assert escape(str(MESSAGE)) in response.content.decode()
    assert "Noch eins" in response.content.decode()  # the form again, as it was sent
    assert FormatSuggestion.objects.count() == 3
    assert not FormatSuggestion.objects.filter(title="Noch eins").exists()
    assert Notification.objects.count() == 3


def test_bad_input_does_not_count_towards_the_limit(citizen_client, post):
    for _number in range(3):
        assert post({"title": ""}).status_code == 200

    assert post().status_code == 302
    assert FormatSuggestion.objects.count() == 1


def test_the_fourth_suggestion_from_one_address_is_refused_whoever_sends_it(
    client, user_factory, post
):
    for number in range(3):
        client.force_login(user_factory())
        assert post({"title": f"Format {number}"}).status_code == 302
    client.force_login(user_factory())

    refused = post({"title": "Vom selben Anschluss"})
    elsewhere = post({"title": "Von anderswo"}, REMOTE_ADDR="192.0.2.44")

    assert refused.status_code == 429
    assert escape(str(MESSAGE)) in refused.content.decode()
    assert elsewhere.status_code == 302
    assert sorted(FormatSuggestion.objects.values_list("title", flat=True)) == [
        "Format 0",
        "Format 1",
        "Format 2",
        "Von anderswo",
    ]


def test_a_refused_attempt_does_not_use_up_the_other_limit(client, user_factory, user, post):
    """Refused for the address, the person's own count stays as it was."""
    for _number in range(3):
        client.force_login(user_factory())
        post()
    client.force_login(user)
    assert post().status_code == 429  # the address is used up

    for number in range(3):
        assert post({"title": f"Woanders {number}"}, REMOTE_ADDR="192.0.2.7").status_code == 302
