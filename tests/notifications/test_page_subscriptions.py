"""E-mails about a procedure or a district from the form on its own page, without an account:
double opt-in, back to the page at the message, nothing sent before confirming, and then news
of phases, results and new procedures, each with a link to unsubscribe."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from mitwirken.notifications.models import EmailSubscription, Notification
from mitwirken.notifications.services import digests_build, notifications_send_pending
from participation.services.results import phases_announce
from tests.helpers import parsed, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_page_factory):
    return home_page_factory()


@pytest.fixture
def procedure(home, procedure_page_factory, district):
    return procedure_page_factory(title="Uferpromenade", districts=[district])


@pytest.fixture
def hub(home, district_hub_page_factory, district):
    return district_hub_page_factory(district=district)


def box(response):
    """The subscription form on the page, found as a person finds it: by its heading."""
    heading = parsed(response).find(
        "h2", string=re.compile(re.escape(ui("E-mails about %(target)s").split("%")[0]))
    )
    return heading.find_parent("section") if heading else None


def send_form(client, response, captured, **data):
    """Fill in the page's subscription form and send it, as the browser would."""
    form = box(response).find("form")
    fields = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    fields.update({"email": "Nachbarin@example.org", "consent": "on", **data})
    with captured(execute=True):
        return client.post(form["action"], fields)


def confirmation_path() -> str:
    return re.search(r"http://testserver(/\S+/\S+/)\s", mail.outbox[-1].body).group(1)


def digest_sent():
    digests_build(frequency="daily")
    notifications_send_pending()


def test_the_procedure_page_offers_the_form_to_visitors(client, procedure):
    response = client.get(procedure.url)

    form = box(response).find("form")
    assert form.find("input", {"name": "target"})["value"] == f"page:{procedure.pk}"
    assert form.find("input", {"name": "next"})["value"] == procedure.url
    assert form.find("input", {"type": "email", "name": "email"})
    assert form.find("input", {"type": "checkbox", "name": "consent"})
    for field in form.find_all("input", {"type": ["email", "checkbox"]}):
        assert form.find("label", {"for": field["id"]}), field
    assert ui("You hear when a new phase starts and when the results are published.") in str(
        box(response)
    )


def test_signed_in_people_follow_instead_with_one_button_per_page(
    client, procedure, hub, district, citizen
):
    client.force_login(citizen)

    procedure_page = client.get(procedure.url)
    hub_page = client.get(hub.url)

    # The procedure shows its follow button at the top already: no box, no second button.
    assert box(procedure_page) is None
    follow = reverse("notifications:follow")
    assert len(parsed(procedure_page).find_all("form", action=follow)) == 1
    # The hub has none of its own: the box offers following the district.
    form = box(hub_page).find("form")
    assert form["action"] == follow
    assert form.find("input", {"name": "object_id"})["value"] == str(district.pk)
    assert not box(hub_page).find("input", {"name": "email"})


