"""The signed form token of an anonymous poll vote.

A visitor's vote counts only when it comes from a browser session this site created when it
showed the poll form, and with the token it put into that form: signed for this poll and this
session, and valid for ``settings.PARTICIPATION_POLL_TOKEN_MAX_AGE`` seconds. A script that
sends votes without first loading the page, or without keeping its cookie, has neither.

The token names neither the session nor the visitor: it carries the poll's id and a keyed hash
of the session key.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "participation.poll_vote"


def _signer(poll) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"{SALT}.{poll.pk}")


def _value(poll, session_key: str) -> str:
    digest = salted_hmac(f"{SALT}.session", session_key).hexdigest()[:32]
    return f"{poll.pk}:{digest}"


def poll_token(*, poll, session_key: str) -> str:
    """The token for the poll form shown in the session ``session_key``."""
    return _signer(poll).sign(_value(poll, session_key))


def poll_token_valid(*, poll, session_key: str, token: str) -> bool:
    """Whether ``token`` was made for this poll and this session, and has not expired."""
    if not session_key or not token:
        return False
    try:
        value = _signer(poll).unsign(token, max_age=settings.PARTICIPATION_POLL_TOKEN_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return False
    return constant_time_compare(value, _value(poll, session_key))
