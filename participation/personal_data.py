"""What participation keeps of a person (``mitwirken.privacy.registry``)."""

import calendar
import datetime

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mitwirken.accounts.sections import AccountSection, latest
from mitwirken.files import download_name
from mitwirken.privacy.erasure import address_q
from mitwirken.privacy.exporting import iso, page_ref
from mitwirken.privacy.registry import ExportPart, Processing
from mitwirken.web import generations

from .generations import PARTICIPATION
from .models import (
    Comment,
    EventRegistration,
    Phase,
    PollVote,
    ProcedurePage,
    Proposal,
    Report,
    Statement,
    StatementAttachment,
    Support,
)


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """``moment`` ``months`` calendar months earlier (the 31 March minus one month is the last
    day of February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def procedures_past_retention(now: datetime.datetime, candidates) -> list[int]:
    """Of the procedures ``candidates`` (a queryset of ids), those whose last phase ended more
    than their ``retention_months`` before ``now``. A procedure without phases has no end."""
    last_end = Phase.objects.filter(procedure=OuterRef("pk")).order_by("-end").values("end")[:1]
    procedures = (
        ProcedurePage.objects.filter(pk__in=candidates)
        .annotate(last_end=Subquery(last_end))
        .filter(last_end__isnull=False)
        .values_list("pk", "last_end", "retention_months")
    )
    return [pk for pk, ended, months in procedures if ended <= months_before(now, months)]


def statements_expire(now: datetime.datetime) -> int:
    """Name, postal and e-mail address and attachments of the statements of procedures past
    their retention go; the reference, the text, the summary and the weighing stay."""
    due = Statement.objects.filter(personal_data_removed_at__isnull=True)
    procedures = procedures_past_retention(now, due.values("procedure"))
    statements = due.filter(procedure__in=procedures)
    # Each file goes after the commit: deleting sends post_delete for every attachment
    # (participation.signals).
    StatementAttachment.objects.filter(statement__in=statements).delete()
    return statements.update(
        author=None,
        name="",
        street="",
        postcode="",
        city="",
        email="",
        personal_data_removed_at=now,
    )


def event_registrations_expire(now: datetime.datetime) -> int:
    """Who registered for the events of procedures past their retention."""
    registrations = EventRegistration.objects.all()
    procedures = procedures_past_retention(now, registrations.values("event__procedure"))
    _total, deleted = registrations.filter(event__procedure__in=procedures).delete()
    return deleted.get(EventRegistration._meta.label, 0)


def reporters_expire(now: datetime.datetime) -> int:
    """Who reported a contribution, once the period for reports has passed."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_REPORT_DAYS)
    return Report.objects.filter(reporter__isnull=False, created_at__lt=cutoff).update(
        reporter=None
    )


def reports_retention():
    days = settings.PRIVACY_REPORT_DAYS
    return ngettext_lazy(
        "Who reported is removed %(days)d day after the report; the report stays.",
        "Who reported is removed %(days)d days after the report; the report stays.",
        days,
    ) % {"days": days}


RETENTION = _(
    "Until the retention period of the procedure has passed after its last phase ended: "
    "24 months unless the procedure says otherwise."
)

