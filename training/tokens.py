"""Signed links in the training mails: cancel a place, or confirm one offered from the waiting
list, without logging in. A link names the enrolment and the action and is signed with the
site's key; it is valid until the session starts (the rules refuse later actions anyway)."""

from django.core import signing

from mitwirken.pages.kit import route_url
from mitwirken.web.links import absolute_url

from .models import TrainingIndexPage

SALT = "training.enrolment"
ACTIONS = ("cancel", "confirm")


def enrolment_token(*, enrolment, action: str) -> str:
    if action not in ACTIONS:
        raise ValueError(action)
    return signing.dumps({"e": enrolment.pk, "a": action}, salt=SALT, compress=True)


def enrolment_from_token(token: str) -> tuple[int, str] | None:
    """The enrolment's id and the action of a valid token, else ``None``."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("a") not in ACTIONS:
        return None
    if not isinstance(value.get("e"), int):
        return None
    return value["e"], value["a"]


def enrolment_link(*, enrolment, action: str) -> str:
    """The absolute address of the signed link that does ``action`` to ``enrolment``, below the
    Schulungen in the active language ("" when there is no live index page)."""
    index = TrainingIndexPage.objects.live().first()
    if index is None:
        return ""
    token = enrolment_token(enrolment=enrolment, action=action)
    return absolute_url(route_url(index, "enrolment_link", token))
