"""Writes of the training app: registering, the waiting list, cancelling, confirming an offered
place. Every write locks the session's row first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite
writes one at a time anyway), so however many people ask at once, a session never holds more
people than places, and the database holds one row per person and session.

Mails are rows of the outbox written in the same transaction (``mitwirken.notifications``);
they go out after commit."""

import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from mitwirken.notifications.services import notify_address
from mitwirken.pages.kit import route_url

from . import kinds, rules, tokens
from .models import Enrolment, Session, offer_deadline


def _lock(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("module").get(pk=session.pk)


def places_taken(session: Session) -> int:
    return session.enrolments.filter(status__in=Enrolment.HOLDS_PLACE).count()


def enrolment_mail(kind, enrolment: Enrolment, *, occasion: str, url=None, **context) -> None:
    """One mail about ``enrolment`` to its participant, once per ``occasion``; its link leads
    to ``url`` (a callable or a path), else to the module's page."""
    user = enrolment.user
    session = enrolment.session
    notify_address(
        kind,
        email=user.email,
        language=user.language or settings.LANGUAGE_CODE,
        key=f"enrolment:{enrolment.pk}:{occasion}",
        context={
            "enrolment": enrolment,
            "session": session,
            "module": session.module,
            # Called while the mail is rendered, in its language: the signed links of the mail.
            "cancel_url": lambda: tokens.enrolment_link(enrolment=enrolment, action="cancel"),
            "confirm_url": lambda: tokens.enrolment_link(enrolment=enrolment, action="confirm"),
            **context,
        },
        url=url or (lambda: session.module.get_url() or ""),
        user=user,
    )


@transaction.atomic
def enrolment_register(*, session: Session, user, now=None) -> Enrolment:
    """A place for ``user``, or a place on the waiting list when the session is full.

    Refused (``ValidationError`` with the reason) after the deadline, twice, or for an internal
    session without an account of the administration.
    """
    now = now or timezone.now()
    session = _lock(session)
    rules.require("training.enrol", user, session, now=now)
    full = places_taken(session) >= session.capacity
    status = Enrolment.Status.WAITING if full else Enrolment.Status.CONFIRMED
    values = {"status": status, "queued_at": now, "offered_until": None, "cancelled_at": None}
    try:
        with transaction.atomic():
            enrolment, _created = Enrolment.objects.update_or_create(
                session=session, user=user, defaults=values
            )
    except IntegrityError as error:
        raise ValidationError(rules.ALREADY_ENROLLED) from error
    enrolment.session = session
    kind = kinds.WAITING_LIST_JOINED if full else kinds.ENROLMENT_CONFIRMED
    enrolment_mail(kind, enrolment, occasion=f"{status}:{now.isoformat()}")
    return enrolment


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, now=None) -> Enrolment:
    """Give up a place or leave the waiting list; a freed place is offered to the first in line."""
    now = now or timezone.now()
    session = _lock(enrolment.session)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    enrolment.session = session
    rules.require("training.cancel", enrolment, now=now)
    held_place = enrolment.status in Enrolment.HOLDS_PLACE
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.cancelled_at = now
    enrolment.offered_until = None
    enrolment.save(update_fields=["status", "cancelled_at", "offered_until"])
    enrolment_mail(kinds.ENROLMENT_CANCELLED, enrolment, occasion=f"cancelled:{now.isoformat()}")
    if held_place:
        waiting_list_advance(session=session, now=now)
    return enrolment


@transaction.atomic
def offer_confirm(*, enrolment: Enrolment, now=None) -> Enrolment:
    """Take up a place offered from the waiting list, within its time."""
    now = now or timezone.now()
    session = _lock(enrolment.session)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    enrolment.session = session
    rules.require("training.confirm_offer", enrolment, now=now)
    enrolment.status = Enrolment.Status.CONFIRMED
    enrolment.offered_until = None
    enrolment.save(update_fields=["status", "offered_until"])
    enrolment_mail(kinds.ENROLMENT_CONFIRMED, enrolment, occasion=f"confirmed:{now.isoformat()}")
    return enrolment


def waiting_list_advance(*, session: Session, now=None) -> list[Enrolment]:
    """Offer every free place of ``session`` (locked by the caller) to the first on its waiting
    list, who is told by mail and has until ``offered_until`` to confirm. Nothing is offered
    once the session has begun."""
    now = now or timezone.now()
    if session.start <= now:
        return []
    free = session.capacity - places_taken(session)
    if free <= 0:
        return []
    offered = list(
        session.enrolments.select_for_update()
        .filter(status=Enrolment.Status.WAITING)
        .select_related("user")
        .order_by("queued_at", "pk")[:free]
    )
    until = offer_deadline(now, session)
    for enrolment in offered:
        enrolment.status = Enrolment.Status.OFFERED
        enrolment.offered_until = until
        enrolment.save(update_fields=["status", "offered_until"])
        enrolment.session = session
        enrolment_mail(kinds.PLACE_OFFERED, enrolment, occasion=f"offered:{now.isoformat()}")
    return offered