PROCESSING = [
    Processing(
        key="contributions",
        what=_(
            "Proposals, comments, supports, poll votes and reports: your account, what you "
            "wrote or chose, the time and the channel (online, paper, phone, e-mail, event)."
        ),
        purpose=_(
            "Taking part in a procedure in public under your pseudonym; the procedure's "
            "record, its moderation and its evaluation."
        ),
        legal_basis=_(
            "Art. 6(1)(e) and (3) GDPR with § 3 DSG NRW (the city involves its citizens); "
            "Art. 9(2)(e) GDPR where what you publish yourself shows a political opinion."
        ),
        retention=_(
            "As long as the procedure is documented on the portal. When you delete your "
            "account, your contributions stay as “deleted account” without your pseudonym; "
            "supports and votes stay as numbers only."
        ),
        recipients=_(
            "Everyone: the text with your pseudonym. The staff of the procedure and the "
            "moderation: the account behind it."
        ),
    ),
    Processing(
        key="reports",
        what=_("When you report a contribution to the moderation: your account and reason."),
        purpose=_("Moderating the discussion; asking you back if needed."),
        legal_basis=_("Art. 6(1)(e) GDPR with § 3 DSG NRW."),
        retention=reports_retention,
        recipients=_("The moderation."),
        expire=reporters_expire,
    ),
    Processing(
        key="statements",
        what=_(
            "Formal statements: name, postal address, e-mail address for the receipt, text, "
            "attached files, reference number, version of the privacy notice."
        ),
        purpose=_(
            "The formal procedure (such as a development plan) requires that every statement "
            "is weighed and that its sender learns the result."
        ),
        legal_basis=_(
            "Art. 6(1)(c) and (e) GDPR with the law of the procedure, for example § 3(2) of "
            "the Federal Building Code (BauGB)."
        ),
        retention=format_lazy(
            "{} {}",
            RETENTION,
            _(
                "Then name, addresses and attached files are deleted; the text, its anonymised "
                "summary and the weighing stay in the procedure's record."
            ),
        ),
        recipients=_(
            "The staff of the procedure and the Ombudsstelle. Public: only the anonymised "
            "summary and the weighing."
        ),
        expire=statements_expire,
    ),
    Processing(
        key="event_registrations",
        what=_("Your registration for an event of a procedure: your account and the time."),
        purpose=_("Planning the event and its places; reminding you of it."),
        legal_basis=_("Art. 6(1)(e) GDPR with § 3 DSG NRW."),
        retention=format_lazy(
            "{} {}", RETENTION, _("Earlier when you cancel or delete your account.")
        ),
        recipients=_("The staff of the procedure."),
        expire=event_registrations_expire,
    ),
]


# Download of one's data


def _hidden(contribution) -> dict:

    return {
        "hidden_at": iso(contribution.hidden_at),
        "hidden_reason": contribution.hidden_reason,
    }


