"""Writes of what citizens contribute, online or entered by staff from paper, phone, e-mail or
an event. Every function checks the rules (``participation.rules``) and the data, and stores
nothing when either fails: it raises a ValidationError whose messages name the fields."""

import uuid
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.services import notify_address

from .. import (
    kinds,  # noqa: F401 - registers the kinds of notification sent here
    rules,
)
from ..models import (
    Channel,
    Comment,
    Poll,
    PollChoice,
    PollVote,
    Proposal,
    Statement,
    StatementAttachment,
    Support,
)

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
PDF_SIGNATURE = b"%PDF"


def _check(rule: str, entered_by, *args) -> None:
    """The citizen rules, unless staff enter what came on paper, by phone, mail or at an event."""
    if entered_by is None:
        rules.require(rule, *args)


def _save(instance, *, exclude: Sequence[str] = ()) -> None:
    instance.full_clean(exclude=list(exclude))
    instance.save()


def _text(value: str) -> str:
    return (value or "").strip()


@transaction.atomic
def proposal_create(
    *,
    procedure,
    author,
    title: str,
    text: str,
    category: str = "",
    channel: str = Channel.ONLINE,
    entered_by=None,
) -> Proposal:
    _check("participation.add_proposal", entered_by, author, procedure)
    proposal = Proposal(
        procedure=procedure,
        author=author,
        title=_text(title),
        text=_text(text),
        category=_text(category),
        channel=channel,
        entered_by=entered_by,
    )
    _save(proposal)
    return proposal


@transaction.atomic
def comment_create(
    *,
    procedure,
    author,
    text: str,
    proposal: Proposal | None = None,
    parent: Comment | None = None,
    channel: str = Channel.ONLINE,
    entered_by=None,
) -> Comment:
    """A comment on the procedure or on ``proposal``; with ``parent`` a reply, one level deep."""
    _check("participation.add_comment", entered_by, author, procedure)
    if parent is not None:
        if parent.parent_id is not None:
            parent = parent.parent
        if parent.procedure_id != procedure.pk:
            raise ValidationError(_("This comment does not belong to this procedure."))
        proposal = parent.proposal
    if proposal is not None and proposal.procedure_id != procedure.pk:
        raise ValidationError(_("This proposal does not belong to this procedure."))
    comment = Comment(
        procedure=procedure,
        proposal=proposal,
        parent=parent,
        author=author,
        text=_text(text),
        channel=channel,
        entered_by=entered_by,
    )
    _save(comment)
    return comment


@transaction.atomic
def support_create(
    *, proposal: Proposal, user, channel: str = Channel.ONLINE, entered_by=None
) -> Support:
    """One support per user and proposal; staff may enter signatures without a user."""
    _check("participation.support", entered_by, user, proposal)
    if user is not None and Support.objects.filter(proposal=proposal, user=user).exists():
        raise ValidationError(_("You already support this proposal."))
    return Support.objects.create(
        proposal=proposal, user=user, channel=channel, entered_by=entered_by
    )


@transaction.atomic
def poll_vote(
    *,
    poll: Poll,
    choices: Iterable[PollChoice | int],
    user=None,
    session_key: str = "",
    channel: str = Channel.ONLINE,
    entered_by=None,
) -> PollVote:
    """One ballot with an answer to every question (one, or several where allowed).

    A verified user's vote counts once per poll; a visitor's, where the poll allows it, once per
    browser session (``session_key``).
    """
    _check("participation.vote", entered_by, user, poll, session_key)
    questions = list(poll.questions.prefetch_related("choices"))
    valid = {choice.pk: choice for question in questions for choice in question.choices.all()}
    chosen_ids = {
        choice.pk if isinstance(choice, PollChoice) else int(choice) for choice in choices
    }
    if not chosen_ids <= valid.keys():
        raise ValidationError(_("Please choose among the answers of this poll."))
    errors = {}
    for question in questions:
        count = sum(1 for choice in question.choices.all() if choice.pk in chosen_ids)
        if count == 0:
            errors[f"question_{question.pk}"] = _("Please answer this question.")
        elif count > 1 and not question.multiple:
            errors[f"question_{question.pk}"] = _("Please choose one answer only.")
    if errors:
        raise ValidationError(errors)
    verified = entered_by is None and rules.is_verified(user)
    vote = PollVote.objects.create(
        poll=poll,
        user=user if (verified or entered_by is not None) else None,
        session_key="" if (verified or entered_by is not None) else session_key,
        channel=channel,
        entered_by=entered_by,
    )
    vote.choices.set([valid[pk] for pk in chosen_ids])
    return vote


