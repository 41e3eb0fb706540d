from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .procedures import ProcedureMode


class Event(models.Model):
    """A meeting of a procedure: in person, online or hybrid, with optional registration."""

    procedure = models.ForeignKey(
        "participation.ProcedurePage", on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(_("title"), max_length=200)
    mode = models.CharField(_("mode"), max_length=12, choices=ProcedureMode.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.TextField(_("place and address"), blank=True)
    online_link = models.URLField(
        _("link to the online meeting"),
        blank=True,
        help_text=_("Shown to registered attendees only."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, induction loop, sign language …"),
    )
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_required = models.BooleanField(_("registration required"), default=False)

    class Meta:
        ordering = ["start"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title


class EventRegistration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="register_once_per_event")
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.event_id}: {self.user_id}"
