"""Instrumentenkoffer: participation formats, their categories, open-source platforms, and the
formats citizens suggest. Attributes follow Participedia and German method kits (DOMAIN.md)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from mitwirken.pages.kit import RoutablePage
from mitwirken.pages.models import BasePage, IndexPage

from .blocks import HowItWorksBlock


class FormatCategory(models.Model):
    """A group of formats: the seed's three, and any staff add."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("format category")
        verbose_name_plural = _("format categories")

    def __str__(self):
        return self.name


class Mode(models.TextChoices):
    DIGITAL = "digital", _("digital")
    ANALOG = "analog", _("analog")
    HYBRID = "hybrid", _("hybrid")
    DISTANCE = "distance", _("at a distance")


class Purpose(models.TextChoices):
    """The public participation spectrum (IAP2), as Participedia uses it."""

    INFORM = "inform", _("inform")
    CONSULT = "consult", _("consult")
    INVOLVE = "involve", _("involve")
    COLLABORATE = "collaborate", _("collaborate")
    EMPOWER = "empower", _("empower")


class Openness(models.TextChoices):
    OPEN = "open", _("open to all")
    LIMITED = "limited", _("limited to selected people")


class Recruitment(models.TextChoices):
    SELF_SELECTION = "self_selection", _("self-selection")
    TARGETED = "targeted", _("targeted invitation")
    RANDOM = "random", _("random selection")


class Level(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


class Facilitation(models.TextChoices):
    NONE = "none", _("no facilitation needed")
    STAFF = "staff", _("facilitation by trained staff")
    PROFESSIONAL = "professional", _("professional facilitation")


class CounterpartRelation(models.TextChoices):
    REPLACES = "replaces", _("replaces")
    COMPLEMENTS = "complements", _("complements")


class FormatQuerySet(PageQuerySet):
    def for_listing(self):
        """What a list of formats shows, in a fixed number of queries however many there are."""
        return self.select_related("category")

    def review_due(self, *, months: int, today: datetime.date | None = None):
        """Formats whose last review is more than ``months`` months ago (or never happened)."""
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=round(months * 30.44))
        return self.filter(models.Q(last_reviewed__lt=cutoff) | models.Q(last_reviewed=None))