def attachments_validate(files: Sequence[UploadedFile]) -> None:
    """At most three PDF files of at most 10 MB each, judged by their content, not their name."""
    if len(files) > MAX_ATTACHMENTS:
        raise ValidationError(
            _("Please attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS},
            code="too_many",
        )
    errors = []
    for upload in files:
        if upload.size > MAX_ATTACHMENT_BYTES:
            errors.append(
                ValidationError(
                    _("%(name)s is larger than 10 MB.") % {"name": upload.name}, code="too_large"
                )
            )
            continue
        upload.seek(0)
        head = upload.read(len(PDF_SIGNATURE))
        upload.seek(0)
        if head != PDF_SIGNATURE:
            errors.append(
                ValidationError(
                    _("%(name)s is not a PDF file.") % {"name": upload.name}, code="not_pdf"
                )
            )
    if errors:
        raise ValidationError(errors)


def statement_reference(statement: Statement) -> str:
    """ST-<year>-<six-digit number>, e.g. ST-2026-000123."""
    return f"ST-{statement.created_at:%Y}-{statement.pk:06d}"


@transaction.atomic
def statement_create(
    *,
    procedure,
    author,
    text: str,
    name: str,
    street: str,
    postcode: str,
    city: str,
    email: str = "",
    attachments: Sequence[UploadedFile] = (),
    channel: str = Channel.ONLINE,
    entered_by=None,
) -> Statement:
    """A formal statement with its PDF attachments, a reference number and a receipt by mail.

    The receipt goes to ``email``, else to the author's address, through the notifications
    outbox after commit.
    """
    _check("participation.add_statement", entered_by, author, procedure)
    try:
        attachments_validate(list(attachments))
    except ValidationError as error:
        raise ValidationError({"attachments": error.error_list}) from error
    statement = Statement(
        procedure=procedure,
        author=author,
        text=_text(text),
        name=_text(name),
        street=_text(street),
        postcode=_text(postcode),
        city=_text(city),
        email=_text(email),
        channel=channel,
        entered_by=entered_by,
        reference=f"pending-{uuid.uuid4().hex[:20]}",
    )
    _save(statement)
    statement.reference = statement_reference(statement)
    statement.save(update_fields=["reference"])
    for upload in attachments:
        attachment = StatementAttachment(
            statement=statement, name=upload.name[:200], size=upload.size
        )
        attachment.file.save(upload.name, upload, save=True)
    receipt_to = statement.email or (author.email if author is not None else "")
    if receipt_to:
        _statement_receipt(statement=statement, email=receipt_to)
    return statement


def _statement_receipt(*, statement: Statement, email: str) -> None:
    language = translation.get_language() or "de"
    with translation.override(language):
        received = timezone.localtime(statement.created_at)
        title = gettext("Your statement %(reference)s has been received") % {
            "reference": statement.reference
        }
        summary = gettext(
            "We received your formal statement on “%(procedure)s” on %(date)s at %(time)s under "
            "the reference number %(reference)s. Please quote this number if you contact us. "
            "Attachments: %(count)d."
        ) % {
            "procedure": statement.procedure.title,
            "date": received.strftime("%d.%m.%Y"),
            "time": received.strftime("%H:%M"),
            "reference": statement.reference,
            "count": statement.attachments.count(),
        }
    notify_address(
        "participation.statement_received",
        email=email,
        language=language,
        key=f"statement:{statement.pk}",
        context={"title": title, "summary": summary, "statement": statement},
        url=statement.procedure.url or "",
    )
