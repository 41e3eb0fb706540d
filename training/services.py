"""Writes of the training app: registering, the waiting list, cancelling, confirming an offered
place. Every write locks the session's row first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite
writes one at a time anyway), so however many people ask at once, a session never holds more
people than places, and the database holds one row per person and session.

Mails are rows of the outbox written in the same transaction (``mitwirken.notifications``);
they go out after commit."""

import datetime
import functools
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.log_actions import log

from mitwirken.notifications.mail import Attachment
from mitwirken.notifications.selectors import announced
from mitwirken.notifications.services import notify_address
from mitwirken.pages.kit import route_url
from mitwirken.web.ical import CalendarEvent, calendar
from mitwirken.web.links import absolute_url, site_root_url

from . import kinds, rules, selectors, signals, tokens
from .models import Enrolment, Mode, Session, offer_deadline


def _lock(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("module").get(pk=session.pk)


def _lock_enrolment(enrolment: Enrolment) -> Enrolment:
    """The enrolment locked, with its session locked first (the order every write keeps)."""
    session = _lock(enrolment.session)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    enrolment.session = session
    return enrolment


def places_taken(session: Session) -> int:
    return session.enrolments.filter(status__in=Enrolment.HOLDS_PLACE).count()


def session_event(session: Session, *, url: str = "", online_link: str = "") -> CalendarEvent:
    """``session`` as a calendar entry in the active language: the module's title, the place,
    the module's page (``url``, else its address in the active language). ``online_link`` only
    for a person with a place, once the link mail has gone out (an online session's place)."""
    location = session.place.strip()
    if session.mode == Mode.ONLINE:
        location = online_link or gettext("online")
    description = [session.module.summary or ""]
    if online_link:
        description.append(gettext("Online room: %(link)s") % {"link": online_link})
    root = site_root_url()
    return CalendarEvent(
        uid=f"training-session-{session.pk}@{urlsplit(root).netloc}",
        start=session.start,
        end=session.end,
        summary=session.module.title,
        location=location,
        description="\n\n".join(part for part in description if part),
        url=url or absolute_url(session.module.get_url() or "/", root=root),
    )


def session_ical(*, session: Session, online_link: bool = False) -> str:
    """``session`` as an iCalendar file (text/calendar) in the active language, with the
    online room's link when ``online_link``."""
    link = session.online_link if online_link else ""
    return calendar([session_event(session, online_link=link)])


def enrolment_mail(
    kind,
    enrolment: Enrolment,
    *,
    occasion: str,
    url=None,
    with_calendar: bool = False,
    calendar_with_link: bool = False,
    **context,
) -> None:
    """One mail about ``enrolment`` to its participant, once per ``occasion``; its link leads
    to ``url`` (a callable or a path), else to the module's page. With the session as an .ics
    file (``with_calendar``: the confirmation of a place), which holds the online room's link
    only with ``calendar_with_link`` (the link mail)."""
    user = enrolment.user
    session = enrolment.session
    language = user.language or settings.LANGUAGE_CODE
    attachment = None
    if with_calendar:
        with translation.override(language):
            attachment = Attachment(
                name=f"schulung-{session.pk}.ics",
                content=session_ical(session=session, online_link=calendar_with_link),
                mimetype="text/calendar",
            )
    notify_address(
        kind,
        email=user.email,
        language=language,
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
        attachment=attachment,
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
    enrolment_mail(kind, enrolment, occasion=f"{status}:{now.isoformat()}", with_calendar=not full)
    if not full:
        _queue_online_link(session, now)
    return enrolment


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, now=None) -> Enrolment:
    """Give up a place or leave the waiting list; a freed place is offered to the first in line."""
    now = now or timezone.now()
    enrolment = _lock_enrolment(enrolment)
    session = enrolment.session
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
    enrolment = _lock_enrolment(enrolment)
    session = enrolment.session
    rules.require("training.confirm_offer", enrolment, now=now)
    enrolment.status = Enrolment.Status.CONFIRMED
    enrolment.offered_until = None
    enrolment.save(update_fields=["status", "offered_until"])
    enrolment_mail(
        kinds.ENROLMENT_CONFIRMED,
        enrolment,
        occasion=f"confirmed:{now.isoformat()}",
        with_calendar=True,
    )
    _queue_online_link(session, now)
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


# --- Timed mails and the feedback seam (run by ``tasks``) ------------------------------------


def _link_window_open(session: Session, now) -> bool:
    """Whether the online room's link is due: the session has one and starts within
    ``TRAINING_LINK_HOURS``."""
    opens = session.start - datetime.timedelta(hours=settings.TRAINING_LINK_HOURS)
    has_room = bool(session.online_link) and session.mode != Mode.IN_PERSON
    return has_room and opens <= now < session.start


def _queue_online_link(session: Session, now) -> None:
    """Someone who takes a place once the link has gone out gets it at once, after commit."""
    if _link_window_open(session, now):
        from .tasks import send_session_online_link

        transaction.on_commit(
            functools.partial(send_session_online_link.delay, session.pk), robust=True
        )


def _mail_once(kind, enrolment: Enrolment, *, occasion: str, **options) -> bool:
    """``enrolment_mail`` unless this occasion is already in the outbox; whether it wrote."""
    if announced(kind=kind, key=f"enrolment:{enrolment.pk}:{occasion}"):
        return False
    enrolment_mail(kind, enrolment, occasion=occasion, **options)
    return True


@transaction.atomic
def session_reminders_send(*, session: Session, now=None) -> int:
    """Remind everyone with a confirmed place in ``session``, which has not begun, once each;
    how many were written now."""
    now = now or timezone.now()
    session = _lock(session)
    if session.start <= now:
        return 0
    written = 0
    for enrolment in selectors.confirmed_enrolments(session):
        enrolment.session = session
        written += _mail_once(kinds.SESSION_REMINDER, enrolment, occasion="reminder")
    return written


@transaction.atomic
def session_online_link_send(*, session: Session, now=None) -> int:
    """Send the online room's link to everyone with a confirmed place, once each, within
    ``TRAINING_LINK_HOURS`` before the start (nothing without a link); with the session as an
    .ics file that now holds the link. How many were written now."""
    now = now or timezone.now()
    session = _lock(session)
    if not _link_window_open(session, now):
        return 0
    written = 0
    for enrolment in selectors.confirmed_enrolments(session):
        enrolment.session = session
        written += _mail_once(
            kinds.ONLINE_LINK,
            enrolment,
            occasion="online-link",
            with_calendar=True,
            calendar_with_link=True,
            online_link=session.online_link,
        )
    return written


@transaction.atomic
def session_feedback_request(*, session: Session, now=None) -> bool:
    """Mark that ``session``, which has ended, asked its participants for feedback, and send
    ``signals.session_ended`` with its attendees, once per session (the evaluation app's
    survey plugs in there). Whether it was sent now."""
    now = now or timezone.now()
    session = _lock(session)
    if session.feedback_requested_at is not None or session.end > now:
        return False
    # An update, not save(): nothing a page shows changes, so no new training generation.
    Session.objects.filter(pk=session.pk).update(feedback_requested_at=now)
    session.feedback_requested_at = now
    attendees = selectors.session_attendees(session)
    signals.session_ended.send(sender=Session, session=session, attendees=attendees, now=now)
    return True
