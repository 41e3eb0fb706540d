"""The notifications the evaluation app sends (imported in ``EvaluationConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.kinds import register_kind

#: The invitation to a survey and its one reminder: one kind, so that a person who switches it
#: off (preferences, or the link in the mail) hears of no survey again.
SURVEY_INVITATION = register_kind(
    "evaluation.survey_invitation", _("Invitations to answer a survey about my participation")
)
