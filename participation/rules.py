"""Who may do what in a procedure: the citizen rules, named and checked in one place.

Each rule is a plain function that returns ``None`` when the action is allowed, else the reason
why not, as a translated sentence people can read. Views use the reason to explain instead of
showing a form; the services call ``require`` so nothing is stored against the rules, whichever
way a request arrives.

Staff entering contributions that came on paper, by phone, by e-mail or at an event
(``entered_by`` set) are not held to the citizen rules: the person has no account, and a letter
posted within the phase may be entered after it ended.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitwirken.accounts.rules import Reason, account_reason
from mitwirken.accounts.selectors import is_verified

from .tokens import poll_token_valid

# What a repeat hears, also when it raced the first and the database refused it.
ALREADY_SUPPORTED = _("You already support this proposal.")
ALREADY_VOTED = _("You have already taken part in this poll.")
ALREADY_REGISTERED = _("You are already registered for this event.")

#: A visitor's vote without a valid form token: sent without loading the page first, from a
#: browser that does not keep cookies, or from a form left open for hours.
VOTE_EXPIRED = _(
    "Your answers were not counted: the form has expired, or your browser does not keep "
    "cookies for this site. Please load the page again and send your answers once more."
)


def _phase_reason(procedure, flag: str, closed_message) -> Reason:
    if flag not in procedure.open_for(timezone.now()):
        return closed_message
    return None


# The phase comes before the account: whoever may not take part now, signed in or not, hears
# that, and is not asked to log in for nothing.


def can_add_proposal(user, procedure) -> Reason:
    return _phase_reason(
        procedure, "allows_proposals", _("Proposals are not open in the current phase.")
    ) or account_reason(user)


def can_add_comment(user, procedure) -> Reason:
    return _phase_reason(
        procedure, "allows_comments", _("Comments are not open in the current phase.")
    ) or account_reason(user)


def can_support(user, proposal, procedure=None) -> Reason:
    """``procedure`` may be passed when the caller has it with its phases already."""
    procedure = procedure or proposal.procedure
    reason = _phase_reason(
        procedure, "allows_support", _("Support is not open in the current phase.")
    ) or account_reason(user)
    if reason:
        return reason
    if proposal.is_hidden:
        return _("This proposal was hidden by the moderation.")
    if proposal.author_id == user.pk:
        return _("You cannot support your own proposal.")
    from .models import Support

    if Support.objects.filter(proposal=proposal, user=user).exists():
        return ALREADY_SUPPORTED
    return None


def can_vote(user, poll, session_key: str = "", procedure=None, *, token: str = "") -> Reason:
    """Verified users vote once per poll; where the poll allows it, visitors once per session.

    A visitor's vote needs a session the site created when it showed the poll form, and the
    signed token of that form (``participation.tokens``); the view passes ``session_key`` only
    for such a session.
    """
    procedure = procedure or poll.procedure
    reason = _phase_reason(
        procedure, "allows_polls", _("The poll is not open in the current phase.")
    )
    if reason:
        return reason
    from .models import PollVote

    if is_verified(user):
        if PollVote.objects.filter(poll=poll, user=user).exists():
            return ALREADY_VOTED
        return None
    if not poll.allow_anonymous:
        return account_reason(user)
    if session_key and PollVote.objects.filter(poll=poll, session_key=session_key).exists():
        return ALREADY_VOTED
    if not poll_token_valid(poll=poll, session_key=session_key, token=token):
        return VOTE_EXPIRED
    return None


def can_add_statement(user, procedure) -> Reason:
    """Anyone may hand in a formal statement (§ 3 BauGB), with an account or without: who they
    are is the name, postal address and e-mail address given with it, not an account."""
    if not procedure.is_formal:
        return _("Formal statements are only possible in formal procedures.")
    return _phase_reason(
        procedure, "allows_statements", _("Formal statements are not open in the current phase.")
    )


def can_register(user, event) -> Reason:
    reason = account_reason(user)
    if reason:
        return reason
    if event.end <= timezone.now():
        return _("This event is over.")
    if event.registrations.filter(user=user).exists():
        return ALREADY_REGISTERED
    if event.capacity is not None and event.registrations.count() >= event.capacity:
        return _("This event is fully booked.")
    return None


def can_report(user, contribution) -> Reason:
    """Anyone may report a contribution, signed in or not; not one already hidden."""
    if contribution.is_hidden:
        return _("This contribution is already hidden.")
    return None


RULES: dict[str, Callable[..., Reason]] = {
    "participation.add_proposal": can_add_proposal,
    "participation.add_comment": can_add_comment,
    "participation.support": can_support,
    "participation.vote": can_vote,
    "participation.add_statement": can_add_statement,
    "participation.register_for_event": can_register,
    "participation.report": can_report,
}


def require(rule: str, *args, **kwargs) -> None:
    """Raise a ValidationError with the reason when ``rule`` does not allow the action."""
    reason = RULES[rule](*args, **kwargs)
    if reason:
        raise ValidationError(reason, code=rule)
