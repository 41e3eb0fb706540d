from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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
