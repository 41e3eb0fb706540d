"""Writes of what citizens contribute, online or entered by staff from paper, phone, e-mail or
an event. Every function checks the rules (``participation.rules``) and the data, and stores
nothing when either fails: it raises a ValidationError whose messages name the fields."""

import uuid
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitwirken import pdf
from mitwirken.notifications.services import notify_address
from mitwirken.text import strip_format_controls

from .. import rules
from ..kinds import STATEMENT_RECEIVED
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
from .polls import poll_alarm_check
from .statements import statement_email

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
PDF_EXTENSION = ".pdf"
PDF_PROBLEMS = {
    pdf.NOT_PDF: _("%(name)s is not a PDF file."),
    pdf.ENCRYPTED: _(
        "%(name)s is protected by a password. Please attach it without the protection."
    ),
    pdf.ACTIVE_CONTENT: _(
        "%(name)s contains JavaScript, actions that run when it is opened or embedded files. "
        "Please attach a plain PDF, for example printed to PDF once more."
    ),
}

#: What a visitor without an account hears without an address for the receipt.
EMAIL_NEEDED = _("Please give an e-mail address: the receipt goes there.")


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
        title=_text(strip_format_controls(title)),
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
    """One support per user and proposal; staff may enter signatures without a user.

    The database holds one support per user: a repeat sent at the same moment as the first
    (a double click, two tabs) is refused like any repeat.
    """
    _check("participation.support", entered_by, user, proposal)
    try:
        with transaction.atomic():
            return Support.objects.create(
                proposal=proposal, user=user, channel=channel, entered_by=entered_by
            )
    except IntegrityError as error:
        raise ValidationError(rules.ALREADY_SUPPORTED) from error


@transaction.atomic
def poll_vote(
    *,
    poll: Poll,
    choices: Iterable[PollChoice | int],
    user=None,
    session_key: str = "",
    token: str = "",
    channel: str = Channel.ONLINE,
    entered_by=None,
) -> PollVote:
    """One ballot with an answer to every question (one, or several where allowed).

    A verified user's vote counts once per poll; a visitor's, where the poll allows it, once per
    browser session (``session_key``), and only with the signed ``token`` of the form shown in
    that session (``participation.tokens``). The database holds both "once": a repeat sent at
    the same moment as the first is refused like any repeat. When visitors' votes on one poll
    spike, the moderators are alarmed (``poll_alarm_check``).
    """
    if entered_by is None:
        rules.require("participation.vote", user, poll, session_key, token=token)
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
    anonymous = entered_by is None and not rules.is_verified(user)
    try:
        with transaction.atomic():
            vote = PollVote.objects.create(
                poll=poll,
                user=None if anonymous else user,
                session_key=session_key if anonymous else "",
                channel=channel,
                entered_by=entered_by,
            )
    except IntegrityError as error:
        raise ValidationError(rules.ALREADY_VOTED) from error
    vote.choices.set([valid[pk] for pk in chosen_ids])
    if anonymous:
        poll_alarm_check(poll=poll)
    return vote


def attachments_validate(files: Sequence[UploadedFile]) -> None:
    """At most three PDF files of at most 10 MB each, named ``.pdf`` and judged by their
    content: a real PDF (parsed, not only its first bytes) without JavaScript, actions that run
    on opening, launched programs or embedded files (``mitwirken.pdf``)."""
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
        if not upload.name.lower().endswith(PDF_EXTENSION):
            errors.append(
                ValidationError(
                    _("%(name)s is not a PDF file: its name must end in .pdf.")
                    % {"name": upload.name},
                    code="not_pdf_name",
                )
            )
            continue
        problem = pdf.pdf_problem(upload)
        if problem is not None:
            errors.append(
                ValidationError(PDF_PROBLEMS[problem] % {"name": upload.name}, code=problem)
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
    submission: uuid.UUID | None = None,
) -> Statement:
    """A formal statement with its PDF attachments, a reference number and a receipt by mail.

    ``author`` is the signed-in person, or ``None`` for a visitor without an account, who must
    give ``email``. The receipt goes to ``email``, else to the author's address, through the
    notifications outbox after commit. ``submission`` is the key of the form that sent it: the
    same form sent again, also at the same moment, returns the statement it made first and
    sends no second receipt. An online statement keeps the version of the privacy notice its
    form showed (``PRIVACY_NOTICE_VERSION``).
    """
    _check("participation.add_statement", entered_by, author, procedure)
    if submission and (earlier := Statement.objects.filter(submission=submission).first()):
        return earlier
    if author is None and entered_by is None and not _text(email):
        raise ValidationError({"email": EMAIL_NEEDED})
    try:
        attachments_validate(list(attachments))
    except ValidationError as error:
        raise ValidationError({"attachments": error.error_list}) from error
    statement = Statement(
        procedure=procedure,
        author=author,
        text=_text(text),
        name=_text(strip_format_controls(name)),
        street=_text(street),
        postcode=_text(postcode),
        city=_text(city),
        email=_text(email),
        language="" if entered_by else translation.get_language() or "",
        channel=channel,
        entered_by=entered_by,
        reference=f"pending-{uuid.uuid4().hex[:20]}",
        submission=submission,
        # The notice the online form showed; staff entering a paper statement showed none.
        privacy_version="" if entered_by else settings.PRIVACY_NOTICE_VERSION,
    )
    statement.full_clean(exclude=["submission"])
    try:
        with transaction.atomic():
            statement.save()
    except IntegrityError:
        # The same form, sent at the same moment, was stored by the other request.
        return Statement.objects.get(submission=submission)
    statement.reference = statement_reference(statement)
    statement.save(update_fields=["reference"])
    for upload in attachments:
        attachment = StatementAttachment(
            statement=statement, name=upload.name[:200], size=upload.size
        )
        attachment.file.save(upload.name, upload, save=True)
    receipt_to = statement_email(statement)
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
        STATEMENT_RECEIVED,
        email=email,
        language=language,
        key=f"statement:{statement.pk}",
        context={"title": title, "summary": summary, "statement": statement},
        url=statement.procedure.url or "",
    )