def test_subscribing_returns_to_the_procedure_at_the_message_and_sends_only_the_link(
    client, procedure, django_capture_on_commit_callbacks
):
    response = send_form(client, client.get(procedure.url), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"{procedure.url}#messages"
    page = client.get(procedure.url)
    message = parsed(page).find(id="messages")
    assert message["tabindex"] == "-1"
    assert "Nachbarin@example.org" in message.get_text()
    assert procedure.title in message.get_text()
    subscription = EmailSubscription.objects.get()
    assert (subscription.target, subscription.confirmed_at) == (procedure, None)
    [confirmation] = mail.outbox
    assert confirmation.to == ["nachbarin@example.org"]

    # Before confirming, the phase that started yesterday tells the address nothing.
    phases_announce()
    digest_sent()
    assert len(mail.outbox) == 1


def test_after_confirming_a_new_phase_reaches_the_subscriber_with_a_link_to_unsubscribe(
    client, procedure, django_capture_on_commit_callbacks
):
    send_form(client, client.get(procedure.url), django_capture_on_commit_callbacks)
    client.post(confirmation_path())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        phases_announce()  # the procedure's phase started yesterday
        digest_sent()

    [news] = mail.outbox
    assert news.to == ["nachbarin@example.org"]
    assert "Beteiligungsphase" in news.body
    assert news.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")
    assert "List-Unsubscribe=One-Click" in news.extra_headers["List-Unsubscribe-Post"]


def test_the_confirmation_mail_and_page_speak_the_language_of_the_page(
    client, procedure, django_capture_on_commit_callbacks
):
    with translation.override("en"):
        english = procedure.get_url()
    send_form(client, client.get(english), django_capture_on_commit_callbacks)

    assert confirmation_path().startswith("/en/")
    assert EmailSubscription.objects.get().language == "en"


def test_the_district_hub_subscribes_to_its_district_and_tells_of_new_procedures_once(
    client, hub, district, procedure_page_factory, django_capture_on_commit_callbacks
):
    response = client.get(hub.url)
    assert box(response).find("input", {"name": "target"})["value"] == f"district:{district.pk}"
    assert response.status_code == 200
    send_form(client, response, django_capture_on_commit_callbacks)
    client.post(confirmation_path())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        new = procedure_page_factory(title="Spielplatz am Phoenixsee", districts=[district])
        new.save_revision().publish()  # published again: not news any more
        procedure_page_factory(title="Anderswo", districts=[])
        digest_sent()

    [news] = mail.outbox
    assert news.to == ["nachbarin@example.org"]
    assert "Spielplatz am Phoenixsee" in news.body
    assert "Anderswo" not in news.body
    assert (
        Notification.objects.filter(message__kind="participation.procedure_published").count() == 1
    )


def test_an_error_shows_the_full_form_which_keeps_the_page_and_the_way_back(
    client, procedure, django_capture_on_commit_callbacks
):
    response = send_form(
        client, client.get(procedure.url), django_capture_on_commit_callbacks, email="kaputt"
    )

    assert response.status_code == 200
    html = parsed(response)
    assert html.find("option", {"value": f"page:{procedure.pk}", "selected": True})
    assert html.find("input", {"name": "next"})["value"] == procedure.url
    assert not EmailSubscription.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "target",
    [
        lambda procedure, other: f"page:{other.pk}",  # a page that sends no news
        lambda procedure, other: f"page:{procedure.pk + 10_000}",
        lambda procedure, other: "page:abc",
    ],
)
def test_only_pages_that_send_news_can_be_subscribed_to(
    client, procedure, standard_page_factory, target, django_capture_on_commit_callbacks
):
    other = standard_page_factory()
    response = send_form(
        client,
        client.get(procedure.url),
        django_capture_on_commit_callbacks,
        target=target(procedure, other),
    )

    assert response.status_code == 200
    assert ui("Please choose a district or a topic from the list.") in response.content.decode()
    assert not EmailSubscription.objects.exists()


def test_an_unpublished_procedure_cannot_be_subscribed_to(
    client, procedure, django_capture_on_commit_callbacks
):
    page = client.get(procedure.url)
    procedure.unpublish()

    response = send_form(client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert not EmailSubscription.objects.exists()


def test_the_way_back_never_leads_to_another_site(
    client, procedure, django_capture_on_commit_callbacks
):
    response = send_form(
        client,
        client.get(procedure.url),
        django_capture_on_commit_callbacks,
        next="https://evil.example/",
    )

    assert response.status_code == 200  # the page that says what happens next, on this site
    assert "evil.example" not in response.content.decode()
    assert len(mail.outbox) == 1


def test_repeated_requests_for_one_address_from_the_page_send_one_mail(
    client, procedure, django_capture_on_commit_callbacks
):
    page = client.get(procedure.url)
    for number in range(10):
        response = send_form(
            client,
            page,
            django_capture_on_commit_callbacks,
            email=["Nachbarin@example.org", "nachbarin@EXAMPLE.org "][number % 2],
        )
        assert response.status_code == 302

    assert len(mail.outbox) == 1
    assert EmailSubscription.objects.count() == 1


def test_the_honeypot_stops_software_and_sends_nothing(
    client, procedure, django_capture_on_commit_callbacks
):
    response = send_form(
        client,
        client.get(procedure.url),
        django_capture_on_commit_callbacks,
        website="https://spam.example",
    )

    assert response.status_code == 200
    assert not EmailSubscription.objects.exists()
    assert mail.outbox == []
