"""What citizens contribute, online or analog: plain Django models around a procedure page."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitwirken.files import private_storage

TEXT_MAX = 5000


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("paper")
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    EVENT = "event", _("event")


class Contribution(models.Model):
    """Fields every contribution has: who, through which channel, entered by whom, moderation."""

    procedure = models.ForeignKey(
        "participation.ProcedurePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("procedure"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by (staff)"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def author_deleted(self) -> bool:
        """Whether the author deleted their account: a proposal or comment sent online has an
        author until then, while those that staff enter from paper, phone, e-mail or an event
        never have one. (A formal statement may come online without an account.)"""
        return self.author_id is None and self.channel == Channel.ONLINE

    @property
    def public_text(self) -> str:
        """The text as everyone sees it: the moderation's public reason once it is hidden."""
        if self.is_hidden:
            return gettext("Hidden by the moderation: %(reason)s") % {"reason": self.hidden_reason}
        return self.text


class Entry(models.Model):
    """Who gave a support or a vote, through which channel, and which staff member entered it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True


class Proposal(Contribution):
    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("in review")
        ACCEPTED = "accepted", _("accepted")
        PARTLY = "partly", _("partly accepted")
        REJECTED = "rejected", _("rejected")
        IMPLEMENTED = "implemented", _("implemented")

    class Sort(models.TextChoices):
        """How a procedure's list of proposals is ordered (``?sort=``); newest first unless
        asked."""

        NEWEST = "", _("newest first")
        SUPPORTS = "supports", _("most supported first")
        COMMENTS = "comments", _("most discussed first")

    title = models.CharField(_("title"), max_length=150, validators=[MinLengthValidator(3)])
    text = models.TextField(
        _("text"), validators=[MinLengthValidator(10), MaxLengthValidator(TEXT_MAX)]
    )
    category = models.CharField(_("category"), max_length=80, blank=True)
    status = models.CharField(
        _("official status"), max_length=12, choices=Status.choices, blank=True
    )
    response = models.TextField(_("official response"), blank=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        permissions = [
            ("export_contributions", _("Can export the contributions of a procedure")),
        ]

    def __str__(self):
        return self.title

    @property
    def public_title(self) -> str:
        """The title as everyone sees it; a hidden proposal shows no title of its own."""
        return gettext("Hidden proposal") if self.is_hidden else self.title


class Comment(Contribution):
    """A comment on the procedure or on a proposal; replies go one level deep."""

    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    text = models.TextField(
        _("text"), validators=[MinLengthValidator(2), MaxLengthValidator(TEXT_MAX)]
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.text[:60]


class Support(Entry):
    """One supporter of a proposal: a verified user online, or a signature staff entered."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"],
                condition=models.Q(user__isnull=False),
                name="support_once_per_user",
            )
        ]
        verbose_name = _("support")
        verbose_name_plural = _("supports")

    def __str__(self):
        return f"{self.proposal_id}: {self.get_channel_display()}"


class Poll(models.Model):
    procedure = models.ForeignKey(
        "participation.ProcedurePage", on_delete=models.CASCADE, related_name="polls"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    allow_anonymous = models.BooleanField(
        _("anonymous votes allowed"),
        default=False,
        help_text=_("Visitors without an account may vote once per browser session."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.title


class PollQuestion(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    multiple = models.BooleanField(_("several answers allowed"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


class PollChoice(models.Model):
    question = models.ForeignKey(PollQuestion, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.text


class PollVote(Entry):
    """One ballot: all answers of one person (or one browser session, or one paper form)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    choices = models.ManyToManyField(PollChoice, related_name="votes", verbose_name=_("answers"))
    session_key = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "user"],
                condition=models.Q(user__isnull=False),
                name="vote_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["poll", "session_key"],
                condition=~models.Q(session_key=""),
                name="vote_once_per_session",
            ),
        ]
        # The recent votes of a poll, counted after each anonymous vote (services/polls.py).
        indexes = [models.Index(fields=["poll", "created_at"], name="vote_poll_created")]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self):
        return f"{self.poll_id}: {self.get_channel_display()}"


class Statement(Contribution):
    """A formal statement (Stellungnahme) in a formal procedure: name and address required there.

    Anyone hands one in, with an account (``author``) or without: then the name, postal address
    and e-mail address given with it are all the portal knows of the person, and ``language``
    is the one they wrote in, for the mail with the result.

    Staff process it: received, in review, weighed. Once weighed, its ``summary`` (the concern in
    anonymised words) and ``weighing`` (the result, Abwägungsergebnis) are public on the
    procedure page; name, address, e-mail and the original text never are.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        IN_REVIEW = "in_review", _("in review")
        WEIGHED = "weighed", _("weighed")

    reference = models.CharField(_("reference number"), max_length=30, unique=True)
    text = models.TextField(
        _("text"), validators=[MinLengthValidator(10), MaxLengthValidator(20000)]
    )
    name = models.CharField(_("name"), max_length=150)
    street = models.CharField(_("street and number"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    email = models.EmailField(_("e-mail address for the receipt"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, editable=False
    )
    #: The key of the form that sent it: the same form sent twice (a double click, a reload)
    #: finds this statement instead of making a second one with a second reference number.
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    status = models.CharField(
        _("processing status"),
        max_length=10,
        choices=Status.choices,
        default=Status.RECEIVED,
        db_index=True,
    )
    summary = models.TextField(
        _("anonymised summary"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX)],
        help_text=_(
            "The concern in your own words, without names, addresses or anything that "
            "identifies the person. Public once the statement is weighed."
        ),
    )
    weighing = models.TextField(
        _("result of the weighing"),
        blank=True,
        validators=[MaxLengthValidator(20000)],
        help_text=_("How the concern was weighed (Abwägungsergebnis). Public once weighed."),
    )
    weighed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("weighed by"),
    )
    weighed_at = models.DateTimeField(_("weighed"), null=True, blank=True)
    #: The version of the privacy notice (``PRIVACY_NOTICE_VERSION``) shown with the form.
    privacy_version = models.CharField(
        _("version of the privacy notice"), max_length=20, blank=True, editable=False
    )
    #: When the retention run removed name, address, e-mail and attachments (docs/privacy.md).
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("formal statement")
        verbose_name_plural = _("formal statements")

    def __str__(self):
        return self.reference


def statement_attachment_path(instance, filename: str) -> str:
    """``statements/<uuid>.pdf``: nothing of the citizen's file name, nothing to guess."""
    return f"statements/{uuid.uuid4()}.pdf"


class StatementAttachment(models.Model):
    """A PDF of a formal statement, in private storage: staff with the permission to view
    statements download it in the admin; it has no public address."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=statement_attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class Report(models.Model):
    """Someone reports a contribution to the moderators, with a reason."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    contribution = GenericForeignKey("content_type", "object_id")
    reason = models.TextField(
        _("reason"), validators=[MinLengthValidator(3), MaxLengthValidator(1000)]
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["resolved_at", "-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [("moderate_contributions", _("Can moderate contributions"))]

    def __str__(self):
        return self.reason[:60]
