import datetime
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from mitwirken.files import private_storage


class UserManager(DjangoUserManager):
    """E-mail is the login; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. Publicly they appear only under their display name (a pseudonym).

    The real name (first_name, last_name) is optional and never shown on public pages; staff see it
    in the admin only where a formal procedure legally needs it.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=40,
        help_text=_("Shown publicly next to your contributions. A pseudonym is fine."),
    )

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="de",
        help_text=_("The language of the e-mails you receive."),
    )

    #: The version of the privacy notice (``PRIVACY_NOTICE_VERSION``) shown at sign-up.
    privacy_version = models.CharField(
        _("version of the privacy notice"), max_length=20, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            (
                "handle_data_requests",
                _("Can export a person's data and delete their account on their request"),
            )
        ]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        full_name = super().get_full_name()
        return full_name or self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email


def data_export_path(instance, filename: str) -> str:
    """``exports/<random>.zip``: nothing of the person, nothing to guess."""
    return f"exports/{secrets.token_urlsafe(24)}.zip"


class DataExport(models.Model):
    """A download of a person's own data (Art. 15 and 20 DSGVO): a ZIP built by a task, fetched
    through a signed link that lives ``PRIVACY_EXPORT_DAYS`` days (docs/privacy.md)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="data_exports", verbose_name=_("person")
    )
    #: The staff member who started it on the person's request; empty when the person did.
    requested_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by (staff)"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("ready"), null=True, blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=data_export_path, blank=True
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One export in preparation per person, also against two requests at once.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(finished_at__isnull=True),
                name="one_unfinished_export_per_person",
            )
        ]
        verbose_name = _("download of one's data")
        verbose_name_plural = _("downloads of one's data")

    def __str__(self):
        return f"{self.user_id}: {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_ready(self) -> bool:
        return self.finished_at is not None and bool(self.file)

    @property
    def expires_at(self) -> datetime.datetime | None:
        """Until when its link works (and the file is kept)."""
        if self.finished_at is None:
            return None
        return self.finished_at + datetime.timedelta(days=settings.PRIVACY_EXPORT_DAYS)
