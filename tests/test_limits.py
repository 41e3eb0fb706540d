"""The one abuse limiter: counts per person and per client (a keyed hash of the address),
refuses over the limit without counting the refused attempt, keeps clients apart, takes the
client's address from a trusted proxy only when one is configured, and fails open when the
cache is down."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import override_settings

from mitwirken import limits
from tests.test_settings import run

LIMITS = {
    "test.action": (3, 60 * 60),
    "test.subject": (2, 60 * 60),
    "test.workshop": (2, 60 * 60, 5),
}


@pytest.fixture(autouse=True)
def test_limits(settings):
    settings.RATE_LIMITS = LIMITS


@pytest.fixture
def request_from(rf):
    def request_from(address="198.51.100.7", user=None, **headers):
        request = rf.post("/", REMOTE_ADDR=address, **headers)
        request.user = user or AnonymousUser()
        return request

    return request_from


def attempts(request, count, action="test.action", **kwargs):
    return [limits.exceeded(request, action, **kwargs) for _ in range(count)]


def test_a_client_gets_the_limit_and_is_refused_after_it(request_from):
    assert attempts(request_from(), 5) == [False, False, False, True, True]


def test_another_client_is_not_affected(request_from):
    attempts(request_from("198.51.100.7"), 4)

    assert attempts(request_from("203.0.113.9"), 3) == [False, False, False]


@pytest.mark.django_db
def test_a_person_is_counted_whichever_address_they_use(request_from, user):
    results = [
        limits.exceeded(request_from(f"203.0.113.{number}", user=user), "test.action")
        for number in range(5)
    ]

    assert results == [False, False, False, True, True]


@pytest.mark.django_db
def test_a_shared_address_is_counted_for_everyone_behind_it(request_from, user_factory):
    results = [
        limits.exceeded(request_from("192.0.2.1", user=user_factory()), "test.action")
        for _ in range(4)
    ]

    assert results == [False, False, False, True]


@pytest.mark.django_db
def test_one_address_may_have_room_for_more_people_than_one(request_from, user_factory):
    """The Wi-Fi of a workshop: two each, five for the address."""
    first, second, third = (user_factory() for _ in range(3))

    assert attempts(request_from("192.0.2.1", user=first), 3, "test.workshop") == [
        False,
        False,
        True,
    ]
    assert attempts(request_from("192.0.2.1", user=second), 2, "test.workshop") == [False] * 2
    assert attempts(request_from("192.0.2.1", user=third), 2, "test.workshop") == [False, True]


@pytest.mark.django_db
def test_a_refused_attempt_is_not_counted(request_from, user):
    """Refused at the address, the person's own count stays where it was; and once the
    address's window has passed, the person has their full count again."""
    shared = request_from("192.0.2.1", user=user)
    attempts(request_from("192.0.2.1"), 3)  # others behind the same address use it up

    assert attempts(shared, 2) == [True, True]
    cache.delete(f"limit:test.action:ip:{limits.client_hash(shared)}")  # its window passed
    assert attempts(shared, 4) == [False, False, False, True]


def test_each_scope_has_its_own_count(request_from):
    request = request_from()
    attempts(request, 3, scope="poll-1")

    assert limits.exceeded(request, "test.action", scope="poll-1")
    assert not limits.exceeded(request, "test.action", scope="poll-2")


def test_a_subject_is_counted_whoever_sends(request_from):
    subject = limits.keyed_hash("address", "nachbarin@example.org")

    assert [limits.exceeded_for("test.subject", subject) for _ in range(3)] == [
        False,
        False,
        True,
    ]
    assert not limits.exceeded_for("test.subject", limits.keyed_hash("address", "other@x.org"))


def test_the_address_is_never_part_of_a_key(request_from):
    request = request_from("198.51.100.23")
    attempts(request, 1)

    key = f"limit:test.action:ip:{limits.client_hash(request)}"
    assert cache.get(key) == 1
    assert "198.51.100.23" not in key


def test_an_ipv6_connection_is_one_client_for_its_whole_network(request_from):
    """Whoever has a /64 has 2**64 addresses: counting each would be no limit at all."""
    attempts(request_from("2001:db8:1:2::1"), 3)

    assert limits.exceeded(request_from("2001:db8:1:2:ffff::9"), "test.action")
    assert not limits.exceeded(request_from("2001:db8:1:3::1"), "test.action")


class BrokenCache:
    """A cache whose server cannot be reached."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache unreachable")

        return fail


def test_the_limiter_fails_open_when_the_cache_is_down(request_from, monkeypatch, caplog):
    monkeypatch.setattr(limits, "cache", BrokenCache())
    # A Celery worker started earlier in this process leaves the root logger at ERROR.
    with caplog.at_level(logging.WARNING, logger=limits.logger.name):
        assert attempts(request_from(), 5) == [False] * 5
        assert attempts(request_from(), 1, action="test.subject") == [False]
    assert "cache unavailable" in caplog.text


def test_the_limiter_fails_open_when_counting_fails_half_way(request_from, monkeypatch):
    def incr(key, *args, **kwargs):
        raise ConnectionError("connection reset")

    monkeypatch.setattr(cache, "incr", incr)

    assert attempts(request_from(), 5) == [False] * 5


# Behind a proxy ---------------------------------------------------------------------------------


def test_without_a_trusted_proxy_a_spoofed_forwarded_for_is_ignored(request_from):
    """Two requests from one address with different X-Forwarded-For share one counter."""
    first = request_from("198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.1")
    second = request_from("198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.2")

    assert limits.client_ip(first) == "198.51.100.7"
    assert attempts(first, 3) == [False] * 3
    assert limits.exceeded(second, "test.action")


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_forwarded_address_counts(request_from):
    """The proxy appends the address it saw; anything a client sent before it is ignored."""
    first = request_from("10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.66, 203.0.113.1")
    second = request_from("10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.2")

    assert limits.client_ip(first) == "203.0.113.1"
    assert attempts(first, 4) == [False, False, False, True]
    assert attempts(second, 3) == [False, False, False]


@override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
def test_a_trusted_client_address_header_is_used_instead(request_from):
    request = request_from(
        "10.0.0.2", HTTP_X_REAL_IP="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.66"
    )

    assert limits.client_ip(request) == "203.0.113.5"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2)
def test_a_request_that_went_round_the_proxies_is_counted_not_refused(request_from):
    request = request_from("10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.1")

    assert limits.client_ip(request) == "unknown"
    assert not limits.exceeded(request, "test.action")


def test_the_proxy_settings_come_from_the_environment():
    show = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )

    configured = run(
        "mitwirken.settings.dev",
        show,
        TRUSTED_PROXY_COUNT="1",
        TRUSTED_CLIENT_IP_HEADER="X-Real-IP",
    )
    default = run("mitwirken.settings.dev", show)

    assert configured.stdout.split() == ["1", "X-Real-IP"]
    assert default.stdout.split() == ["0", "None"]
