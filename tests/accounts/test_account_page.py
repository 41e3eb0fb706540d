"""The account page (``accounts:account``): only for the signed-in person, their profile with
the rules of the sign-up, and their own contributions, statements, registrations, follows and
subscriptions, never anyone else's, in a number of queries that does not grow with them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import ngettext

from mitwirken.notifications.models import EmailSubscription
from mitwirken.notifications.services import follow_create
from mitwirken.places.data import create_places
from mitwirken.places.models import District, Topic
from tests.accounts.test_pages import assert_portal_page
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.participation import (
    CommentFactory,
    EventRegistrationFactory,
    ProcedurePageFactory,
    ProposalFactory,
    StatementFactory,
)
from tests.factories.training import EnrolmentFactory, TrainingIndexPageFactory
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


def account_url() -> str:
    return reverse("accounts:account")


def section(response, title: str):
    """The region of the page named ``title`` (its h2)."""
    return one(response, "region", title)


def shown(total: int, count: int = 10) -> str:
    return ngettext(
        "The latest %(shown)s of %(total)s are shown.",
        "The latest %(shown)s of %(total)s are shown.",
        total,
    ) % {"shown": count, "total": total}


# Who sees it -----------------------------------------------------------------------------------


def test_visitors_sign_in_first_and_come_back(client, citizen):
    response = client.get(account_url())

    assert response.status_code == 302
    login = response["Location"]
    assert login.startswith(reverse("account_login"))
    signed_in = client.post(login, {"login": citizen.email, "password": DEFAULT_PASSWORD})
    assert signed_in["Location"] == account_url()


def test_the_page_has_its_english_address_and_the_portal_layout(client, citizen):
    client.force_login(citizen)
    with translation.override("en"):
        url = account_url()

    response = client.get(url)

    assert url == "/en/account/"
    assert_portal_page(response)
    assert one(response, "heading", ui("Your account", "en"), level=1)
    assert "no-store" in response["Cache-Control"]


def test_the_display_name_in_the_header_leads_to_the_account_page(client, citizen):
    client.force_login(citizen)

    response = client.get(reverse("notifications:overview"))

    [link] = [
        link
        for link in by_role(one(response, "navigation", ui("Your account")), "link")
        if link["href"] == account_url()
    ]
    assert text_of(link).startswith(citizen.display_name)


def test_the_settings_of_sign_in_and_notifications_are_linked(client, citizen):
    client.force_login(citizen)

    region = section(client.get(account_url()), ui("Sign-in and notifications"))

    hrefs = {link["href"] for link in by_role(region, "link")}
    assert {
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("notifications:overview"),
    } <= hrefs


def test_allauths_account_settings_lead_back_to_the_account_page(client, citizen):
    client.force_login(citizen)

    for name in ("account_email", "account_change_password"):
        response = client.get(reverse(name))
        settings_nav = one(response, "navigation", ui("Account settings"))
        assert one(settings_nav, "link", ui("Your account"), href=account_url())


# The profile -----------------------------------------------------------------------------------


def test_the_profile_form_shows_what_the_person_has_now(client, citizen):
    citizen.first_name = "Kim"
    citizen.save()
    client.force_login(citizen)

    form = one(section(client.get(account_url()), ui("Your profile")), "form")

    assert form.find("input", attrs={"name": "display_name"})["value"] == "Kim aus Hörde"
    assert form.find("input", attrs={"name": "first_name"})["value"] == "Kim"
    assert form.find("input", attrs={"name": "language", "value": "de"}).has_attr("checked")
    first_name = form.find("input", attrs={"name": "first_name"})
    hint = parsed(str(form)).find(id=first_name["aria-describedby"])
    assert text_of(hint) == ui("Never shown on the public site.")


def test_a_person_changes_display_name_real_name_and_language(client, citizen):
    client.force_login(citizen)

    response = client.post(
        account_url(),
        {
            "display_name": " Kim\u202e vom Phoenixsee ",
            "first_name": "Kim",
            "last_name": "Yilmaz",
            "language": "en",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == account_url() + "#messages"
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.first_name, citizen.last_name, citizen.language) == (
        "Kim vom Phoenixsee",
        "Kim",
        "Yilmaz",
        "en",
    )
    page = client.get(response["Location"])
    assert ui("Your profile has been saved.") in text_of(parsed(page).find(id="messages"))
    assert "Kim vom Phoenixsee" in text_of(one(page, "banner"))


@pytest.mark.parametrize(
    ("display_name", "error"),
    [
        ("", "Please enter a display name. A pseudonym is fine."),
        ("   ", "A display name cannot consist of spaces only."),
        (
            "kim@example.org",
            "Please do not use an e-mail address: your display name is shown publicly.",
        ),
        ("x" * 41, None),
    ],
)
def test_the_display_name_follows_the_rules_of_the_sign_up(client, citizen, display_name, error):
    client.force_login(citizen)

    response = client.post(
        account_url(), {"display_name": display_name, "first_name": "", "language": "de"}
    )

    assert response.status_code == 200
    field = parsed(response).find("input", attrs={"name": "display_name"})
    assert field["aria-invalid"] == "true"
    message = parsed(response).find(id=field["aria-describedby"].split()[0])
    if error:
        assert text_of(message) == ui(error)
    citizen.refresh_from_db()
    assert citizen.display_name == "Kim aus Hörde"


def test_a_language_the_portal_does_not_have_is_refused(client, citizen):
    client.force_login(citizen)

    response = client.post(account_url(), {"display_name": "Kim", "language": "xx"})

    assert ui("Please choose one of the languages.") in text_of(parsed(response).find("main"))
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.language) == ("Kim aus Hörde", "de")


def test_too_many_changes_are_refused_and_nothing_is_stored(client, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accounts.profile": (0, 3600)}
    client.force_login(citizen)

    response = client.post(account_url(), {"display_name": "Neuer Name", "language": "de"})

    assert response.status_code == 429
    citizen.refresh_from_db()
    assert citizen.display_name == "Kim aus Hörde"


# The person's own things -----------------------------------------------------------------------


@pytest.fixture
def procedure(db):
    return ProcedurePageFactory(title="Phoenixsee-Ufer")


def test_empty_sections_say_so_in_words(client, citizen):
    client.force_login(citizen)

    response = client.get(account_url())

    for title, sentence in [
        ("Your contributions", "You have not made a proposal yet."),
        ("Your contributions", "You have not written a comment yet."),
        ("Your formal statements", "You have not handed in a formal statement."),
        ("Your event registrations", "You have not registered for an event."),
        ("Your training registrations", "You have not registered for a training yet."),
        (
            "What you follow",
            "You do not follow anything yet. On news items you find a button to follow their "
            "districts and topics.",
        ),
        ("Your e-mail subscriptions", "No e-mail subscription reaches your confirmed addresses."),
    ]:
        assert ui(sentence) in text_of(section(response, ui(title))), sentence
    assert one(response, "region", ui("Your data"))


def test_contributions_with_their_procedure_and_the_hidden_ones_marked(client, citizen, procedure):
    mine = ProposalFactory(procedure=procedure, author=citizen, title="Mehr Bänke am Ufer")
    ProposalFactory(
        procedure=procedure,
        author=citizen,
        title="Mein verborgener Vorschlag",
        hidden_at=timezone.now(),
        hidden_reason="Enthält eine Telefonnummer.",
    )
    comment = CommentFactory(
        procedure=procedure, proposal=mine, author=citizen, text="Auch am Nordufer!"
    )
    client.force_login(citizen)

    region = section(client.get(account_url()), ui("Your contributions"))

    text = text_of(region)
    proposal_url = f"{procedure.url}vorschlag/{mine.pk}/"
    assert one(region, "link", "Mehr Bänke am Ufer", href=proposal_url)
    # The comment names the proposal it is on, and leads to it.
    assert one(region, "link", "Mehr Bänke am Ufer", href=f"{proposal_url}#comment-{comment.pk}")
    assert "Mein verborgener Vorschlag" in text
    assert ui("Hidden by the moderation") in text
    assert "Enthält eine Telefonnummer." in text
    assert "Auch am Nordufer!" in text
    assert by_role(region, "link", "Phoenixsee-Ufer", href=procedure.url)
    assert ngettext("%(counter)s proposal", "%(counter)s proposals", 2) % {"counter": 2} in text


def test_formal_statements_with_reference_status_and_procedure(client, citizen):
    statement = StatementFactory(author=citizen, reference="ST-2026-000042", status="in_review")
    client.force_login(citizen)

    region = section(client.get(account_url()), ui("Your formal statements"))

    text = text_of(region)
    assert "ST-2026-000042" in text
    assert capfirst(ui("in review")) in text
    assert statement.procedure.title in text
    assert statement.text not in text


def test_event_and_training_registrations(client, citizen):
    registration = EventRegistrationFactory(user=citizen, event__title="Ufer-Spaziergang")
    TrainingIndexPageFactory()
    enrolment = EnrolmentFactory(user=citizen, status="waiting")
    client.force_login(citizen)
    response = client.get(account_url())

    events = section(response, ui("Your event registrations"))
    assert one(events, "link", "Ufer-Spaziergang")["href"] == (
        f"{registration.event.procedure.url}#event-{registration.event.pk}"
    )
    trainings = section(response, ui("Your training registrations"))
    assert enrolment.session.module.title in text_of(trainings)
    assert capfirst(ui("on the waiting list")) in text_of(trainings)
    assert one(trainings, "link", ui("My trainings: cancel, confirm, certificates"))["href"] == (
        "/schulungen/meine-schulungen/"
    )


def test_follows_and_the_subscriptions_of_confirmed_addresses_only(client, citizen):
    from allauth.account.models import EmailAddress

    create_places(District, Topic)
    hoerde, traffic = District.objects.get(slug="hoerde"), Topic.objects.get(slug="verkehr")
    follow_create(user=citizen, target=hoerde)
    now = timezone.now()
    subscribe = dict(language="de", consent_version="1", confirmed_at=now)
    EmailSubscription.objects.create(email=citizen.email, target=traffic, **subscribe)
    # An address the person added but never confirmed may be someone else's.
    EmailAddress.objects.create(user=citizen, email="fremd@example.org", verified=False)
    EmailSubscription.objects.create(email="fremd@example.org", target=hoerde, **subscribe)
    EmailSubscription.objects.create(
        email=citizen.email, target=hoerde, language="de", consent_version="1"
    )  # not confirmed
    client.force_login(citizen)
    response = client.get(account_url())

    follows = section(response, ui("What you follow"))
    assert hoerde.name in text_of(follows)
    assert one(
        follows,
        "link",
        ui("Manage what you follow and how often we write"),
        href=reverse("notifications:overview"),
    )
    subscriptions = text_of(section(response, ui("Your e-mail subscriptions")))
    assert traffic.name in subscriptions
    assert hoerde.name not in subscriptions
    assert "fremd@example.org" not in subscriptions


def test_another_persons_things_are_never_shown(client, citizen, procedure):
    other = UserFactory(email="andere@example.org", display_name="Jemand anderes")
    ProposalFactory(procedure=procedure, author=other, title="Fremder Vorschlag")
    CommentFactory(procedure=procedure, author=other, text="Fremder Kommentar")
    StatementFactory(author=other, reference="ST-FREMD-1")
    EventRegistrationFactory(user=other, event__title="Fremde Veranstaltung")
    EnrolmentFactory(user=other, session__module__title="Fremdes Modul")
    EmailSubscription.objects.create(
        email=other.email,
        target=procedure,
        language="de",
        consent_version="1",
        confirmed_at=timezone.now(),
    )
    client.force_login(citizen)

    text = text_of(parsed(client.get(account_url())).find("main"))

    for foreign in (
        "Fremder Vorschlag",
        "Fremder Kommentar",
        "ST-FREMD-1",
        "Fremde Veranstaltung",
        "Fremdes Modul",
        "Jemand anderes",
        procedure.title,
    ):
        assert foreign not in text


def test_a_long_list_says_how_many_of_how_many_are_shown(client, citizen, procedure):
    for number in range(12):
        ProposalFactory(procedure=procedure, author=citizen, title=f"Vorschlag Nummer {number}")
    client.force_login(citizen)

    region = section(client.get(account_url()), ui("Your contributions"))

    text = text_of(region)
    assert shown(12) in text
    assert "Vorschlag Nummer 11" in text  # the latest first
    assert "Vorschlag Nummer 2" in text
    assert "Vorschlag Nummer 0" not in text


def make_things(person, procedure, count: int) -> None:
    """``count`` of each thing the account page lists, for ``person``."""
    TrainingIndexPageFactory()
    create_places(District, Topic)
    targets = [procedure, *District.objects.all()[: max(count - 1, 1)]]
    for _number in range(count):
        proposal = ProposalFactory(procedure=procedure, author=person)
        CommentFactory(procedure=procedure, proposal=proposal, author=person)
        StatementFactory(author=person)
        EventRegistrationFactory(user=person)
        EnrolmentFactory(user=person)
    for target in targets:
        follow_create(user=person, target=target)
        EmailSubscription.objects.create(
            email=person.email,
            target=target,
            language="de",
            consent_version="1",
            confirmed_at=timezone.now() - datetime.timedelta(days=1),
        )


def test_the_page_reads_as_many_queries_for_many_things_as_for_few(
    client, citizen, procedure, django_assert_max_num_queries
):
    few = UserFactory(email="wenig@example.org")
    make_things(few, procedure, 2)
    make_things(citizen, procedure, 12)
    client.force_login(few)
    client.get(account_url())  # the site's root paths and other reads kept for later, once

    with django_assert_max_num_queries(40) as counted:
        client.get(account_url())
    few_queries = len(counted)
    client.force_login(citizen)
    client.get(account_url())
    with django_assert_max_num_queries(few_queries):
        response = client.get(account_url())
    assert shown(12) in text_of(section(response, ui("Your contributions")))
