"""Polls open to visitors without an account cannot be stuffed: a visitor's vote counts only from
a session the site created when it showed the poll on its own page, with the signed token of
that form, and only up to a limit per client; a spike alarms the moderators; the results say
they are not representative. Verified citizens vote once per poll, as before."""

import re
import time

import pytest
from django.conf import settings
from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitwirken import limits
from participation import rules, services, tokens
from participation.models import PollVote
from tests.factories.accounts import UserFactory
from tests.factories.participation import PollFactory, ProcedurePageFactory
from tests.helpers import by_role, member_of, text_of, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


@pytest.fixture
def poll(procedure):
    return PollFactory(procedure=procedure, title="Neuer Spielplatz?", allow_anonymous=True)


def vote_url(procedure, poll) -> str:
    return f"{procedure.url}umfrage/{poll.pk}/"


def answer(poll) -> dict:
    question = poll.questions.get()
    return {f"question_{question.pk}": question.choices.get(text="Ja").pk}


def token_in(response, poll) -> str:
    """The signed token in the form of ``poll`` on the page ("" when there is none)."""
    match = re.search(
        rf'name="token" value="([^"]*)" id="poll-{poll.pk}-token"', response.content.decode()
    )
    return match.group(1) if match else ""


def test_a_visitor_votes_on_the_polls_page_and_sees_that_the_results_are_not_representative(
    client, procedure, poll
):
    procedure_page = client.get(procedure.url)
    [link] = by_role(procedure_page, "link", href=vote_url(procedure, poll))
    assert ui("Answer the poll") in text_of(link)
    assert not token_in(procedure_page, poll)
    page = client.get(vote_url(procedure, poll))
    assert "sessionid" in page.cookies
    token = token_in(page, poll)
    assert token

    response = client.post(vote_url(procedure, poll), {**answer(poll), "token": token}, follow=True)

    assert ui("Thank you for taking part in the poll.") in response.content.decode()
    vote = PollVote.objects.get()
    assert (vote.user, vote.session_key) == (None, client.session.session_key)
    assert "(100 %)" in response.content.decode()
    assert ui("Not representative: visitors without an account could vote too.") in (
        response.content.decode()
    )


def test_results_of_a_poll_for_verified_citizens_only_are_not_marked(client, procedure):
    closed_poll = PollFactory(procedure=procedure)
    client.force_login(UserFactory())
    response = client.post(vote_url(procedure, closed_poll), answer(closed_poll), follow=True)

    assert "(100 %)" in response.content.decode()
    assert ui("Not representative: visitors without an account could vote too.") not in (
        response.content.decode()
    )


def test_only_the_page_of_a_poll_open_to_visitors_sets_a_session_cookie(client, procedure, poll):
    closed_poll = PollFactory(procedure=procedure)
    assert not client.get(procedure.url).cookies
    assert "sessionid" not in client.get(vote_url(procedure, closed_poll)).cookies
    assert "sessionid" not in client.get(ProcedurePageFactory(title="Ohne Umfrage").url).cookies
    assert "sessionid" in client.get(vote_url(procedure, poll)).cookies


def test_300_scripted_votes_without_cookies_count_nothing(client, procedure, poll):
    """A script loads the page once for a token, then sends the vote again and again without
    keeping the cookie: nothing counts, and each time it reads why."""
    token = token_in(client.get(vote_url(procedure, poll)), poll)
    refused = 0
    for _number in range(300):
        client.cookies.clear()
        response = client.post(vote_url(procedure, poll), {**answer(poll), "token": token})
        refused += ui(str(rules.VOTE_EXPIRED)) in response.content.decode()

    assert PollVote.objects.count() == 0
    assert refused == 300


def test_300_scripted_votes_from_fresh_sessions_count_at_most_the_limit_per_client(
    client, procedure, poll
):
    """A script that loads the page before each vote and throws its cookie away after it gets
    the limit per client and poll, then a 429 with the limiter's message."""
    limit, _window = settings.RATE_LIMITS["participation.poll_anonymous"]
    statuses = []
    for _number in range(300):
        client.cookies.clear()
        token = token_in(client.get(vote_url(procedure, poll)), poll)
        response = client.post(vote_url(procedure, poll), {**answer(poll), "token": token})
        statuses.append(response.status_code)

    assert PollVote.objects.count() == limit
    assert statuses == [302] * limit + [429] * (300 - limit)
    assert ui(str(limits.MESSAGE)) in response.content.decode()
    # Another poll of the same procedure has a limit of its own.
    other = PollFactory(procedure=procedure, allow_anonymous=True)
    token = token_in(client.get(vote_url(procedure, other)), other)
    assert (
        client.post(vote_url(procedure, other), {**answer(other), "token": token}).status_code
        == 302
    )


