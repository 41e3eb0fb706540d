import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("immediately")
    DAILY = "daily", _("daily digest")
    WEEKLY = "weekly", _("weekly digest")
    OFF = "off", _("off")


DEFAULT_FREQUENCY = Frequency.DAILY


class Follow(models.Model):
    """A registered user follows something: a procedure, a district, a topic, a training module."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="follow_once_per_target"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self):
        return f"{self.user} → {self.target}"


class EmailSubscription(models.Model):
    """A visitor without an account subscribes to a district or topic by double opt-in."""

    email = models.EmailField(_("e-mail address"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=10)
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email", "content_type", "object_id"], name="subscribe_once_per_target"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "confirmed_at"])]
        verbose_name = _("e-mail subscription")
        verbose_name_plural = _("e-mail subscriptions")

    def __str__(self):
        return f"{self.email} → {self.target}"


class Preference(models.Model):
    """How often a user wants mail of one kind. No row means the default, a daily digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=60)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=DEFAULT_FREQUENCY
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.kind} {self.frequency}"


class Message(models.Model):
    """What an event says, rendered once per language and shared by all its recipients."""

    kind = models.CharField(_("kind"), max_length=60)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=250)
    url = models.CharField(_("link"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    # One file sent with the mail (a session's calendar entry), as text: its name, its
    # content and its media type; empty when there is none.
    attachment_name = models.CharField(_("attachment"), max_length=100, blank=True)
    attachment_content = models.TextField(_("content of the attachment"), blank=True)
    attachment_type = models.CharField(_("type of the attachment"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.subject


class Notification(models.Model):
    """One row of the outbox: one message to one recipient, written with the event's transaction."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        WAITING = "waiting", _("waiting for the digest")
        DIGESTED = "digested", _("sent in a digest")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="notifications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    subscription = models.ForeignKey(
        EmailSubscription, null=True, blank=True, on_delete=models.CASCADE
    )
    follow = models.ForeignKey(Follow, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.CharField(
        _("reason"),
        max_length=12,
        choices=[
            ("follow", _("follow")),
            ("subscription", _("e-mail subscription")),
            ("digest", _("digest")),
            ("direct", _("direct")),
        ],
        default="direct",
    )
    email = models.EmailField(_("recipient"))
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    idempotency_key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    digest = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        verbose_name=_("digest"),
    )

    class Meta:
        indexes = [
            # The sender's batch query reads due rows in pk order; sent rows stay out of its way.
            models.Index(
                fields=["id"], condition=models.Q(status="pending"), name="notification_pending"
            )
        ]
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.message.subject} → {self.email}"
