"""Once is once, also when the same request arrives twenty times at the same moment: concurrent
POSTs against the live server on PostgreSQL give one support, one vote, and no more
registrations than seats, and never a server error."""

import os
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.core.exceptions import ValidationError

from participation import rules, services, tokens
from participation.models import EventRegistration, PollVote, Statement, Support
from tests.factories.accounts import UserFactory
from tests.factories.pages import HomePageFactory
from tests.factories.participation import (
    EventFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
)
from tests.helpers import statement_data, ui

#: Concurrent requests against the live server, each on its own database connection.
postgresql_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (DATABASE_URL): SQLite writes one at a time, so there is no race "
    "to test, and its in-memory test database cannot serve concurrent requests",
)

CONCURRENT = 20


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@pytest.fixture
def live_procedure(live_server, wagtail_rows):
    """A procedure page on a site root, in a database that transactional tests flush."""
    HomePageFactory()
    return ProcedurePageFactory(title="Westpark")


def login_cookies(client, procedure, user) -> dict:
    """The session of ``user`` (logged in through the test client) and a CSRF token."""
    client.force_login(user)
    response = client.get(procedure.url)
    return {
        "sessionid": client.cookies["sessionid"].value,
        "csrftoken": response.cookies["csrftoken"].value,
    }


def post(url: str, cookies: dict, data: dict | None = None) -> int:
    """POST the form as a browser does; the status code of the answer."""
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": cookies["csrftoken"], **(data or {})}, doseq=True
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - the live server's http:// address
        url,
        data=body,
        headers={
            "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with _opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def all_at_once(requests: list) -> list[int]:
    """Send each request (url, cookies, data) from a thread of its own, all at the same
    moment; their status codes."""
    barrier = threading.Barrier(len(requests))
    statuses = [None] * len(requests)

    def send(number, url, cookies, data):
        barrier.wait()
        statuses[number] = post(url, cookies, data)

    threads = [
        threading.Thread(target=send, args=(number, *request))
        for number, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_twenty_identical_supports_at_once_give_one_support(client, live_server, live_procedure):
    proposal = ProposalFactory(procedure=live_procedure)
    cookies = login_cookies(client, live_procedure, UserFactory())
    url = f"{live_server.url}{live_procedure.url}vorschlag/{proposal.pk}/unterstuetzen/"

    statuses = all_at_once([(url, cookies, None)] * CONCURRENT)

    assert statuses == [302] * CONCURRENT
    assert Support.objects.filter(proposal=proposal).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_twenty_identical_votes_at_once_give_one_vote(client, live_server, live_procedure):
    poll = PollFactory(procedure=live_procedure)
    question = poll.questions.get()
    data = {f"question_{question.pk}": question.choices.first().pk}
    user = UserFactory()
    cookies = login_cookies(client, live_procedure, user)
    url = f"{live_server.url}{live_procedure.url}umfrage/{poll.pk}/"

    statuses = all_at_once([(url, cookies, data)] * CONCURRENT)

    # One redirect after the vote; the others see the page again, with the poll's results.
    assert sorted(statuses) == [200] * (CONCURRENT - 1) + [302]
    assert PollVote.objects.filter(poll=poll, user=user).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_twenty_people_at_once_for_the_last_seat_give_one_registration(
    client, live_server, live_procedure
):
    event = EventFactory(procedure=live_procedure, capacity=1, registration_required=True)
    url = f"{live_server.url}{live_procedure.url}veranstaltung/{event.pk}/anmelden/"
    people = [login_cookies(client, live_procedure, UserFactory()) for _ in range(CONCURRENT)]

    statuses = all_at_once([(url, cookies, None) for cookies in people])

    assert statuses == [302] * CONCURRENT
    assert EventRegistration.objects.filter(event=event).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_one_statement_form_sent_five_times_at_once_gives_one_statement(
    client, live_server, live_procedure
):
    live_procedure.kind = "land_use"
    live_procedure.save()
    form_page = f"{live_procedure.url}stellungnahme/"  # the page of the form sets the token
    cookies = {"csrftoken": client.get(form_page).cookies["csrftoken"].value}
    data = statement_data(email="erika@example.org", submission=str(uuid.uuid4()))
    url = f"{live_server.url}{form_page}"

    # Five, within the limit for a visitor without an account.
    statuses = all_at_once([(url, cookies, data)] * 5)

    assert statuses == [302] * 5
    assert Statement.objects.filter(procedure=live_procedure).count() == 1


# The same on any database: a request that passed the checks while the first was not yet
# committed meets the database's constraint, and hears what a repeat hears.


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


@pytest.fixture
def checks_passed(monkeypatch):
    """The rules let everything through, as they do for a request that checked before the
    first one was committed."""

    def rule_passed(rule):
        monkeypatch.setitem(rules.RULES, rule, lambda *args, **kwargs: None)

    return rule_passed


@pytest.mark.django_db
def test_a_second_support_past_the_checks_is_refused_as_a_repeat(procedure, checks_passed):
    proposal, user = ProposalFactory(procedure=procedure), UserFactory()
    services.support_create(proposal=proposal, user=user)
    checks_passed("participation.support")

    with pytest.raises(ValidationError) as error:
        services.support_create(proposal=proposal, user=user)

    assert error.value.messages == [ui("You already support this proposal.")]
    assert Support.objects.filter(proposal=proposal).count() == 1


@pytest.mark.django_db
def test_a_second_vote_past_the_checks_is_refused_as_a_repeat(procedure, checks_passed):
    poll = PollFactory(procedure=procedure, allow_anonymous=True)
    choice = poll.questions.get().choices.first()
    user = UserFactory()
    services.poll_vote(poll=poll, choices=[choice], user=user)
    token = tokens.poll_token(poll=poll, session_key="s" * 32)
    services.poll_vote(poll=poll, choices=[choice], session_key="s" * 32, token=token)
    checks_passed("participation.vote")

    for ballot in ({"user": user}, {"session_key": "s" * 32, "token": token}):
        with pytest.raises(ValidationError) as error:
            services.poll_vote(poll=poll, choices=[choice], **ballot)
        assert error.value.messages == [ui("You have already taken part in this poll.")]
    assert PollVote.objects.filter(poll=poll).count() == 2


@pytest.mark.django_db
def test_a_second_registration_past_the_checks_is_refused_as_a_repeat(procedure, checks_passed):
    event, user = EventFactory(procedure=procedure), UserFactory()
    services.event_register(event=event, user=user)
    checks_passed("participation.register_for_event")

    with pytest.raises(ValidationError) as error:
        services.event_register(event=event, user=user)

    assert error.value.messages == [ui("You are already registered for this event.")]
    assert EventRegistration.objects.filter(event=event).count() == 1
