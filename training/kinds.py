"""The notifications the training app sends (imported in ``TrainingConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.notifications.kinds import register_kind

ENROLMENT_CONFIRMED = register_kind(
    "training.enrolment_confirmed",
    _("Confirmation of my registration for a training"),
    digestible=False,
)
WAITING_LIST_JOINED = register_kind(
    "training.waiting_list_joined", _("My place on a training's waiting list"), digestible=False
)
PLACE_OFFERED = register_kind(
    "training.place_offered", _("A place in a training is free for me"), digestible=False
)
ENROLMENT_CANCELLED = register_kind(
    "training.enrolment_cancelled",
    _("Cancellation of my registration for a training"),
    digestible=False,
)
SESSION_REMINDER = register_kind(
    "training.session_reminder", _("Reminder the day before a training"), digestible=False
)
ONLINE_LINK = register_kind(
    "training.online_link", _("The link to the online room of a training"), digestible=False
)
CERTIFICATE_READY = register_kind(
    "training.certificate_ready", _("My certificate of participation is ready"), digestible=False
)