def account_export(user):

    proposals = Proposal.objects.filter(author=user).select_related("procedure")
    yield ExportPart(
        "proposals",
        [
            {
                "id": proposal.pk,
                "procedure": page_ref(proposal.procedure),
                "title": proposal.title,
                "text": proposal.text,
                "category": proposal.category,
                "channel": proposal.channel,
                "created_at": iso(proposal.created_at),
                "status": proposal.status,
                "response": proposal.response,
                "responded_at": iso(proposal.responded_at),
                **_hidden(proposal),
            }
            for proposal in proposals.order_by("created_at", "pk")
        ],
    )
    comments = Comment.objects.filter(author=user).select_related("procedure", "proposal")
    yield ExportPart(
        "comments",
        [
            {
                "id": comment.pk,
                "procedure": page_ref(comment.procedure),
                "proposal": comment.proposal.title if comment.proposal_id else None,
                "in_reply_to": comment.parent_id,
                "text": comment.text,
                "channel": comment.channel,
                "created_at": iso(comment.created_at),
                **_hidden(comment),
            }
            for comment in comments.order_by("created_at", "pk")
        ],
    )
    supports = Support.objects.filter(user=user).select_related("proposal__procedure")
    yield ExportPart(
        "supports",
        [
            {
                "procedure": page_ref(support.proposal.procedure),
                "proposal": support.proposal.title,
                "channel": support.channel,
                "created_at": iso(support.created_at),
            }
            for support in supports.order_by("created_at", "pk")
        ],
    )
    votes = (
        PollVote.objects.filter(user=user)
        .select_related("poll__procedure")
        .prefetch_related("choices__question")
    )
    yield ExportPart(
        "poll_votes",
        [
            {
                "procedure": page_ref(vote.poll.procedure),
                "poll": vote.poll.title,
                "channel": vote.channel,
                "created_at": iso(vote.created_at),
                "answers": [
                    {"question": choice.question.text, "choice": choice.text}
                    for choice in sorted(
                        vote.choices.all(),
                        key=lambda c: (c.question.sort_order, c.question_id, c.sort_order, c.pk),
                    )
                ],
            }
            for vote in votes.order_by("created_at", "pk")
        ],
    )
    statements = (
        Statement.objects.filter(author=user)
        .select_related("procedure")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    records, files = [], []
    for statement in statements:
        attachments = []
        for number, attachment in enumerate(statement.attachments.all(), start=1):
            path = (
                f"files/statements/{download_name(statement.reference, suffix='')}/"
                f"{number}-{download_name(attachment.name)}"
            )
            attachments.append({"name": attachment.name, "size": attachment.size, "file": path})
            files.append((path, attachment.file))
        records.append(
            {
                "reference": statement.reference,
                "procedure": page_ref(statement.procedure),
                "status": statement.status,
                "name": statement.name,
                "street": statement.street,
                "postcode": statement.postcode,
                "city": statement.city,
                "email": statement.email,
                "language": statement.language,
                "text": statement.text,
                "channel": statement.channel,
                "created_at": iso(statement.created_at),
                "privacy_version": statement.privacy_version,
                "weighing": statement.weighing,
                "weighed_at": iso(statement.weighed_at),
                "personal_data_removed_at": iso(statement.personal_data_removed_at),
                "attachments": attachments,
            }
        )
    yield ExportPart("statements", records, files)
    reports = Report.objects.filter(reporter=user).select_related("content_type")
    yield ExportPart(
        "reports",
        [
            {
                "contribution": {"type": report.content_type.model, "id": report.object_id},
                "reason": report.reason,
                "created_at": iso(report.created_at),
                "resolved_at": iso(report.resolved_at),
            }
            for report in reports.order_by("created_at", "pk")
        ],
    )
    registrations = EventRegistration.objects.filter(user=user).select_related("event__procedure")
    yield ExportPart(
        "event_registrations",
        [
            {
                "procedure": page_ref(registration.event.procedure),
                "event": registration.event.title,
                "start": iso(registration.event.start),
                "end": iso(registration.event.end),
                "registered_at": iso(registration.created_at),
            }
            for registration in registrations.order_by("created_at", "pk")
        ],
    )


# The account page


def account_sections(user) -> list:
    """The person's contributions (proposals and comments), formal statements and event
    registrations, each a count and the latest few, in two queries a list."""
    proposals = Proposal.objects.filter(author=user).select_related("procedure")
    comments = Comment.objects.filter(author=user).select_related("procedure", "proposal")
    statements = Statement.objects.filter(author=user).select_related("procedure")
    registrations = (
        EventRegistration.objects.filter(user=user)
        .select_related("event__procedure")
        .order_by("-event__start", "-pk")
    )
    return [
        AccountSection(
            key="contributions",
            title=_("Your contributions"),
            template="participation/account/contributions.html",
            context={
                "proposals": latest(proposals.order_by("-created_at", "-pk")),
                "comments": latest(comments.order_by("-created_at", "-pk")),
            },
            order=10,
        ),
        AccountSection(
            key="statements",
            title=_("Your formal statements"),
            template="participation/account/statements.html",
            context={"statements": latest(statements.order_by("-created_at", "-pk"))},
            order=20,
        ),
        AccountSection(
            key="events",
            title=_("Your event registrations"),
            template="participation/account/events.html",
            context={"registrations": latest(registrations)},
            order=30,
        ),
    ]


# Deletion of the account


def account_erase(user, emails) -> None:
    """Contributions stay, without their author: the pages show "Deleted account" for them
    (``Contribution.author_deleted``). Supports and votes stay as counts. Formal statements
    lose the account and the e-mail address; name and postal address stay as long as the
    formal procedure needs them (the retention run removes them). Event registrations go;
    reports keep their reason without the reporter."""
    Proposal.objects.filter(author=user).update(author=None)
    Comment.objects.filter(author=user).update(author=None)
    Support.objects.filter(user=user).update(user=None)
    PollVote.objects.filter(user=user).update(user=None)
    Statement.objects.filter(author=user).update(author=None, email="")
    Statement.objects.filter(address_q("email", emails)).update(email="")
    EventRegistration.objects.filter(user=user).delete()
    Report.objects.filter(reporter=user).update(reporter=None)
    # Rows changed without save(): pages in the cache showed the pseudonym.
    generations.begin_after_commit(PARTICIPATION)
