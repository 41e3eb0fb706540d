"""Registering, cancelling and confirming from the module page's buttons and from the signed
links of the mails: what the person reads, and that a refusal changes nothing."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.html import escape

from mitwirken.notifications.models import Notification
from tests.factories.accounts import UserFactory
from tests.factories.training import EnrolmentFactory, SessionFactory, TrainingIndexPageFactory
from tests.helpers import ui
from training import rules, tokens
from training.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return TrainingIndexPageFactory()


@pytest.fixture
def session(index):
    return SessionFactory(capacity=1)


def register_url(session):
    return f"{session.module.url}termin/{session.pk}/anmelden/"


def cancel_url(enrolment):
    return f"{enrolment.session.module.url}platz/{enrolment.pk}/abmelden/"


def confirm_url(enrolment):
    return f"{enrolment.session.module.url}platz/{enrolment.pk}/bestaetigen/"


def messages_after(client, response) -> str:
    """The page the redirect leads to, opening at its messages."""
    assert response.status_code == 302
    assert response["Location"].endswith("#messages")
    return client.get(response["Location"]).content.decode()


def statuses():
    return sorted(Enrolment.objects.values_list("user__email", "status"))


def test_register_then_cancel_with_a_message_each_time(client, session, citizen):
    client.force_login(citizen)

    html = messages_after(client, client.post(register_url(session)))
    enrolment = Enrolment.objects.get(user=citizen)
    assert enrolment.status == Enrolment.Status.CONFIRMED
    assert "kern-alert--success" in html
    assert ui("You are registered.") in html

    html = messages_after(client, client.post(cancel_url(enrolment)))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert "kern-alert--success" in html
    assert ui("Register for this session") in html


def test_a_full_session_puts_the_person_on_the_waiting_list(client, session, citizen):
    EnrolmentFactory(session=session)
    client.force_login(citizen)

    html = messages_after(client, client.post(register_url(session)))

    assert Enrolment.objects.get(user=citizen).status == Enrolment.Status.WAITING
    assert ui("You are on the waiting list.") in html


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("twice", rules.ALREADY_ENROLLED),
        ("deadline", rules.DEADLINE_PASSED),
        ("internal", rules.INTERNAL_ONLY),
    ],
)
def test_refusals_say_why_and_change_nothing(client, index, citizen, setup, message):
    session = SessionFactory(
        internal=setup == "internal",
        registration_deadline=timezone.now()
        + (datetime.timedelta(hours=-1) if setup == "deadline" else datetime.timedelta(days=1)),
    )
    if setup == "twice":
        EnrolmentFactory(session=session, user=citizen)
    before = statuses()
    client.force_login(citizen)

    html = messages_after(client, client.post(register_url(session)))

    assert "kern-alert--danger" in html
    assert str(escape(message)) in html
    assert statuses() == before


def test_a_visitor_is_sent_to_log_in_and_nothing_is_stored(client, session):
    response = client.post(register_url(session))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_get_does_not_register(client, session, citizen):
    client.force_login(citizen)
    assert client.get(register_url(session)).status_code == 405
    assert not Enrolment.objects.exists()


def test_cancelling_someone_elses_place_is_not_found(client, session, citizen):
    other = EnrolmentFactory(session=session)
    client.force_login(citizen)

    assert client.post(cancel_url(other)).status_code == 404
    assert client.post(confirm_url(other)).status_code == 404
    other.refresh_from_db()
    assert other.status == Enrolment.Status.CONFIRMED


def test_a_session_of_another_module_is_not_found(client, index, session, citizen):
    elsewhere = SessionFactory()
    client.force_login(citizen)
    url = f"{session.module.url}termin/{elsewhere.pk}/anmelden/"
    assert client.post(url).status_code == 404


def test_confirming_an_offered_place(client, session, citizen):
    enrolment = EnrolmentFactory(
        session=session,
        user=citizen,
        status=Enrolment.Status.OFFERED,
        offered_until=timezone.now() + datetime.timedelta(hours=3),
    )
    client.force_login(citizen)

    messages_after(client, client.post(confirm_url(enrolment)))

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_over_the_limit_nothing_is_stored(client, session, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "training.enrol": (0, 3600)}
    client.force_login(citizen)

    html = messages_after(client, client.post(register_url(session)))

    assert not Enrolment.objects.exists()
    assert "kern-alert--danger" in html


# The signed links of the mails ----------------------------------------------------------------


def link(enrolment, action):
    return f"/schulungen/anmeldung/{tokens.enrolment_token(enrolment=enrolment, action=action)}/"


def test_the_cancel_link_shows_what_happens_and_only_post_cancels(client, session):
    enrolment = EnrolmentFactory(session=session)
    waiting = EnrolmentFactory(session=session, status=Enrolment.Status.WAITING)

    page = client.get(link(enrolment, "cancel"))
    assert page.status_code == 200
    assert session.module.title in page.content.decode()
    assert ui("Cancel my place") in page.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED  # GET does nothing

    response = client.post(link(enrolment, "cancel"))

    assert response.status_code == 302
    assert response["Location"] == f"{session.module.url}#messages"
    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert waiting.status == Enrolment.Status.OFFERED  # the next in line is offered the place


def test_the_confirm_link_takes_the_offered_place(client, session):
    enrolment = EnrolmentFactory(
        session=session,
        status=Enrolment.Status.OFFERED,
        offered_until=timezone.now() + datetime.timedelta(hours=3),
    )
    assert ui("Confirm my place") in client.get(link(enrolment, "confirm")).content.decode()

    client.post(link(enrolment, "confirm"))

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_a_tampered_link_says_so_and_changes_nothing(client, session):
    enrolment = EnrolmentFactory(session=session)
    token = tokens.enrolment_token(enrolment=enrolment, action="cancel")
    other = EnrolmentFactory(session=session)
    signature = token.rsplit("-", 1)[1]
    tampered = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # the signature changed
        f"cancel-{other.pk}-{signature}",  # another person's place with this signature
        f"confirm-{enrolment.pk}-{signature}",  # another action
    ]

    for method, bad in zip((client.get, client.post, client.post), tampered, strict=True):
        response = method(f"/schulungen/anmeldung/{bad}/")
        assert response.status_code == 404
        assert (
            ui("This link is not valid. Please use the link from your most recent e-mail.")
            in response.content.decode()
        )
    assert sorted(Enrolment.objects.values_list("status", flat=True)) == ["confirmed"] * 2


def test_a_used_link_says_why_it_does_nothing_more(client, session):
    enrolment = EnrolmentFactory(session=session)
    client.post(link(enrolment, "cancel"))

    response = client.post(link(enrolment, "cancel"))

    assert response.status_code == 400
    assert ui("This registration is already cancelled.") in response.content.decode()


def test_the_mails_carry_the_signed_links(client, session, citizen):
    client.force_login(citizen)
    client.post(register_url(session))
    enrolment = Enrolment.objects.get(user=citizen)

    mail = Notification.objects.get(email=citizen.email).message
    assert session.module.title in mail.subject
    assert link(enrolment, "cancel") in mail.text
    assert link(enrolment, "cancel") in mail.html

    other = UserFactory()
    client.force_login(other)
    client.post(register_url(session))  # full: the waiting list
    client.force_login(citizen)
    client.post(cancel_url(enrolment))  # the place is offered to the other
    offered = Enrolment.objects.get(user=other)
    offer_mail = Notification.objects.get(
        email=other.email, message__kind="training.place_offered"
    ).message
    assert offered.status == Enrolment.Status.OFFERED
    assert link(offered, "confirm") in offer_mail.text
    assert link(offered, "confirm") in offer_mail.html


def test_an_english_mail_links_to_the_english_pages_and_its_link_works(client, session):
    index = session.module.get_parent().specific
    index.slug_en = "training"
    index.title_en = "Training"
    index.save_revision().publish()
    person = UserFactory(language="en")
    client.force_login(person)
    client.post(register_url(session))
    client.logout()
    enrolment = Enrolment.objects.get(user=person)

    mail = Notification.objects.get(email=person.email).message
    token = tokens.enrolment_token(enrolment=enrolment, action="cancel")
    with translation.override("en"):
        url = f"/en/training/anmeldung/{token}/"
        assert url in mail.text
        assert ui("Cancel your place") in client.get(url).content.decode()
    client.post(url)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
