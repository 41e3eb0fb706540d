"""Schulungen: training modules (pages), the trainers who give them, dated sessions, and the
people enrolled in a session, on its waiting list, present, certified."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from mitwirken.pages.blocks import BodyBlock
from mitwirken.pages.kit import RoutablePage
from mitwirken.pages.models import BasePage, IndexPage


class Audience(models.Model):
    """Whom a module is for. The four rows come from a migration; their labels are in code so
    they are translated like every other string."""

    class Choices(models.TextChoices):
        STAFF = "staff", _("administration")
        POLITICS = "politics", _("politics")
        ACTIVE = "active", _("active people in the neighbourhoods")
        CITIZENS = "citizens", _("all citizens")

    slug = models.CharField(max_length=20, choices=Choices.choices, unique=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return str(self.get_slug_display())


class Level(models.TextChoices):
    BASIC = "basic", _("basics, no prior knowledge")
    ADVANCED = "advanced", _("advanced")


class Mode(models.TextChoices):
    """How a session takes place."""

    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    HYBRID = "hybrid", _("hybrid")


class Trainer(index.Indexed, models.Model):
    """Who gives a training: a profile for the module pages, and, with an account, the person
    who sees their sessions' participants and records attendance (group "Schulungsleitung")."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("For example: Ombudsstelle, Stadt Dortmund."),
    )
    bio = models.TextField(_("profile"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer",
        verbose_name=_("account"),
        help_text=_("The account with which this trainer records attendance in the admin."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")

    def __str__(self):
        return self.name


class LessonBlock(blocks.StructBlock):
    """One lesson of a module's self-study part; progress is saved per lesson (its block id)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = BodyBlock(label=_("Content"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Lesson")
        template = "training/blocks/lesson.html"
        preview_value = {"title": "Die Rollen in einem Online-Dialog"}


class TrainingIndexPage(RoutablePage, IndexPage):
    """Schulungen: the modules with filters; its context and routes (the calendar feed, the
    certificate check, the signed links of the mails) are in ``views``."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["training.TrainingModulePage"]
    max_count = 1
    listing_name = "modules"
    per_page = 20
    template = "training/training_index_page.html"

    class Meta:
        verbose_name = _("training index")


class TrainingModuleQuerySet(PageQuerySet):
    def for_listing(self):
        """What a list of modules shows, in a fixed number of queries however many there are."""
        return self.prefetch_related("audiences", "formats")


class TrainingModulePage(RoutablePage, BasePage):
    """The concept of a course: for whom, what one learns, what to bring, which formats it
    teaches, who gives it, its materials and lessons. Its sessions are rows (``Session``)."""

    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    audiences = ParentalManyToManyField(
        Audience, related_name="modules", verbose_name=_("for whom")
    )
    learning_goals = RichTextField(
        _("learning goals"), blank=True, features=["bold", "italic", "ul", "ol"]
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.BASIC)
    duration = models.CharField(
        _("duration"), max_length=120, help_text=_("For example: 3 hours, or two evenings.")
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    what_to_bring = models.TextField(
        _("what to bring"), blank=True, help_text=_("For example: a laptop or tablet, a headset.")
    )
    formats = ParentalManyToManyField(
        "toolkit.FormatPage",
        blank=True,
        related_name="training_modules",
        verbose_name=_("formats it teaches"),
    )
    trainers = ParentalManyToManyField(
        Trainer, blank=True, related_name="modules", verbose_name=_("trainers")
    )
    lessons = StreamField(
        [("lesson", LessonBlock())],
        blank=True,
        verbose_name=_("lessons for self-study"),
        help_text=_("Signed-in people work through them at their own pace; progress is saved."),
    )

    objects = PageManager.from_queryset(TrainingModuleQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("learning_goals"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("duration")]),
                FieldPanel("prerequisites"),
                FieldPanel("what_to_bring"),
            ],
            heading=_("The course"),
        ),
        FieldPanel("formats"),
        FieldPanel("trainers"),
        InlinePanel("materials", heading=_("Materials"), label=_("material")),
        FieldPanel("lessons"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("learning_goals"),
        index.SearchField("lessons"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []
    template = "training/training_module_page.html"

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")


class ModuleMaterial(Orderable):
    """A document, slides, a video or a checklist of a module: public, or only for the people
    enrolled in one of its sessions (served through ``views``, never by its own address)."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        SLIDES = "slides", _("slides")
        VIDEO = "video", _("video")
        CHECKLIST = "checklist", _("checklist")

    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DOCUMENT)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    transcript = models.TextField(
        _("transcript"), blank=True, help_text=_("Required for a video: what is said and shown.")
    )
    participants_only = models.BooleanField(
        _("only for enrolled participants"),
        default=False,
        help_text=_("Otherwise everyone may download it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("document"),
        FieldPanel("transcript"),
        FieldPanel("participants_only"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.VIDEO and not self.transcript.strip():
            raise ValidationError({"transcript": _("A video needs a transcript.")})


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(start__gte=now or timezone.now()).order_by("start", "pk")

    def live(self):
        """Sessions of live, public modules."""
        return self.filter(module__live=True, module__view_restrictions__isnull=True)

    def with_places(self):
        """Each session with ``taken`` (confirmed and offered places) and ``waiting``, counted
        in SQL."""
        taken = models.Q(enrolments__status__in=Enrolment.HOLDS_PLACE)
        waiting = models.Q(enrolments__status=Enrolment.Status.WAITING)
        return self.annotate(
            taken=models.Count("enrolments", filter=taken),
            waiting=models.Count("enrolments", filter=waiting),
        )


class Session(models.Model):
    """One dated run of a module: when, how, where, for how many, with whom."""

    module = models.ForeignKey(
        TrainingModulePage,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("training module"),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    mode = models.CharField(_("how"), max_length=10, choices=Mode.choices)
    place = models.TextField(_("place and address"), blank=True)
    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("district"),
        help_text=_("Where it takes place; empty for an online session."),
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    sign_language = models.BooleanField(_("sign-language interpretation on request"), default=False)
    accessibility_notes = models.TextField(_("more on accessibility"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    registration_deadline = models.DateTimeField(_("registration until"))
    trainers = models.ManyToManyField(
        Trainer, blank=True, related_name="sessions", verbose_name=_("trainers")
    )
    online_link = models.URLField(
        _("link to the online room"),
        max_length=500,
        blank=True,
        help_text=_("Sent only to registered participants, shortly before the start."),
    )
    internal = models.BooleanField(
        _("internal (administration only)"),
        default=False,
        help_text=_(
            "Only accounts of staff groups or with an e-mail address of the city may register."
        ),
    )
    notes = models.TextField(_("notes for participants"), blank=True)
    feedback_requested_at = models.DateTimeField(
        _("participants asked for feedback"), null=True, blank=True, editable=False
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("module"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("mode"), FieldPanel("district")]),
        FieldPanel("place"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("step_free"),
                        FieldPanel("hearing_loop"),
                        FieldPanel("sign_language"),
                    ]
                ),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility of the venue"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
        FieldPanel("trainers"),
        FieldPanel("online_link"),
        FieldPanel("internal"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.start)
        return f"{self.module.title}, {start:%d.%m.%Y %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            raise ValidationError(
                {"registration_deadline": _("Registration must close before the start.")}
            )
        if self.mode != Mode.ONLINE and not self.place.strip():
            raise ValidationError({"place": _("Say where a session in person takes place.")})


class Enrolment(models.Model):
    """A person's place in a session, or on its waiting list.

    One row per person and session: cancelling keeps the row (status ``cancelled``), and
    registering again takes it up anew. A place on the waiting list that becomes free is
    ``offered`` to the first in line until ``offered_until``; it holds the place meanwhile.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("registered")
        OFFERED = "offered", _("place offered from the waiting list")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    #: The statuses that take one of the session's places.
    HOLDS_PLACE = (Status.CONFIRMED, Status.OFFERED)

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_enrolments",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    queued_at = models.DateTimeField(
        _("waiting since"), default=timezone.now, help_text=_("The order of the waiting list.")
    )
    offered_until = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    certificate_code = models.CharField(
        _("certificate code"), max_length=20, unique=True, null=True, blank=True
    )
    certificate_name = models.CharField(_("name on the certificate"), max_length=120, blank=True)
    certificate_issued_at = models.DateTimeField(_("certificate issued"), null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="enrol_once_per_session"),
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]
        permissions = [("export_enrolment", _("Can export the participants of a session"))]

    def __str__(self):
        return f"{self.session_id}: {self.user_id} ({self.status})"


class LessonProgress(models.Model):
    """A lesson of a module that a signed-in person has worked through."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    module = models.ForeignKey(
        TrainingModulePage, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.CharField(_("lesson"), max_length=64, help_text=_("The lesson block's id."))
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "lesson"], name="lesson_done_once_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.module_id}/{self.lesson}"


def offer_deadline(now: datetime.datetime, session: Session) -> datetime.datetime:
    """Until when a place offered now from the waiting list waits for its confirmation: the
    set time (``TRAINING_OFFER_HOURS``), never beyond the session's start."""
    return min(now + datetime.timedelta(hours=settings.TRAINING_OFFER_HOURS), session.start)
