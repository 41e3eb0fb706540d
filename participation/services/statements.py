"""Formal statements in processing: staff set the status (received, in review, weighed), write
the anonymised summary and the result of the weighing, and the citizen hears of the result."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from mitwirken.notifications.services import notify_address

from ..kinds import STATEMENT_WEIGHED
from ..models import Statement

WEIGH_ACTION = "participation.weigh"
#: The fields staff write; everything else of a statement is the citizen's.
PROCESSING_FIELDS = ("status", "summary", "weighing")


def statement_email(statement: Statement) -> str:
    """Where a statement's receipt and result go: the address given with it, else the
    author's; "" when there is neither (a statement on paper without an address)."""
    if statement.email:
        return statement.email
    author = statement.author
    return author.email if author is not None and author.is_active else ""


@transaction.atomic
def statement_process(
    *, statement: Statement, status: str, summary: str, weighing: str, user
) -> Statement:
    """Set a statement's processing status, its anonymised summary and the result of the
    weighing; ``user`` is the staff member who does it.

    Weighed needs both texts: they are published on the procedure page. Weighing stores who and
    when; the citizen is told by e-mail (after commit, through the outbox), once per result.
    Saving the same again changes nothing, logs nothing and sends nothing.
    """
    summary, weighing = (summary or "").strip(), (weighing or "").strip()
    if status not in Statement.Status.values:
        raise ValidationError({"status": _("Choose a processing status.")})
    if status == Statement.Status.WEIGHED:
        errors = {}
        if not summary:
            errors["summary"] = _(
                "Write an anonymised summary: it is published with the result of the weighing."
            )
        if not weighing:
            errors["weighing"] = _("Write the result of the weighing.")
        if errors:
            raise ValidationError(errors)
    if (statement.status, statement.summary, statement.weighing) == (status, summary, weighing):
        return statement
    statement.status, statement.summary, statement.weighing = status, summary, weighing
    weighed = status == Statement.Status.WEIGHED
    statement.weighed_by = user if weighed else None
    statement.weighed_at = timezone.now() if weighed else None
    statement.clean_fields(
        exclude=[f.name for f in Statement._meta.fields if f.name not in PROCESSING_FIELDS]
    )
    statement.save(update_fields=[*PROCESSING_FIELDS, "weighed_by", "weighed_at"])
    log(instance=statement, action=WEIGH_ACTION, user=user, data={"status": status})
    if weighed:
        _statement_weighed_notify(statement)
    return statement


def _statement_weighed_notify(statement: Statement) -> None:
    """The citizen hears of the result in their language (their account's, else the one they
    wrote in); a changed result is sent again."""
    email = statement_email(statement)
    if not email:
        return
    author = statement.author
    language = author.language if author is not None else statement.language
    language = language or settings.LANGUAGE_CODE
    procedure = statement.procedure
    digest = hashlib.sha256(f"{statement.summary}\n{statement.weighing}".encode()).hexdigest()
    notify_address(
        STATEMENT_WEIGHED,
        email=email,
        language=language,
        key=f"statement:{statement.pk}:weighed:{digest[:12]}",
        context={"statement": statement, "procedure": procedure},
        url=lambda: procedure.get_url() or "",
        user=author,
    )