def offers_expire(*, now=None) -> int:
    """Pass on the places whose offer ran out: the offer is cancelled and the place goes to the
    next in line. Run by Celery beat; returns how many offers expired."""
    now = now or timezone.now()
    expired = 0
    sessions = Session.objects.filter(
        enrolments__status=Enrolment.Status.OFFERED, enrolments__offered_until__lte=now
    ).distinct()
    for session_id in sessions.values_list("pk", flat=True):
        with transaction.atomic():
            session = _lock(Session(pk=session_id))
            stale = list(
                session.enrolments.select_for_update().filter(
                    status=Enrolment.Status.OFFERED, offered_until__lte=now
                )
            )
            for enrolment in stale:
                enrolment.status = Enrolment.Status.CANCELLED
                enrolment.cancelled_at = now
                enrolment.save(update_fields=["status", "cancelled_at"])
            expired += len(stale)
            waiting_list_advance(session=session, now=now)
    return expired


# Attendance and certificates ------------------------------------------------------------------

#: What the log of a session says when its attendance is recorded (``wagtail_hooks``).
ATTENDANCE_ACTION = "training.attendance"
#: The characters of a certificate's code: no 0/O, 1/I/L, so that it reads back unambiguously.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PREFIX = "TN"


def certificate_code_new() -> str:
    """A random code such as ``TN-7KQ4-M2XD``: 8 characters of 31 (about 40 bits), not
    guessable in the checks the rate limit lets through, and unused so far."""
    while True:
        chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        code = f"{CODE_PREFIX}-{chars[:4]}-{chars[4:]}"
        if not Enrolment.objects.filter(certificate_code=code).exists():
            return code


def certificate_code_normalize(value: str) -> str:
    """A code as typed (lower case, spaces, without dashes) in its printed form."""
    chars = "".join(char for char in value.upper() if char.isalnum())
    chars = chars.removeprefix(CODE_PREFIX)
    if len(chars) != 8:
        return value.strip().upper()
    return f"{CODE_PREFIX}-{chars[:4]}-{chars[4:]}"


def certificate_issue(*, enrolment: Enrolment, now=None) -> Enrolment:
    """Give an attendee a certificate: a code of its own and the time, once; the participant
    is told by mail that they can download it. Called by ``attendance_record``."""
    if enrolment.certificate_code:
        return enrolment
    now = now or timezone.now()
    enrolment.certificate_code = certificate_code_new()
    enrolment.certificate_issued_at = now
    enrolment.save(update_fields=["certificate_code", "certificate_issued_at"])
    enrolment_mail(
        kinds.CERTIFICATE_READY,
        enrolment,
        occasion="certificate",
        url=lambda: my_trainings_url(enrolment.session.module),
    )
    return enrolment


def my_trainings_url(module) -> str:
    """The path of "My trainings" below the module's index."""
    index = module.get_parent().specific
    return route_url(index, "my_trainings")


@transaction.atomic
def attendance_record(
    *, session: Session, attended_ids: Iterable[int], by, now=None
) -> list[Enrolment]:
    """Who of the confirmed participants of ``session`` attended (the enrolments of
    ``attended_ids``) and who did not (the others); every attendee gets a certificate. Other
    enrolments (waiting, cancelled) are left as they are. Logged on the session for ``by``.
    Returns the attendees."""
    now = now or timezone.now()
    session = _lock(session)
    rules.require("training.record_attendance", session, now=now)
    attended_ids = {int(pk) for pk in attended_ids}
    confirmed = list(
        session.enrolments.select_for_update()
        .filter(status=Enrolment.Status.CONFIRMED)
        .select_related("user")
    )
    attendees = []
    changed = 0
    for enrolment in confirmed:
        enrolment.session = session
        attended = enrolment.pk in attended_ids
        if enrolment.attended is not attended:
            enrolment.attended = attended
            enrolment.save(update_fields=["attended"])
            changed += 1
        if attended:
            certificate_issue(enrolment=enrolment, now=now)
            attendees.append(enrolment)
    log(
        instance=session,
        action=ATTENDANCE_ACTION,
        user=by,
        data={"attended": len(attendees), "confirmed": len(confirmed), "changed": changed},
    )
    return attendees


def certificate_name_set(*, enrolment: Enrolment, name: str) -> Enrolment:
    """The name the participant wants printed on their certificate."""
    enrolment.certificate_name = name.strip()
    enrolment.save(update_fields=["certificate_name"])
    return enrolment