class ToolkitIndexPage(RoutablePage, IndexPage):
    """Instrumentenkoffer: every format, filterable, grouped by category, with a comparison and
    a form to suggest a format (its context and routes are in ``views``)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["toolkit.FormatPage", "toolkit.PlatformIndexPage"]
    max_count = 1
    template = "toolkit/toolkit_index_page.html"
    listing_name = "formats"
    per_page = 24

    class Meta:
        verbose_name = _("toolkit")


class FormatPage(BasePage):
    """One participation format with structured, filterable attributes (``views.format_context``
    adds what it shows besides them)."""

    category = models.ForeignKey(
        FormatCategory,
        on_delete=models.PROTECT,
        related_name="formats",
        verbose_name=_("category"),
    )
    how_it_works = StreamField(HowItWorksBlock(), blank=True, verbose_name=_("how it works"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    purpose = models.CharField(
        _("purpose"),
        max_length=12,
        choices=Purpose.choices,
        help_text=_("The highest level of the participation spectrum the format reaches."),
    )
    openness = models.CharField(
        _("who can take part"), max_length=8, choices=Openness.choices, default=Openness.OPEN
    )
    recruitment = models.CharField(
        _("recruitment"),
        max_length=16,
        choices=Recruitment.choices,
        default=Recruitment.SELF_SELECTION,
    )
    group_size_min = models.PositiveIntegerField(_("participants from"), default=1)
    group_size_max = models.PositiveIntegerField(
        _("participants up to"), null=True, blank=True, help_text=_("Empty when open-ended.")
    )
    duration = models.CharField(
        _("duration"), max_length=120, help_text=_("For example: 2 to 3 hours, or 4 weeks.")
    )
    preparation_effort = models.CharField(
        _("preparation effort"), max_length=6, choices=Level.choices, default=Level.MEDIUM
    )
    staff_effort = models.CharField(
        _("staff effort"), max_length=6, choices=Level.choices, default=Level.MEDIUM
    )
    cost_level = models.CharField(_("costs"), max_length=6, choices=Level.choices)
    equipment_participants = models.TextField(_("equipment participants need"), blank=True)
    equipment_organisers = models.TextField(_("equipment organisers need"), blank=True)
    skills = models.TextField(_("skills needed"), blank=True)
    facilitation = models.CharField(
        _("facilitation"), max_length=12, choices=Facilitation.choices, default=Facilitation.STAFF
    )
    target_groups = models.TextField(_("suitable target groups"), blank=True)
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    data_protection_notes = models.TextField(_("data protection"), blank=True)
    platforms = ParentalManyToManyField(
        "toolkit.PlatformPage",
        blank=True,
        related_name="formats",
        verbose_name=_("tools and platforms"),
    )
    counterpart = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alternatives",
        verbose_name=_("established format"),
        help_text=_("The established (analog) format this one replaces or complements."),
    )
    counterpart_relation = models.CharField(
        _("relation to the established format"),
        max_length=12,
        choices=CounterpartRelation.choices,
        blank=True,
    )
    last_reviewed = models.DateField(_("last reviewed on"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewer"),
        help_text=_("Who keeps this format current; reminders go to them."),
    )

    objects = PageManager.from_queryset(FormatQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("category"),
        FieldPanel("how_it_works"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("mode"), FieldPanel("purpose")]),
                FieldRowPanel([FieldPanel("openness"), FieldPanel("recruitment")]),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
                FieldPanel("duration"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("preparation_effort"),
                        FieldPanel("staff_effort"),
                        FieldPanel("cost_level"),
                    ]
                ),
                FieldPanel("equipment_participants"),
                FieldPanel("equipment_organisers"),
                FieldPanel("skills"),
                FieldPanel("facilitation"),
            ],
            heading=_("Effort and resources"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("accessibility_notes"),
                FieldPanel("data_protection_notes"),
            ],
            heading=_("People, accessibility and data protection"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("platforms"),
                FieldRowPanel([FieldPanel("counterpart"), FieldPanel("counterpart_relation")]),
            ],
            heading=_("Tools and established formats"),
        ),
        InlinePanel("examples", label=_("examples")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("reviewer")])],
            heading=_("Review"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("how_it_works"),
        index.SearchField("target_groups"),
        index.FilterField("mode"),
        index.FilterField("purpose"),
    ]
    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = []
    template = "toolkit/format_page.html"

    class Meta:
        verbose_name = _("participation format")
        verbose_name_plural = _("participation formats")

    def clean(self):
        super().clean()
        errors = {}
        if self.group_size_max is not None and self.group_size_max < self.group_size_min:
            errors["group_size_max"] = _("The maximum must not be below the minimum.")
        if self.counterpart_id and not self.counterpart_relation:
            errors["counterpart_relation"] = _(
                "Say whether this format replaces or complements the established one."
            )
        if self.counterpart_id and self.counterpart_id == self.pk:
            errors["counterpart"] = _("A format cannot be its own established format.")
        if errors:
            raise ValidationError(errors)


class FormatExample(Orderable):
    """Where the format has been used, with a source a reader can check."""

    page = ParentalKey(FormatPage, on_delete=models.CASCADE, related_name="examples")
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=120, help_text=_("City and country."))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("year")]),
        FieldPanel("description"),
        FieldPanel("source_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("example")
        verbose_name_plural = _("examples")


class PlatformIndexPage(IndexPage):
    """Open-source platforms and tools, with a comparison matrix of all of them."""

    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = ["toolkit.PlatformPage"]
    max_count = 1
    template = "toolkit/platform_index_page.html"
    listing_name = "platforms"
    listing_order = ("title",)

    class Meta:
        verbose_name = _("platform index page")


class Hosting(models.TextChoices):
    SELF_HOSTED = "self_hosted", _("self-hosted")
    SERVICE = "service", _("hosted service")
    BOTH = "both", _("self-hosted or as a service")


class PlatformPage(BasePage):
    """An open-source participation platform or tool, described by the criteria for choosing."""

    website = models.URLField(_("website"), max_length=300)
    source_code = models.URLField(_("source code"), max_length=300, blank=True)
    licence = models.CharField(
        _("licence"), max_length=60, help_text=_("SPDX identifier, such as AGPL-3.0-or-later.")
    )
    maintainer = models.CharField(_("maintained by"), max_length=200, blank=True)
    purposes = models.TextField(_("what it is used for"), blank=True)
    hosting = models.CharField(_("hosting"), max_length=12, choices=Hosting.choices)
    hosting_notes = models.TextField(_("hosting notes"), blank=True)
    data_protection = models.TextField(_("data protection"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    languages = models.CharField(_("languages"), max_length=250, blank=True)
    costs = models.TextField(_("costs"), blank=True)
    community = models.TextField(_("community and maintenance"), blank=True)
    procurement_notes = models.TextField(_("procurement notes"), blank=True)
    last_reviewed = models.DateField(_("last reviewed on"), null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("website"), FieldPanel("source_code")]),
                FieldRowPanel([FieldPanel("licence"), FieldPanel("maintainer")]),
                FieldPanel("purposes"),
            ],
            heading=_("Platform"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hosting"),
                FieldPanel("hosting_notes"),
                FieldPanel("data_protection"),
                FieldPanel("accessibility"),
                FieldPanel("languages"),
                FieldPanel("costs"),
                FieldPanel("community"),
                FieldPanel("procurement_notes"),
            ],
            heading=_("Criteria"),
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("purposes"),
        index.SearchField("licence"),
    ]
    parent_page_types = ["toolkit.PlatformIndexPage"]
    subpage_types = []
    template = "toolkit/platform_page.html"

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")


class FormatSuggestion(models.Model):
    """A format a citizen suggests; staff turn it into a draft FormatPage or decline it."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("draft created")
        DECLINED = "declined", _("declined")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="format_suggestions",
        verbose_name=_("suggested by"),
    )
    title = models.CharField(_("name of the format"), max_length=120)
    description = models.TextField(_("how it works"), max_length=2000)
    category = models.ForeignKey(
        FormatCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("category"),
    )
    counterpart = models.CharField(
        _("established format it replaces or complements"), max_length=200, blank=True
    )
    example_url = models.URLField(_("where it has been used (link)"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("suggested at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    format_page = models.ForeignKey(
        FormatPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("draft format page"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("format suggestion")
        verbose_name_plural = _("format suggestions")

    def __str__(self):
        return self.title


class ReviewReminder(models.Model):
    """One reminder per format and review date, so a daily job never reminds twice."""

    format_page = models.ForeignKey(FormatPage, on_delete=models.CASCADE, related_name="+")
    #: The review date the reminder was about, or "never".
    review = models.CharField(max_length=10)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["format_page", "review"], name="toolkit_one_reminder_per_review"
            )
        ]

    def __str__(self):
        return f"{self.format_page_id}: {self.review}"


@register_setting(icon="list-ul")
class ToolkitSettings(BaseSiteSetting):
    review_months = models.PositiveSmallIntegerField(
        _("review formats every (months)"),
        default=12,
        help_text=_("Formats whose last review is older appear in the review report."),
    )

    panels = [FieldPanel("review_months")]

    class Meta:
        verbose_name = _("toolkit")
