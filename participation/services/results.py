"""Results: official responses to proposals, the results summary, reminders and announcements."""

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP
from mitwirken.editorial.selectors import Recipient, staff_recipients
from mitwirken.notifications.selectors import announced
from mitwirken.notifications.services import notify, notify_address, notify_recipients
from mitwirken.pages.kit import route_url

from ..kinds import (
    PHASE_STARTED,
    PROCEDURE_PUBLISHED,
    PROPOSAL_RESPONDED,
    RESULTS_PUBLISHED,
    RESULTS_REMINDER,
)
from ..models import Channel, Comment, Phase, PollVote, ProcedurePage, Proposal, Statement, Support
from ..selectors import procedures_results_overdue, results_reminder_days

RESPOND_ACTION = "participation.respond"
#: A phase that started longer ago than this is not announced any more (e.g. entered late).
PHASE_ANNOUNCE_WINDOW = datetime.timedelta(days=3)


def _link(page):
    """The page's link, worked out in the language of each mail."""
    return lambda: page.get_url() or ""


def has_results(procedure: ProcedurePage) -> bool:
    return bool(strip_tags(procedure.results or "").strip())


# Responses to proposals ---------------------------------------------------------------------


@transaction.atomic
def proposal_respond(*, proposal: Proposal, status: str, response: str, user) -> Proposal:
    """Set the official status and public response; the author hears of it in their language.

    Saving the same status and response again changes nothing and sends nothing.
    """
    response = (response or "").strip()
    if status not in Proposal.Status.values:
        raise ValidationError({"status": _("Choose an official status.")})
    if not response:
        raise ValidationError({"response": _("Write a public response.")})
    if proposal.status == status and proposal.response == response:
        return proposal
    proposal.status, proposal.response = status, response
    proposal.responded_at = timezone.now()
    proposal.full_clean(exclude=["procedure", "author", "entered_by"])
    proposal.save(update_fields=["status", "response", "responded_at"])
    log(instance=proposal, action=RESPOND_ACTION, user=user, data={"status": status})
    author = proposal.author
    if author is not None and author.is_active and author.email:
        digest = hashlib.sha256(f"{status}\n{response}".encode()).hexdigest()[:12]
        procedure = proposal.procedure
        notify_address(
            PROPOSAL_RESPONDED,
            email=author.email,
            language=author.language,
            key=f"proposal:{proposal.pk}:{digest}",
            context={"proposal": proposal, "procedure": procedure},
            url=lambda: route_url(procedure, "proposal_detail", proposal.pk),
            user=author,
        )
    return proposal


# Results summary ----------------------------------------------------------------------------


def _by_channel(queryset) -> dict[str, int]:
    return dict(queryset.values_list("channel").annotate(n=Count("pk")).order_by())


def results_summary(procedure: ProcedurePage) -> dict:
    """Counts of a procedure's contributions by official status and by channel (six queries).

    Plain data for the procedure page and the admin::

        {"total": 12, "proposals": 5, "responded": 3, "decided": 2,
         "by_status": [{"status": "accepted", "label": "angenommen", "count": 2}, ...],
         "by_channel": [{"channel": "paper", "label": "Papier", "proposals": 1, "comments": 0,
                         "supports": 4, "votes": 0, "statements": 0, "total": 5}, ...]}

    Hidden contributions count: they were received. ``by_status`` lists every status, with
    proposals not yet answered as "in review"; ``decided`` counts the proposals with an
    official status other than that; ``by_channel`` lists the channels that occur.
    """
    proposals = Proposal.objects.filter(procedure=procedure)
    statuses = dict(proposals.values_list("status").annotate(n=Count("pk")).order_by())
    kinds = {
        "proposals": _by_channel(proposals),
        "comments": _by_channel(Comment.objects.filter(procedure=procedure)),
        "supports": _by_channel(Support.objects.filter(proposal__procedure=procedure)),
        "votes": _by_channel(PollVote.objects.filter(poll__procedure=procedure)),
        "statements": _by_channel(Statement.objects.filter(procedure=procedure)),
    }
    by_status = []
    for status, label in Proposal.Status.choices:
        count = statuses.get(status, 0)
        if status == Proposal.Status.IN_REVIEW:
            count += statuses.get("", 0)
        by_status.append({"status": status, "label": str(label), "count": count})
    by_channel = []
    for channel, label in Channel.choices:
        row = {kind: counts.get(channel, 0) for kind, counts in kinds.items()}
        row["total"] = sum(row.values())
        if row["total"]:
            by_channel.append({"channel": channel, "label": str(label), **row})
    return {
        "total": sum(row["total"] for row in by_channel),
        "proposals": sum(statuses.values()),
        "responded": sum(n for status, n in statuses.items() if status),
        "decided": sum(
            n for status, n in statuses.items() if status not in ("", Proposal.Status.IN_REVIEW)
        ),
        "by_status": by_status,
        "by_channel": by_channel,
    }


