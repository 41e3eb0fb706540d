"""The notifications the participation app sends (imported in ``ParticipationConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.kinds import register_kind

REPORT_CREATED = register_kind(
    "participation.report_created", _("New report of a contribution (moderators)"), digestible=False
)
RESULTS_REMINDER = register_kind(
    "participation.results_reminder",
    _("Reminder: results of a closed procedure are missing (staff)"),
    digestible=False,
)
PHASE_STARTED = register_kind(
    "participation.phase_started", _("A new phase starts in a procedure I follow")
)
RESULTS_PUBLISHED = register_kind(
    "participation.results_published", _("Results of a procedure I follow")
)
PROPOSAL_RESPONDED = register_kind(
    "participation.proposal_responded", _("Official response to my proposal"), digestible=False
)

STATEMENT_RECEIVED = register_kind(
    "participation.statement_received",
    _("Receipt of a formal statement"),
    digestible=False,
)
STATEMENT_WEIGHED = register_kind(
    "participation.statement_weighed",
    _("Result of the weighing of my formal statement"),
    digestible=False,
)
POLL_ALARM = register_kind(
    "participation.poll_alarm",
    _("Alarm: many anonymous votes on a poll in a short time (moderators)"),
    digestible=False,
)
PROCEDURE_PUBLISHED = register_kind(
    "participation.procedure_published", _("New procedures in a district or topic I follow")
)
