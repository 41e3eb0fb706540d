"""Signed links in the training mails: cancel a place, or confirm one offered from the waiting
list, without logging in. A link names the enrolment and the action and is signed with the
site's key; it is valid until the session starts (the rules refuse later actions anyway)."""

from django.core import signing
from django.utils.crypto import constant_time_compare

from mitwirken.pages.kit import route_url
from mitwirken.web.links import absolute_url

from .models import TrainingIndexPage

SALT = "training.enrolment"
ACTIONS = ("cancel", "confirm")


def _signature(pk: int, action: str) -> str:
    return signing.Signer(salt=SALT, algorithm="sha256").signature(f"{action}:{pk}")


def enrolment_token(*, enrolment, action: str) -> str:
    """``<action>-<id>-<signature>``: only letters, digits, ``-`` and ``_``, as Wagtail's page
    URLs take them."""
    if action not in ACTIONS:
        raise ValueError(action)
    return f"{action}-{enrolment.pk}-{_signature(enrolment.pk, action)}"


def enrolment_from_token(token: str) -> tuple[int, str] | None:
    """The enrolment's id and the action of a valid token, else ``None``."""
    action, _sep, rest = token.partition("-")
    pk, _sep, signature = rest.partition("-")
    if action not in ACTIONS or not (pk.isascii() and pk.isdigit()) or len(pk) > 10:
        return None
    if not constant_time_compare(signature, _signature(int(pk), action)):
        return None
    return int(pk), action


def enrolment_link(*, enrolment, action: str) -> str:
    """The absolute address of the signed link that does ``action`` to ``enrolment``, below the
    Schulungen in the active language ("" when there is no live index page)."""
    index = TrainingIndexPage.objects.live().first()
    if index is None:
        return ""
    token = enrolment_token(enrolment=enrolment, action=action)
    return absolute_url(route_url(index, "enrolment_link", token))
