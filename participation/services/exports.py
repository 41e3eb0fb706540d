"""Exports of a procedure's contributions for staff: pseudonyms only.

Authors appear by their display name (pseudonym), never by e-mail or real name. Formal
statements are exported without name, postal address and e-mail: those stay in the admin,
visible to staff with the permission to view statements. Hidden contributions are exported
with their public text (the moderation's reason), so an export can be passed on as it is.

The one exception is internal: ``statements_export_csv``, the formal statements of a procedure
with names, addresses and their processing, for staff who may see statements and export
(``participation.admin.exports``). It is for the weighing, not to be passed on.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count

from mitwirken.web.links import absolute_url

from ..models import Comment, PollChoice, ProcedurePage, Proposal, Statement

COLUMNS = [
    "type",
    "id",
    "reference",
    "proposal_id",
    "parent_id",
    "title",
    "text",
    "category",
    "author",
    "channel",
    "created_at",
    "status",
    "response",
    "supports",
    "votes",
    "hidden",
]
#: A cell starting with one of these would run as a formula in a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _pseudonym(contribution) -> str:
    author = contribution.author
    return author.display_name if author is not None else ""


def _row(**values) -> dict:
    return {column: values.get(column, "") for column in COLUMNS}


def contributions_export_rows(procedure: ProcedurePage) -> list[dict]:
    """One row per proposal, comment, formal statement and poll answer (four queries)."""
    rows = []
    proposals = (
        Proposal.objects.filter(procedure=procedure)
        .select_related("author")
        .annotate(support_count=Count("supports"))
        .order_by("created_at", "pk")
    )
    for proposal in proposals:
        rows.append(
            _row(
                type="proposal",
                id=proposal.pk,
                title=proposal.public_title,
                text=proposal.public_text,
                category=proposal.category,
                author=_pseudonym(proposal),
                channel=proposal.channel,
                created_at=proposal.created_at,
                status=proposal.status,
                response=proposal.response,
                supports=proposal.support_count,
                hidden=proposal.is_hidden,
            )
        )
    comments = (
        Comment.objects.filter(procedure=procedure)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        rows.append(
            _row(
                type="comment",
                id=comment.pk,
                proposal_id=comment.proposal_id or "",
                parent_id=comment.parent_id or "",
                text=comment.public_text,
                author=_pseudonym(comment),
                channel=comment.channel,
                created_at=comment.created_at,
                hidden=comment.is_hidden,
            )
        )
    statements = (
        Statement.objects.filter(procedure=procedure)
        .select_related("author")
        .only(
            "pk",
            "reference",
            "text",
            "channel",
            "created_at",
            "hidden_at",
            "hidden_reason",
            "author__display_name",
        )
        .order_by("created_at", "pk")
    )
    for statement in statements:
        rows.append(
            _row(
                type="statement",
                id=statement.pk,
                reference=statement.reference,
                text=statement.public_text,
                author=_pseudonym(statement),
                channel=statement.channel,
                created_at=statement.created_at,
                hidden=statement.is_hidden,
            )
        )
    answers = (
        PollChoice.objects.filter(question__poll__procedure=procedure)
        .select_related("question__poll")
        .annotate(vote_count=Count("votes"))
        .order_by("question__poll_id", "question__sort_order", "question_id", "sort_order", "pk")
    )
    for answer in answers:
        question = answer.question
        rows.append(
            _row(
                type="poll_answer",
                id=answer.pk,
                title=f"{question.poll.title}: {question.text}",
                text=answer.text,
                created_at=question.poll.created_at,
                votes=answer.vote_count,
            )
        )
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _csv(columns: list[str], rows: list[dict]) -> str:
    """CSV with a header row, separated by semicolons and starting with a BOM, as spreadsheet
    programs set to German expect; no cell runs as a formula."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
    return buffer.getvalue()


def contributions_export_csv(procedure: ProcedurePage) -> str:
    return _csv(COLUMNS, contributions_export_rows(procedure))


def contributions_export_json(procedure: ProcedurePage) -> str:
    data = {
        "procedure": {
            "id": procedure.pk,
            "title": procedure.title,
            "url": procedure.url and absolute_url(procedure.url),
        },
        "contributions": contributions_export_rows(procedure),
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


# Formal statements with names and addresses (internal) ---------------------------------------

STATEMENT_COLUMNS = [
    "reference",
    "created_at",
    "channel",
    "status",
    "name",
    "street",
    "postcode",
    "city",
    "email",
    "text",
    "summary",
    "weighing",
    "weighed_by",
    "weighed_at",
    "hidden",
]


def statements_export_rows(procedure: ProcedurePage) -> list[dict]:
    """One row per formal statement, oldest first, with what the citizen wrote (also when it is
    hidden) and its processing (one query)."""
    statements = (
        Statement.objects.filter(procedure=procedure)
        .select_related("weighed_by")
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": statement.reference,
            "created_at": statement.created_at,
            "channel": statement.channel,
            "status": statement.status,
            "name": statement.name,
            "street": statement.street,
            "postcode": statement.postcode,
            "city": statement.city,
            "email": statement.email,
            "text": statement.text,
            "summary": statement.summary,
            "weighing": statement.weighing,
            "weighed_by": statement.weighed_by.display_name if statement.weighed_by else "",
            "weighed_at": statement.weighed_at,
            "hidden": statement.is_hidden,
        }
        for statement in statements
    ]


def statements_export_csv(procedure: ProcedurePage) -> str:
    return _csv(STATEMENT_COLUMNS, statements_export_rows(procedure))
