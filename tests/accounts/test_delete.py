"""Deleting an account (Art. 17 DSGVO), by the person with their password or by the
Ombudsstelle on their request: contributions stay and show "Deleted account", supports and votes
stay as counts, and the person's address is in no table afterwards."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import escape
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from evaluation.models import Invitation, Respondent, Response
from mitwirken.accounts.admin.deletion import URL_NAME
from mitwirken.accounts.rules import STAFF_ACCOUNT
from mitwirken.accounts.services import account_delete, data_export_request
from mitwirken.notifications.models import EmailSubscription, Follow, Preference
from mitwirken.notifications.services import follow_create, subscription_request
from mitwirken.pages.models import Feedback
from participation import services as participation
from participation.models import (
    Comment,
    EventRegistration,
    PollChoice,
    PollVote,
    Proposal,
    Report,
    Statement,
    Support,
)
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.evaluation import InvitationFactory, SurveyFactory
from tests.factories.files import pdf_upload
from tests.factories.participation import (
    EventRegistrationFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    ReportFactory,
    SupportFactory,
)
from tests.factories.training import EnrolmentFactory, SessionFactory
from tests.helpers import member_of, statement_data, tables_containing, ui
from toolkit.models import FormatSuggestion
from training.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db

ADDRESS = "erika@example.org"
OTHER_ADDRESS = "erika.privat@example.org"
PSEUDONYM = "Erika vom Phoenixsee"


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Phoenixsee-Ufer")


@pytest.fixture
def formal(home_page):
    return ProcedurePageFactory(title="Bebauungsplan Hö 123", kind="land_use")


@pytest.fixture
def person(db):
    """Erika, with a second address on her account."""
    erika = UserFactory(email=ADDRESS, display_name=PSEUDONYM)
    EmailAddress.objects.create(user=erika, email=OTHER_ADDRESS, verified=False, primary=False)
    return erika


@pytest.fixture
def everything(person, procedure, formal):
    """One of everything a person leaves in the portal, with others' things beside it."""
    other = UserFactory(display_name="Nachbarin")
    proposal = ProposalFactory(procedure=procedure, author=person, title="Mehr Bänke am See")
    comment = participation.comment_create(
        procedure=procedure, author=person, proposal=proposal, text="Und Schatten, bitte."
    )
    others_proposal = ProposalFactory(procedure=procedure, author=other)
    SupportFactory(proposal=others_proposal, user=other)
    participation.support_create(proposal=others_proposal, user=person)
    poll = PollFactory(procedure=procedure)
    participation.poll_vote(poll=poll, choices=[PollChoice.objects.first()], user=person)
    statement = participation.statement_create(
        procedure=formal,
        author=person,
        attachments=[pdf_upload()],
        email=ADDRESS,
        **statement_data(),
    )
    EventRegistrationFactory(user=person)
    ReportFactory(contribution=others_proposal, reporter=person)
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session, user=person)
    waiting = EnrolmentFactory(session=session, user=other, status="waiting")
    LessonProgress.objects.create(user=person, module=session.module, lesson="lesson-1")
    follow_create(user=person, target=procedure)
    Preference.objects.create(user=person, kind="participation.proposal_created", frequency="off")
    subscription_request(email=OTHER_ADDRESS.upper(), target=procedure, language="de")
    Feedback.objects.create(name="Erika Mustermann", email=ADDRESS, message="Kontrast zu gering.")
    InvitationFactory(user=person)
    answered = SurveyFactory()
    Respondent.objects.create(survey=answered, user=person)
    Response.objects.create(survey=answered, answers={"fair": "4"})
    FormatSuggestion.objects.create(
        author=person, title="Spaziergang mit Karte", description="Wir gehen gemeinsam los."
    )
    return {
        "proposal": proposal,
        "comment": comment,
        "others_proposal": others_proposal,
        "poll": poll,
        "statement": statement,
        "waiting": waiting,
    }


def delete_own(client, password=DEFAULT_PASSWORD, confirm=True):
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("accounts:delete"), data)


def proposal_page(client, proposal) -> str:
    return client.get(f"{proposal.procedure.url}vorschlag/{proposal.pk}/").content.decode()


# The person deletes their own account ---------------------------------------------------------


def test_the_page_says_what_goes_what_stays_and_asks_for_the_password(client, person):
    client.force_login(person)

    page = client.get(reverse("accounts:delete")).content.decode()

    assert ui("What is deleted") in page
    assert ui("What stays, without your name") in page
    assert ui("Formal statements") in page
    assert 'type="password"' in page and 'autocomplete="current-password"' in page
    assert ui("Delete my account") in page
    assert f'href="{reverse("accounts:account")}"' in page


