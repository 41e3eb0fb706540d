"""Who may register for a session, and who may cancel or confirm a place: named rules that
return the reason a person may not (see ``participation.rules``), checked by the services."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitwirken.accounts.rules import Reason, account_reason

from .models import Enrolment, Session

ALREADY_ENROLLED = _("You are already registered for this session.")
ALREADY_WAITING = _("You are already on the waiting list of this session.")
DEADLINE_PASSED = _("Registration for this session has closed.")
INTERNAL_ONLY = _(
    "This session is for staff of the city administration only. Please log in with your "
    "account of the administration."
)
NO_OFFER = _("There is no place offered to you in this session, or the offer has expired.")


def is_staff_account(user) -> bool:
    """Whether an account belongs to the administration: a member of a staff group, or with
    an e-mail address of one of ``TRAINING_STAFF_EMAIL_DOMAINS``."""
    domain = user.email.rpartition("@")[2].lower()
    if domain in {item.lower() for item in settings.TRAINING_STAFF_EMAIL_DOMAINS}:
        return True
    return user.groups.exists()


def can_enrol(user, session: Session, *, now=None) -> Reason:
    """Registration (or a place on the waiting list when full) is open until the deadline, to
    anyone with a confirmed account, and for an internal session to the administration."""
    if (now or timezone.now()) >= session.registration_deadline:
        return DEADLINE_PASSED
    reason = account_reason(user, log_in=_("Please log in to register."))
    if reason:
        return reason
    if session.internal and not is_staff_account(user):
        return INTERNAL_ONLY
    status = (
        Enrolment.objects.filter(session=session, user=user)
        .exclude(status=Enrolment.Status.CANCELLED)
        .values_list("status", flat=True)
        .first()
    )
    if status == Enrolment.Status.WAITING:
        return ALREADY_WAITING
    if status:
        return ALREADY_ENROLLED
    return None


def can_confirm_offer(enrolment: Enrolment, *, now=None) -> Reason:
    if enrolment.status != Enrolment.Status.OFFERED or (
        enrolment.offered_until and enrolment.offered_until <= (now or timezone.now())
    ):
        return NO_OFFER
    return None


def can_cancel(enrolment: Enrolment, *, now=None) -> Reason:
    if enrolment.status == Enrolment.Status.CANCELLED:
        return _("This registration is already cancelled.")
    if enrolment.session.start <= (now or timezone.now()):
        return _("This session has already begun; your registration can no longer be cancelled.")
    return None


def can_record_attendance(session: Session, *, now=None) -> Reason:
    """Attendance is recorded once the session has begun."""
    if session.start > (now or timezone.now()):
        return _("Attendance can be recorded once the session has begun.")
    return None


RULES: dict[str, Callable[..., Reason]] = {
    "training.enrol": can_enrol,
    "training.confirm_offer": can_confirm_offer,
    "training.cancel": can_cancel,
    "training.record_attendance": can_record_attendance,
}


def require(rule: str, *args, **kwargs) -> None:
    """Raise a ValidationError with the reason when ``rule`` does not allow the action."""
    reason = RULES[rule](*args, **kwargs)
    if reason:
        raise ValidationError(reason, code=rule)
