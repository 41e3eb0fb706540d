"""Procedures as Wagtail pages: the index, a folder per Stadtbezirk and Gesamtstadt, procedures."""

import datetime
import operator
from functools import reduce

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from mitwirken.pages.blocks import BodyBlock
from mitwirken.pages.kit import RoutablePage
from mitwirken.pages.models import BasePage, IndexPage

PROCEDURES_PER_PAGE = 10


def source_field(field: str) -> str:
    """The field in the source language (German), the one every translation falls back to."""
    return build_localized_fieldname(field, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


class ProcedureIndexPage(RoutablePage, IndexPage):
    """Beteiligung: every procedure, filterable by district, topic, status and kind
    (``views.procedure_index_context``); new procedures, results and events as feeds
    (``feeds``)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["participation.DistrictFolderPage"]
    max_count = 1
    template = "participation/procedure_index_page.html"
    listing_name = "procedures"
    per_page = PROCEDURES_PER_PAGE

    class Meta:
        verbose_name = _("procedure index page")


class DistrictFolderPage(IndexPage):
    """The procedures of one Stadtbezirk, or of the whole city when no district is set
    (``views.district_folder_context``).

    A Bezirksvertretung's group has page permissions on its own folder only.
    """

    intro = None
    district = models.OneToOneField(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="procedure_folder",
        verbose_name=_("district"),
        help_text=_("Empty for the folder of city-wide procedures (Gesamtstadt)."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("district")]
    parent_page_types = ["participation.ProcedureIndexPage"]
    subpage_types = ["participation.ProcedurePage"]
    template = "participation/district_folder_page.html"
    listing_name = "procedures"
    per_page = PROCEDURES_PER_PAGE

    class Meta:
        verbose_name = _("district folder")
        verbose_name_plural = _("district folders")


class ProcedureKind(models.TextChoices):
    INFORMAL = "informal", _("informal participation")
    LAND_USE = "land_use", _("formal: land-use planning (§ 3 BauGB)")
    FORMAL_OTHER = "formal_other", _("formal: other statutory procedure")


class ProcedureMode(models.TextChoices):
    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    HYBRID = "hybrid", _("hybrid")


#: What happens with a contribution, per kind of procedure: shown in the box "What happens with
#: your contribution?" of a procedure whose editors wrote no text of their own.
CONTRIBUTION_OUTCOME_DEFAULTS = {
    ProcedureKind.INFORMAL: _(
        "The responsible office reads every contribution and sums them up. It answers each "
        "proposal publicly on this page: accepted, partly accepted, rejected with the reason, "
        "or implemented. The summary goes to the bodies that decide (see the deliberation "
        "sequence), and the results are published here. Follow the procedure to get an e-mail "
        "when that happens."
    ),
    ProcedureKind.LAND_USE: _(
        "Your statement is part of the statutory procedure of the Federal Building Code "
        "(§ 3 BauGB). The city examines every statement received in time and weighs it against "
        "the other public and private interests. The council decides on the plan together with "
        "the result of this weighing. The result for each statement is published here without "
        "your name, and you are told it by e-mail."
    ),
    ProcedureKind.FORMAL_OTHER: _(
        "Your statement is part of a statutory procedure. The responsible office examines and "
        "weighs every statement received in time before the responsible body decides. The "
        "result for each statement is published here without your name, and you are told it "
        "by e-mail."
    ),
}


class ProcedureStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    RESULTS = "results", _("results published")


#: A procedure's status, the one rule: the first status whose fact holds, else open. The facts
#: come from the phases' dates and the results text (in the source language) and are computed
#: once in Python (``ProcedurePage.status_facts``) and once in SQL
#: (``ProcedureQuerySet.with_status``) from the same boundaries.
STATUS_RULE = (
    (ProcedureStatus.RESULTS, "results_published"),  # results text, or a results phase started
    (ProcedureStatus.PLANNED, "not_started"),  # no phase, or the first one is still to come
    (ProcedureStatus.CLOSED, "ended"),  # the last phase has ended, or every phase open for
    # contributions has and only evaluation, decision or results phases are still to come
)

#: What a phase can be open for, in the order a procedure page names them.
CONTRIBUTION_FLAGS = (
    "allows_proposals",
    "allows_comments",
    "allows_support",
    "allows_polls",
    "allows_statements",
)


def contributes(phase: "Phase") -> bool:
    """Whether a phase is open for any kind of contribution."""
    return any(getattr(phase, flag) for flag in CONTRIBUTION_FLAGS)


def status_from(facts: dict[str, bool]) -> str:
    """The status ``STATUS_RULE`` gives for these facts."""
    return next((status for status, fact in STATUS_RULE if facts[fact]), ProcedureStatus.OPEN)


class ProcedureQuerySet(PageQuerySet):
    def with_status(self, now: datetime.datetime):
        """Annotated with ``listing_status`` by ``STATUS_RULE``, and with ``first_start`` and
        ``last_end`` (the boundaries of the phases), in one query however many there are."""
        phases = Phase.objects.filter(procedure=OuterRef("pk"))
        contributing = phases.filter(
            reduce(operator.or_, (Q(**{flag: True}) for flag in CONTRIBUTION_FLAGS))
        )
        results = source_field("results")
        facts = {
            "results_published": Q(Exists(phases.filter(kind=Phase.Kind.RESULTS, start__lte=now)))
            | ~Q(**{f"{results}__isnull": True}) & ~Q(**{results: ""}),
            "not_started": Q(first_start__isnull=True) | Q(first_start__gt=now),
            "ended": Q(last_end__lte=now)
            | Q(Exists(contributing.filter(end__lte=now)))
            & ~Q(Exists(contributing.filter(end__gt=now))),
        }
        return self.annotate(
            first_start=Subquery(phases.order_by("start").values("start")[:1]),
            last_end=Subquery(phases.order_by("-end").values("end")[:1]),
        ).annotate(
            listing_status=Case(
                *(When(facts[fact], then=Value(status)) for status, fact in STATUS_RULE),
                default=Value(ProcedureStatus.OPEN),
                output_field=CharField(),
            )
        )


drucksache_validator = RegexValidator(
    r"^\d{4,5}-\d{2}$", _("Enter a council paper reference such as 16389-20.")
)


class ProcedurePage(RoutablePage, BasePage):
    """One participation procedure with its phases; contributions are plain models around it.

    Its context and its routes (the citizen's forms, the iCal files) are in ``views``."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField("places.Topic", blank=True, verbose_name=_("topics"))
    formats = ParentalManyToManyField(
        "toolkit.FormatPage",
        blank=True,
        related_name="procedures",
        verbose_name=_("formats used"),
        help_text=_("The formats of the Instrumentenkoffer this procedure uses."),
    )
    kind = models.CharField(
        _("kind of participation"),
        max_length=20,
        choices=ProcedureKind.choices,
        default=ProcedureKind.INFORMAL,
    )
    mode = models.CharField(
        _("mode"), max_length=12, choices=ProcedureMode.choices, default=ProcedureMode.HYBRID
    )
    responsible_office = models.CharField(_("responsible office"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(_("alternative text of the image"), max_length=250, blank=True)
    council_paper = models.CharField(
        _("council paper (Drucksache)"),
        max_length=20,
        blank=True,
        validators=[drucksache_validator],
        help_text=_("Reference such as 16389-20."),
    )
    contribution_outcome = RichTextField(
        _("what happens with the contributions"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Shown in the box “What happens with your contribution?”. Empty: the standard text "
            "for the kind of participation is shown."
        ),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention period (months)"),
        default=24,
        help_text=_("After this time after the end, personal data of contributions is anonymised."),
    )
    results = RichTextField(
        _("results"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3", "document-link"],
        help_text=_(
            "What became of the contributions. Publishing it marks the results as published."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("mode")]),
                InlinePanel("procedure_districts", label=_("districts"), min_num=0),
                FieldPanel("topics"),
                FieldPanel("formats"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel(
            "phases",
            label=_("phases"),
            min_num=1,
            help_text=_(
                "The whole path: information, participation, evaluation, decision and results, "
                "also the phases still to come."
            ),
        ),
        FieldPanel("contribution_outcome"),
        MultiFieldPanel(
            [
                FieldPanel("responsible_office"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("contact_phone"),
            ],
            heading=_("Responsible office and contact"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        MultiFieldPanel(
            [FieldPanel("council_paper"), InlinePanel("council_steps", label=_("deliberation"))],
            heading=_("Council paper and Beratungsfolge"),
        ),
        FieldPanel("results"),
        InlinePanel("documents", label=_("documents")),
        FieldPanel("retention_months"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("responsible_office"),
        index.SearchField("results"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["participation.DistrictFolderPage"]
    subpage_types = []
    template = "participation/procedure_page.html"
    #: Visitors subscribe to a procedure by e-mail (double opt-in); this says what they hear of
    #: (``mitwirken.notifications.selectors.EMAIL_SUBSCRIBABLE``).
    email_subscribable = _("You hear when a new phase starts and when the results are published.")

    objects = PageManager.from_queryset(ProcedureQuerySet)()

    class Meta:
        verbose_name = _("participation procedure")
        verbose_name_plural = _("participation procedures")

    @property
    def is_formal(self) -> bool:
        return self.kind != ProcedureKind.INFORMAL

    @property
    def default_contribution_outcome(self) -> str:
        """The standard text of the box "What happens with your contribution?" for this kind."""
        return CONTRIBUTION_OUTCOME_DEFAULTS.get(
            self.kind, CONTRIBUTION_OUTCOME_DEFAULTS[ProcedureKind.INFORMAL]
        )

    def get_context(self, request, *args, **kwargs):
        # Rendering reads the phases many times (status, current and next phase, timeline,
        # rules): fetched once, as listings prefetch them. A preview's phases stay its own.
        phases = Phase.objects.order_by("start", "sort_order")
        prefetch_related_objects([self], Prefetch("phases", queryset=phases))
        return super().get_context(request, *args, **kwargs)

    def participation_end(self) -> datetime.datetime | None:
        """When the last phase open for contributions ends (``None`` without one)."""
        return max((p.end for p in self.phases_in_order() if contributes(p)), default=None)

    def phases_in_order(self) -> list["Phase"]:
        """The phases, earliest first (uses the prefetched or cluster rows, no extra query)."""
        return sorted(self.phases.all(), key=lambda phase: (phase.start, phase.sort_order or 0))

    def current_phase(self, now: datetime.datetime | None = None) -> "Phase | None":
        now = now or timezone.now()
        return next((p for p in self.phases_in_order() if p.start <= now < p.end), None)

    def next_phase(self, now: datetime.datetime | None = None) -> "Phase | None":
        now = now or timezone.now()
        return next((p for p in self.phases_in_order() if p.start > now), None)

    def status_facts(self, now: datetime.datetime) -> dict[str, bool]:
        """The facts of ``STATUS_RULE``, from the prefetched or cluster phases."""
        phases = self.phases_in_order()
        return {
            "results_published": bool(getattr(self, source_field("results")))
            or any(p.kind == Phase.Kind.RESULTS and p.start <= now for p in phases),
            "not_started": not phases or now < phases[0].start,
            "ended": bool(phases)
            and (
                now >= max(p.end for p in phases)
                or (
                    any(contributes(p) and p.end <= now for p in phases)
                    and not any(contributes(p) and p.end > now for p in phases)
                )
            ),
        }

    def status(self, now: datetime.datetime | None = None) -> str:
        """Planned, open, closed or results published (``STATUS_RULE``)."""
        return status_from(self.status_facts(now or timezone.now()))

    def open_for(self, now: datetime.datetime | None = None) -> list[str]:
        """What the current phase is open for (``CONTRIBUTION_FLAGS``), formal statements only
        in a formal procedure; nothing between phases."""
        phase = self.current_phase(now)
        if phase is None:
            return []
        return [
            flag
            for flag in CONTRIBUTION_FLAGS
            if getattr(phase, flag) and (flag != "allows_statements" or self.is_formal)
        ]

    def next_deadline(self, now: datetime.datetime | None = None) -> datetime.datetime | None:
        """The end of the current phase, else the start of the next."""
        now = now or timezone.now()
        current = self.current_phase(now)
        if current:
            return current.end
        upcoming = self.next_phase(now)
        return upcoming.start if upcoming else None


class ProcedureDistrict(Orderable):
    """A district a procedure belongs to, wholly or partly (e.g. "nordwärts")."""

    procedure = ParentalKey(
        ProcedurePage, on_delete=models.CASCADE, related_name="procedure_districts"
    )
    district = models.ForeignKey(
        "places.District", on_delete=models.PROTECT, related_name="+", verbose_name=_("district")
    )
    partly = models.BooleanField(_("only partly"), default=False)

    panels = [FieldRowPanel([FieldPanel("district"), FieldPanel("partly")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "district"], name="district_once_per_procedure"
            )
        ]


class CouncilStep(Orderable):
    """One step of a council paper's Beratungsfolge: body, date, role."""

    class Role(models.TextChoices):
        RECOMMENDATION = "recommendation", _("recommendation (Empfehlung)")
        DECISION = "decision", _("decision (Beschluss)")
        NOTICE = "notice", _("for information (Kenntnisnahme)")
        HEARING = "hearing", _("hearing (Anhörung)")

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="council_steps")
    body = models.CharField(
        _("body"), max_length=200, help_text=_("e.g. Bezirksvertretung Hörde, Rat")
    )
    date = models.DateField(_("date"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    panels = [FieldRowPanel([FieldPanel("body"), FieldPanel("date"), FieldPanel("role")])]


class ProcedureDocument(Orderable):
    """A document of a procedure: the plan, the council paper, the results report."""

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Defaults to the title.")
    )

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title or self.document.title


class Phase(Orderable):
    """A phase of a procedure, and which kinds of contribution are open during it."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information")
        CONSULTATION = "consultation", _("consultation")
        REVIEW = "review", _("review")
        DECISION = "decision", _("decision")
        RESULTS = "results", _("results")

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    description = models.TextField(_("description"), blank=True)
    allows_proposals = models.BooleanField(_("proposals"), default=False)
    allows_comments = models.BooleanField(_("comments"), default=False)
    allows_support = models.BooleanField(_("support"), default=False)
    allows_polls = models.BooleanField(_("polls"), default=False)
    allows_statements = models.BooleanField(_("formal statements"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("allows_proposals"),
                        FieldPanel("allows_comments"),
                        FieldPanel("allows_support"),
                        FieldPanel("allows_polls"),
                        FieldPanel("allows_statements"),
                    ]
                )
            ],
            heading=_("Open for"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A phase must end after it starts.")})

    def is_current(self, now=None) -> bool:
        now = now or timezone.now()
        return self.start <= now < self.end
