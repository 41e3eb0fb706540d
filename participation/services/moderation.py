"""Moderation: reports of contributions, hiding and restoring them. Nothing is deleted."""

import datetime
from itertools import groupby

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from mitwirken.editorial.selectors import staff_users
from mitwirken.notifications.selectors import announced
from mitwirken.notifications.services import notify_address

from ..kinds import REPORT_CREATED
from ..models import Report

MODERATE_PERMISSION = "participation.moderate_contributions"

REPORT_ACTION = "participation.report"
HIDE_ACTION = "participation.hide"
RESTORE_ACTION = "participation.restore"
DISMISS_ACTION = "participation.report_dismiss"

#: How late a report's transaction may commit and still be in the mail of its window.
ALERT_GRACE = datetime.timedelta(seconds=30)
#: How far back the sweep looks for windows whose mail was not written (a worker outage).
ALERT_LOOKBACK = datetime.timedelta(days=1)
#: Reports listed in one mail; the queue has them all.
ALERT_LISTED = 20


def moderators():
    """Active users who may moderate, through the group "Moderation" or their own permission.

    Superusers are not mailed unless they hold the permission explicitly.
    """
    return staff_users(permission=MODERATE_PERMISSION)


@transaction.atomic
def report_create(*, contribution, reason: str, reporter=None) -> Report:
    """Store a report; the moderators hear of it in the mail of its alert window.

    Raises ``ValidationError`` for an empty, too short or too long reason.
    """
    report = Report(
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        reason=(reason or "").strip(),
        reporter=reporter if reporter is not None and reporter.is_authenticated else None,
    )
    report.full_clean()
    report.save()
    log(
        instance=contribution,
        action=REPORT_ACTION,
        user=report.reporter,
        data={"report": report.pk},
    )
    _alert_queue(report)
    return report


# Alerts: one mail per window -----------------------------------------------------------------


def _alert_length() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.PARTICIPATION_REPORT_ALERT_MINUTES)


def alert_window(moment: datetime.datetime) -> datetime.datetime:
    """The start of the alert window ``moment`` falls in; windows follow the clock (with 10
    minutes: :00, :10, :20 ...), so every process agrees on them without asking anyone."""
    seconds = int(_alert_length().total_seconds())
    stamp = int(moment.timestamp())
    return datetime.datetime.fromtimestamp(stamp - stamp % seconds, tz=datetime.UTC)


def _alert_queue(report: Report) -> None:
    """After commit, ask for the alert of the report's window once that window has ended.

    A lost task costs nothing: beat's sweep (``send_report_alerts`` every minute) writes it.
    """
    from ..tasks import send_report_alerts

    due = alert_window(report.created_at) + _alert_length() + ALERT_GRACE
    countdown = max(0, int((due - timezone.now()).total_seconds()) + 1)
    transaction.on_commit(lambda: send_report_alerts.apply_async(countdown=countdown), robust=True)


def _district_moderators(procedures, moderator_ids: set[int]) -> dict:
    """``{user: {procedure ids}}``: who moderates in these procedures because they edit their
    pages (a Bezirksvertretung in its district), without those who moderate everywhere."""
    found = {}
    for procedure in procedures:
        for user in staff_users(page=procedure):
            if user.pk not in moderator_ids and user.has_perm("participation.change_comment"):
                found.setdefault(user, set()).add(procedure.pk)
    return found


def report_alerts_send(*, now: datetime.datetime | None = None) -> int:
    """Mail every moderator, once per ended window, the reports made in that window; and the
    editors of a district's procedures (who moderate there) the reports on those.

    However many reports come in, a moderator gets at most one mail per
    ``PARTICIPATION_REPORT_ALERT_MINUTES``. Idempotent: the mail's key names the window, so
    the delayed task, beat's sweep and a retry write it once. Returns the mails written.
    """
    now = now or timezone.now()
    ended = alert_window(now - ALERT_GRACE)  # every window before this one is complete
    reports = list(
        Report.objects.filter(created_at__gte=ended - ALERT_LOOKBACK, created_at__lt=ended)
        .prefetch_related("contribution__procedure")
        .order_by("created_at", "pk")
    )
    if not reports:
        return 0
    everywhere = list(moderators())
    url = reverse("participation_moderation:index")
    written = 0
    for start, in_window in groupby(reports, key=lambda report: alert_window(report.created_at)):
        in_window = [report for report in in_window if report.contribution is not None]
        if not in_window:  # reports of contributions deleted since
            continue
        procedures = {report.contribution.procedure for report in in_window}
        recipients = [(moderator, in_window) for moderator in everywhere]
        district = _district_moderators(procedures, {moderator.pk for moderator in everywhere})
        for editor, procedure_ids in sorted(district.items(), key=lambda item: item[0].pk):
            own = [r for r in in_window if r.contribution.procedure_id in procedure_ids]
            recipients.append((editor, own))
        for moderator, listed in recipients:
            key = f"w{start:%Y%m%dT%H%M}:u{moderator.pk}"
            if announced(kind=REPORT_CREATED, key=key):
                continue
            notify_address(
                REPORT_CREATED,
                email=moderator.email,
                language=moderator.language,
                key=key,
                context=_alert_context(listed),
                url=url,
                user=moderator,
            )
            written += 1
    return written


def _alert_context(reports: list[Report]) -> dict:
    procedures = {report.contribution.procedure for report in reports}
    return {
        "reports": reports[:ALERT_LISTED],
        "count": len(reports),
        "more": len(reports) - len(reports[:ALERT_LISTED]),
        "procedure": procedures.pop() if len(procedures) == 1 else None,
    }


def _resolve_reports(*, contribution, user) -> int:
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        resolved_at__isnull=True,
    ).update(resolved_at=timezone.now(), resolved_by=user)


@transaction.atomic
def contribution_hide(*, contribution, reason: str, user):
    """Replace the public text by the moderation's public reason; the original text is kept."""
    reason = (reason or "").strip()
    if not reason:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError({"reason": _("Give a public reason for hiding.")})
    contribution.hidden_reason = reason[:300]
    contribution.hidden_at = timezone.now()
    contribution.save(update_fields=["hidden_reason", "hidden_at"])
    _resolve_reports(contribution=contribution, user=user)
    log(instance=contribution, action=HIDE_ACTION, user=user, data={"reason": reason})
    return contribution


@transaction.atomic
def contribution_restore(*, contribution, user, reason: str = ""):
    """Show the contribution again; open reports of it count as dealt with."""
    previous = contribution.hidden_reason
    contribution.hidden_reason, contribution.hidden_at = "", None
    contribution.save(update_fields=["hidden_reason", "hidden_at"])
    _resolve_reports(contribution=contribution, user=user)
    log(
        instance=contribution,
        action=RESTORE_ACTION,
        user=user,
        data={"reason": (reason or "").strip(), "previous_reason": previous},
    )
    return contribution


@transaction.atomic
def report_dismiss(*, report: Report, user) -> Report:
    """The moderators looked and leave the contribution as it is."""
    report.resolved_at, report.resolved_by = timezone.now(), user
    report.save(update_fields=["resolved_at", "resolved_by"])
    log(instance=report, action=DISMISS_ACTION, user=user)
    return report