def test_a_made_up_session_cookie_does_not_count_as_a_session(client, procedure, poll):
    client.cookies["sessionid"] = "x" * 32
    token = token_in(client.get(vote_url(procedure, poll)), poll)
    client.cookies["sessionid"] = "x" * 32

    response = client.post(vote_url(procedure, poll), {**answer(poll), "token": token})

    assert ui(str(rules.VOTE_EXPIRED)) in response.content.decode()
    assert not PollVote.objects.exists()


def test_the_token_is_bound_to_its_poll_its_session_and_its_time(
    client, procedure, poll, monkeypatch
):
    other = PollFactory(procedure=procedure, allow_anonymous=True)
    page = client.get(vote_url(procedure, poll))
    session_key = client.session.session_key
    others_page = client.get(vote_url(procedure, other))
    an_hour = 60 * 60
    expired = settings.PARTICIPATION_POLL_TOKEN_MAX_AGE + an_hour
    with monkeypatch.context() as patch:
        patch.setattr(
            signing.TimestampSigner,
            "timestamp",
            lambda self: signing.b62_encode(int(time.time()) - expired),
        )
        old = tokens.poll_token(poll=poll, session_key=session_key)
    wrong = {
        "another poll's": token_in(others_page, other),
        "another session's": tokens.poll_token(poll=poll, session_key="y" * 32),
        "an expired": old,
        "a forged": token_in(page, poll)[:-3] + "abc",
        "no": "",
    }
    for token in wrong.values():
        response = client.post(vote_url(procedure, poll), {**answer(poll), "token": token})
        assert ui(str(rules.VOTE_EXPIRED)) in response.content.decode()
        # The page shows the form again with the answers kept and a fresh token.
        assert tokens.poll_token_valid(
            poll=poll, session_key=session_key, token=token_in(response, poll)
        )
    assert not PollVote.objects.exists()

    response = client.post(
        vote_url(procedure, poll), {**answer(poll), "token": token_in(page, poll)}
    )
    assert response.status_code == 302
    assert PollVote.objects.count() == 1


def test_verified_citizens_vote_once_per_poll_without_a_token_and_without_the_limit(
    client, procedure, poll, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation.poll_anonymous": (1, 60)}
    for _number in range(3):
        client.force_login(UserFactory())
        page = client.get(procedure.url)
        assert token_in(page, poll) == ""
        assert client.post(vote_url(procedure, poll), answer(poll)).status_code == 302
    response = client.post(vote_url(procedure, poll), answer(poll), follow=True)

    assert ui("You have already taken part in this poll.") in response.content.decode()
    assert PollVote.objects.filter(user__isnull=False).count() == 3


def test_a_spike_of_anonymous_votes_alarms_the_moderators_once(
    poll, moderator, settings, django_capture_on_commit_callbacks
):
    settings.PARTICIPATION_POLL_ALARM = (3, 600)
    member_of("Moderation", email="zweite@example.org")
    choice = poll.questions.get().choices.first()

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(8):
            session_key = f"session{number:024d}"
            services.poll_vote(
                poll=poll,
                choices=[choice],
                user=None,
                session_key=session_key,
                token=tokens.poll_token(poll=poll, session_key=session_key),
            )
            if number == 2:
                assert mail.outbox == []

    assert sorted(message.to[0] for message in mail.outbox) == [
        "moderation@example.org",
        "zweite@example.org",
    ]
    assert poll.title in mail.outbox[0].subject
    assert poll.procedure.title in mail.outbox[0].body
    assert "/admin/" in mail.outbox[0].body


def test_a_polls_page_makes_as_many_queries_for_six_questions_as_for_one(client, procedure):
    small = PollFactory(procedure=procedure, allow_anonymous=True)
    large = PollFactory(
        procedure=procedure,
        allow_anonymous=True,
        questions=[(f"Frage {n}?", [f"Antwort {a}" for a in range(8)], n % 2) for n in range(6)],
    )
    client.get(vote_url(procedure, small))  # the process's own caches filled

    counts = []
    for poll in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(vote_url(procedure, poll)).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