def test_deleting_leaves_the_address_in_no_table_and_the_contributions_anonymous(
    client, person, everything, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        download = data_export_request(user=person)
    download.refresh_from_db()
    assert download.file.storage.exists(download.file.name)
    assert ("accounts.User", "email") in tables_containing(ADDRESS)
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = delete_own(client)

    assert response.status_code == 302
    assert response["Location"] == "/#messages"
    home = client.get(response["Location"]).content.decode()
    assert ui("Your account has been deleted. Thank you for taking part.") in home
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert tables_containing(ADDRESS) == []
    assert tables_containing(OTHER_ADDRESS) == []
    assert tables_containing(PSEUDONYM) == []

    # The contribution stays and shows "Deleted account" instead of the pseudonym.
    page = proposal_page(client, everything["proposal"])
    assert "Mehr Bänke am See" in page and "Und Schatten, bitte." in page
    assert page.count(ui("Deleted account")) == 2
    assert PSEUDONYM not in page
    # Supports and votes are counts without a person.
    assert Support.objects.filter(proposal=everything["others_proposal"]).count() == 2
    assert PollVote.objects.filter(poll=everything["poll"], user=None).count() == 1
    # The statement keeps what the formal procedure needs, its file too.
    statement = Statement.objects.get(pk=everything["statement"].pk)
    assert (statement.author, statement.email) == (None, "")
    assert (statement.name, statement.street, statement.postcode) == (
        "Erika Mustermann",
        "Friedensplatz 1",
        "44135",
    )
    assert statement.attachments.get().file.read().startswith(b"%PDF")
    # The place in the training goes to the first on the waiting list.
    everything["waiting"].refresh_from_db()
    assert everything["waiting"].status == Enrolment.Status.OFFERED
    assert Enrolment.objects.count() == 1
    # What belongs to the person alone is gone; what others need stays without them.
    assert not EventRegistration.objects.exists()
    assert not LessonProgress.objects.exists()
    assert not Follow.objects.exists() and not Preference.objects.exists()
    assert not EmailSubscription.objects.exists()
    assert not Invitation.objects.exists() and not Respondent.objects.exists()
    assert Response.objects.count() == 1
    assert Report.objects.get().reporter is None
    assert FormatSuggestion.objects.get().author is None
    feedback = Feedback.objects.get()
    assert (feedback.name, feedback.email, feedback.message) == ("", "", "Kontrast zu gering.")
    assert Comment.objects.get().author is None and Proposal.objects.count() == 2
    # The download of the person's data leaves the disk after the commit.
    assert not download.file.storage.exists(download.file.name)


def test_contributions_staff_entered_from_paper_still_have_no_account(client, procedure):
    staff = member_of("Ombudsstelle")
    proposal = participation.analog.proposal_enter(
        procedure=procedure, entered_by=staff, title="Vom Papier", text="Ein Brief an die Stadt."
    )
    proposal.channel = "paper"
    proposal.save()

    page = proposal_page(client, proposal)

    assert ui("Participant without an account") in page
    assert ui("Deleted account") not in page


def test_a_wrong_password_is_a_form_error_and_deletes_nothing(client, person):
    client.force_login(person)

    response = delete_own(client, password="Falsch-geraten-2026")

    assert response.status_code == 200
    assert ui("This is not your password. Nothing has been deleted.") in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_without_the_confirmation_nothing_is_deleted(client, person):
    client.force_login(person)

    response = delete_own(client, confirm=False)

    assert ui("Please confirm that you want to delete your account.") in (response.content.decode())
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_guessing_the_password_is_limited(client, person, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accounts.delete": (2, 3600, 2)}
    client.force_login(person)
    delete_own(client, password="Erster-Versuch-2026")
    delete_own(client, password="Zweiter-Versuch-2026")

    response = delete_own(client)

    assert response.status_code == 429
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_a_visitor_is_sent_to_the_login(client, person):
    response = client.post(reverse("accounts:delete"), {"password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_another_person_deletes_only_their_own_account(client, person):
    other = UserFactory(display_name="Nachbarin")
    client.force_login(other)

    delete_own(client)

    assert get_user_model().objects.filter(pk=person.pk).exists()
    assert not get_user_model().objects.filter(pk=other.pk).exists()


def test_a_staff_member_cannot_delete_their_account_here(client, moderator):
    client.force_login(moderator)

    page = client.get(reverse("accounts:delete")).content.decode()
    delete_own(client)

    assert escape(str(STAFF_ACCOUNT)) in page
    assert get_user_model().objects.filter(pk=moderator.pk).exists()


def test_the_address_signs_up_again_after_deleting(client, person, sign_up):
    client.force_login(person)
    delete_own(client)
    client.logout()

    response = sign_up(email=ADDRESS, display_name="Erika, wieder da")

    assert response.status_code == 302
    again = get_user_model().objects.get(email=ADDRESS)
    assert again.pk != person.pk and again.display_name == "Erika, wieder da"


# The Ombudsstelle deletes on a person's request ----------------------------------------------


def find(client, email):
    return client.post(reverse(URL_NAME), {"email": email})


def delete_for(client, email, reason):
    return client.post(reverse(URL_NAME), {"email": email, "reason": reason})


def test_the_ombudsstelle_finds_the_person_by_any_address_and_deletes_with_a_reason(
    client, ombudsstelle, person, everything
):
    client.force_login(ombudsstelle)
    assert reverse(URL_NAME) in client.get(reverse("wagtailadmin_home")).content.decode()

    found = find(client, OTHER_ADDRESS.upper()).content.decode()
    assert PSEUDONYM in found and ui("Delete this account") in found

    response = delete_for(client, OTHER_ADDRESS, "Antrag per Brief vom 3. Dezember")

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert tables_containing(ADDRESS) == [] and tables_containing(OTHER_ADDRESS) == []
    entry = ModelLogEntry.objects.get(action="accounts.delete")
    assert entry.content_type == ContentType.objects.get_for_model(get_user_model())
    assert (entry.object_id, entry.user) == (str(person.pk), ombudsstelle)
    assert entry.data == {"by": "staff", "reason": "Antrag per Brief vom 3. Dezember"}
    assert entry.label == ui("Account %(number)s") % {"number": person.pk}
    listing = client.get(response["Location"]).content.decode()
    assert ui("The account has been deleted.") in listing
    assert "Antrag per Brief vom 3. Dezember" in listing


def test_earlier_log_entries_about_the_account_lose_its_name(ombudsstelle, person):
    log(instance=person, action="wagtail.edit", user=ombudsstelle, title=PSEUDONYM)

    account_delete(user=person)

    assert tables_containing(PSEUDONYM) == []
    edited = ModelLogEntry.objects.get(action="wagtail.edit")
    assert edited.label == ui("Account %(number)s") % {"number": person.pk}


def test_deleting_an_account_already_deleted_changes_nothing(person):
    """As a second request sent at the same moment finds it, once the first has committed."""
    account_delete(user=person)
    account_delete(user=person)

    assert ModelLogEntry.objects.filter(action="accounts.delete").count() == 1


def test_a_self_deletion_is_logged_without_the_person(client, person):
    client.force_login(person)

    delete_own(client)

    entry = ModelLogEntry.objects.get(action="accounts.delete")
    assert (entry.user_id, entry.data) == (None, {"by": "self", "reason": ""})


def test_the_reason_is_required_and_holds_no_address(client, ombudsstelle, person):
    client.force_login(ombudsstelle)

    empty = delete_for(client, ADDRESS, "")
    with_address = delete_for(client, ADDRESS, f"Wunsch von {ADDRESS}")

    assert empty.status_code == 200 and with_address.status_code == 200
    refusal = ui("Please do not write the person's e-mail address into the reason: it is kept.")
    assert escape(refusal) in with_address.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()
    assert not ModelLogEntry.objects.filter(action="accounts.delete").exists()


def test_an_unknown_address_finds_no_one(client, ombudsstelle, person):
    client.force_login(ombudsstelle)

    page = find(client, "niemand@example.org").content.decode()

    assert ui("No account has this e-mail address.") in page


def test_staff_accounts_are_refused(client, ombudsstelle, moderator):
    client.force_login(ombudsstelle)

    page = find(client, moderator.email).content.decode()
    delete_for(client, moderator.email, "Versuch")

    assert ui("Delete this account") not in page
    assert get_user_model().objects.filter(pk=moderator.pk).exists()


def test_other_staff_may_not_delete_accounts(client, moderator, person):
    client.force_login(moderator)

    # Wagtail answers a refusal with its home page and "Sorry, you do not have permission".
    for response in (client.get(reverse(URL_NAME)), delete_for(client, ADDRESS, "Versuch")):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert reverse(URL_NAME) not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_deleting_a_user_in_wagtails_users_erases_the_same(client, person, everything):
    """Wagtail's Users (administrators manage staff accounts there) deletes a user the same
    way: nothing of the person stays behind in the outbox, subscriptions or feedback."""
    administrator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(administrator)
    response = client.post(reverse("wagtailusers_users:delete", args=[person.pk]))
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert tables_containing(ADDRESS) == []
    assert tables_containing(OTHER_ADDRESS) == []
    everything["waiting"].refresh_from_db()
    assert everything["waiting"].status == Enrolment.Status.OFFERED
