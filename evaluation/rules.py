"""Who may answer a survey: named rules that return the reason a person may not (see
``participation.rules``), checked by the services."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from mitwirken.accounts.rules import Reason, account_reason

from .models import Invitation, Respondent, Survey

ALREADY_ANSWERED = _("You have already answered this survey. Thank you for taking part!")
CLOSED = _("This survey is closed.")
TEMPLATE = _("This survey is a template for other surveys and takes no answers.")


def can_answer(
    survey: Survey, *, invitation: Invitation | None = None, user=None, now=None
) -> Reason:
    """A survey is answered while it is open, once: through an invitation not used yet, or
    signed in (``user``) by a person who has not answered it (a ``Respondent``), also not
    through an invitation sent to them."""
    now = now or timezone.now()
    if survey.standard:
        return TEMPLATE
    if survey.opens_at and now < survey.opens_at:
        return _("This survey opens on %(date)s.") % {
            "date": formats.date_format(timezone.localtime(survey.opens_at), "DATETIME_FORMAT")
        }
    if not survey.is_open(now):
        return CLOSED
    if invitation is not None:
        if invitation.answered_at:
            return ALREADY_ANSWERED
        person = invitation.user_id
    else:
        reason = account_reason(user, log_in=_("Please log in to answer this survey."))
        if reason:
            return reason
        person = user.pk
    if person and Respondent.objects.filter(survey=survey, user_id=person).exists():
        return ALREADY_ANSWERED
    return None


RULES: dict[str, Callable[..., Reason]] = {
    "evaluation.answer": can_answer,
}


def require(rule: str, *args, **kwargs) -> None:
    """Raise a ValidationError with the reason when ``rule`` does not allow the action."""
    reason = RULES[rule](*args, **kwargs)
    if reason:
        raise ValidationError(reason, code=rule)
