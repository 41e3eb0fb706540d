"""Moderation: reports of contributions, hiding and restoring them. Nothing is deleted."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from mitwirken.notifications.services import notify_address

from ..models import Report

MODERATE_PERMISSION = "participation.moderate_contributions"
MODERATION_GROUP = "Moderation"

REPORT_ACTION = "participation.report"
HIDE_ACTION = "participation.hide"
RESTORE_ACTION = "participation.restore"
DISMISS_ACTION = "participation.report_dismiss"


def moderators():
    """Active users who may moderate, through the group "Moderation" or their own permission.

    Superusers are not mailed unless they hold the permission explicitly.
    """
    app_label, codename = MODERATE_PERMISSION.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .filter(is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def report_create(*, contribution, reason: str, reporter=None) -> Report:
    """Store a report and mail every moderator once about it; the mails leave after commit.

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
    url = reverse("participation_moderation:index")
    for moderator in moderators():
        notify_address(
            "participation.report_created",
            email=moderator.email,
            language=moderator.language,
            key=f"report:{report.pk}:u{moderator.pk}",
            context={
                "report": report,
                "contribution": contribution,
                "procedure": contribution.procedure,
            },
            url=url,
            user=moderator,
        )
    return report


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
