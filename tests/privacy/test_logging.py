"""No e-mail address, IP address or token in a log line: every handler of ``LOGGING`` masks
them (``mitwirken.privacy.logging.PersonalDataFilter``), and ordinary text stays readable."""

import io
import logging

import pytest
from celery import signals
from django.conf import settings

from mitwirken.privacy.logging import PersonalDataFilter, mask

ADDRESS = "kim.mueller+news@example.org"
IPV4 = "192.168.10.4"
IPV6 = "2001:db8::8a2e:370:7334"
SIGNED = "MQ:1tP5xQ:kJ9sdf8KJHsdf7sdfSDF7sdf8sXy"  # Django's signing: value:time:signature
UUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"


def configured_handlers() -> list[logging.Handler]:
    """The handlers of the loggers that settings.LOGGING configures and of the root logger
    (libraries' NullHandlers and pytest's own left out; a Celery worker started by an earlier
    test in the same process adds handlers of its own, which are not the portal's)."""
    names = settings.LOGGING.get("loggers", {})
    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in names)]
    return [
        handler
        for logger in loggers
        for handler in logger.handlers
        if not isinstance(handler, logging.NullHandler)
        and not type(handler).__module__.startswith("_pytest")
    ]


@pytest.fixture
def written():
    """What the root logger's configured handler writes, captured: its filters and formatter
    as set."""
    (handler,) = [h for h in configured_handlers() if h in logging.getLogger().handlers]
    stream = io.StringIO()
    saved = handler.setStream(stream)
    yield stream
    handler.setStream(saved)


def test_every_configured_handler_masks_personal_data():
    handlers = configured_handlers()

    assert len(handlers) >= 2  # the console and runserver's request lines
    for handler in handlers:
        assert any(isinstance(f, PersonalDataFilter) for f in handler.filters), handler


def test_a_log_line_shows_no_address_ip_or_token(written):
    logging.getLogger("mitwirken.test").warning(
        "Mail to %s from %s via %s: /benachrichtigungen/bestaetigen/%s/?token=abc123&page=2",
        ADDRESS,
        IPV4,
        IPV6,
        SIGNED,
    )

    line = written.getvalue()
    for secret in (ADDRESS, "example.org", IPV4, IPV6, SIGNED, "abc123"):
        assert secret not in line
    assert line == (
        "Mail to [email] from [ip] via [ip]: /benachrichtigungen/bestaetigen/[token]/"
        "?token=[token]&page=2\n"
    )


def test_django_loggers_write_through_the_same_filter(written):
    logging.getLogger("django.request").warning("Not Found: /konto/daten/%s/", UUID)

    assert written.getvalue() == "Not Found: /konto/daten/[token]/\n"


def test_a_traceback_is_masked_too(written):
    try:
        raise ValueError(f"no account for {ADDRESS} at {IPV4}")
    except ValueError:
        logging.getLogger("mitwirken.test").exception("Sign-up failed")

    line = written.getvalue()
    assert "ValueError: no account for [email] at [ip]" in line
    assert ADDRESS not in line and IPV4 not in line


def test_ordinary_text_stays_readable():
    text = (
        "Retention rule participation-statements: 3 rows at 2026-12-01 03:30:00+01:00; "
        "statement BV-2026-0042 (id 12345) on /beteiligung/gesamtstadt/radweg-am-phoenix-see/ "
        "by participation.services.statement_create, version 1.2.3, 10.5 %, ratio 3:2"
    )

    assert mask(text) == text


@pytest.mark.parametrize(
    "token",
    [
        "8x7c6v5b4n3m2l1k0j9h8g7f6d5s4a3q",  # a session key
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",  # hex
        "2-cfa6f9-5ee0a1b2c3d4e5f6a7b8",  # allauth's password reset key
        "eyJ1IjoxfQ:1tP5xQ:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc",  # a signed download link
        UUID,
    ],
)
def test_tokens_in_paths_are_masked(token):
    assert mask(f"GET /pfad/{token}/ 200") == "GET /pfad/[token]/ 200"


def test_the_filter_lets_every_record_pass_with_its_message_masked():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "to %s", (ADDRESS,), None)

    assert PersonalDataFilter().filter(record) is True
    assert record.getMessage() == "to [email]"


def test_celery_keeps_the_configured_handlers():
    # Without a receiver of setup_logging, Celery's worker replaces the root logger's handlers.
    import mitwirken.celery  # noqa: F401

    assert signals.setup_logging.receivers