# Announcements to followers -----------------------------------------------------------------


def results_announce(*, procedure: ProcedurePage) -> int:
    """Tell the procedure's followers that results are published: on the first publication
    with results, once per person. Returns the number of recipients."""
    if not has_results(procedure):
        return 0
    key = f"results:{procedure.pk}"
    if announced(kind=RESULTS_PUBLISHED, key=key):
        return 0
    return notify(
        RESULTS_PUBLISHED,
        target=procedure,
        key=key,
        context={"procedure": procedure},
        url=_link(procedure),
    )


def procedure_announce(*, procedure: ProcedurePage) -> int:
    """Tell who follows or subscribed to one of the procedure's districts or topics that it
    is new: on its first publication only, once per person however many of them they follow.
    Returns the number of recipients."""
    if procedure.first_published_at != procedure.last_published_at:
        return 0  # published again: not new any more
    key = f"procedure:{procedure.pk}"
    districts = [row.district for row in procedure.procedure_districts.select_related("district")]
    recipients = 0
    for target in [*districts, *procedure.topics.all()]:
        recipients += notify(
            PROCEDURE_PUBLISHED,
            target=target,
            key=key,
            context={"procedure": procedure},
            url=_link(procedure),
        )
    return recipients


def phases_announce(*, now: datetime.datetime | None = None) -> int:
    """Tell followers of each live procedure about phases that have started recently.

    Runs daily; the key per phase makes each phase announced once, however often it runs.
    Returns the number of recipients.
    """
    now = now or timezone.now()
    phases = (
        Phase.objects.filter(
            start__lte=now, start__gt=now - PHASE_ANNOUNCE_WINDOW, procedure__live=True
        )
        .select_related("procedure")
        .order_by("start", "pk")
    )
    recipients = 0
    for phase in phases:
        procedure = phase.procedure
        with transaction.atomic():
            recipients += notify(
                PHASE_STARTED,
                target=procedure,
                key=f"phase:{phase.pk}",
                context={"procedure": procedure, "phase": phase},
                url=_link(procedure),
            )
    return recipients


# Reminders to staff -------------------------------------------------------------------------


def _reminder_recipients(procedure: ProcedurePage) -> list[Recipient]:
    """Who should publish the results: the procedure's contact, else the Ombudsstelle, else
    the staff mailbox."""
    if procedure.contact_email:
        return [Recipient(procedure.contact_email, settings.LANGUAGE_CODE)]
    return staff_recipients(group=OMBUDSSTELLE_GROUP)


def results_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind staff of each procedure whose results are overdue
    (``selectors.procedures_results_overdue``), once per procedure and address. Returns the
    number of reminders written."""
    days = results_reminder_days()
    written = 0
    for procedure in procedures_results_overdue(now=now, days=days):
        closed_on = procedure.last_end
        written += notify_recipients(
            RESULTS_REMINDER,
            recipients=_reminder_recipients(procedure),
            key=f"procedure:{procedure.pk}",
            context={"procedure": procedure, "days": days, "closed_on": closed_on},
            url=_link(procedure),
        )
    return written
