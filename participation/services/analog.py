"""Writes of what staff enter for citizens: contributions that came on paper, by phone, by e-mail
or at an event. The citizen-side services store them, without an author and with the staff
member who entered them, so the citizen rules are not asked (the person has no account) while
every check of the data still is.

``fields`` are those of the citizen-side service; the admin's analog-entry forms are named
after them, so the admin passes a form's cleaned data.
"""

from collections.abc import Iterable

from django.db import transaction

from ..models import Comment, PollChoice, PollVote, Proposal, Statement, Support
from . import contributions


def proposal_enter(*, entered_by, **fields) -> Proposal:
    return contributions.proposal_create(author=None, entered_by=entered_by, **fields)


def comment_enter(*, entered_by, **fields) -> Comment:
    return contributions.comment_create(author=None, entered_by=entered_by, **fields)


@transaction.atomic
def support_enter(*, proposal: Proposal, count: int, channel: str, entered_by) -> Support:
    """A list of ``count`` signatures counts one support each: all of them are stored, or none.
    Returns the last one."""
    support = None
    for _number in range(count):
        support = contributions.support_create(
            proposal=proposal, user=None, channel=channel, entered_by=entered_by
        )
    return support


def vote_enter(*, choices: Iterable[PollChoice], entered_by, **fields) -> PollVote:
    return contributions.poll_vote(
        choices=list(choices), user=None, entered_by=entered_by, **fields
    )


def statement_enter(*, entered_by, **fields) -> Statement:
    """A formal statement with its reference number and receipt, without PDF attachments: the
    admin's form takes none."""
    return contributions.statement_create(author=None, entered_by=entered_by, **fields)
