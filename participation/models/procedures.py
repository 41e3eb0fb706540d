"""Procedures as Wagtail pages: the index, a folder per Stadtbezirk and Gesamtstadt, procedures."""

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from mitwirken.pages.blocks import BodyBlock
from mitwirken.pages.models import BasePage

PROCEDURES_PER_PAGE = 10


def _procedures_page(request, **filters):
    """One page of procedures, as the listing selector finds them (imported late: it imports
    these models)."""
    from django.core.paginator import Paginator

    from ..selectors import procedure_list

    procedures = procedure_list(**filters)
    return Paginator(procedures, PROCEDURES_PER_PAGE).get_page(request.GET.get("page"))


class ProcedureIndexPage(BasePage):
    """Beteiligung: every procedure, filterable by district, topic, status and kind."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["participation.DistrictFolderPage"]
    max_count = 1
    template = "participation/procedure_index_page.html"

    class Meta:
        verbose_name = _("procedure index page")

    def get_context(self, request, *args, **kwargs):
        from ..forms import ProcedureFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = ProcedureFilterForm(request.GET or None)
        context["filter_form"] = form
        context["filtered"] = bool(form.is_bound and any(form.filters().values()))
        context["procedures"] = _procedures_page(request, parent=self, **form.filters())
        return context


class DistrictFolderPage(BasePage):
    """The procedures of one Stadtbezirk, or of the whole city when no district is set.

    A Bezirksvertretung's group has page permissions on its own folder only.
    """

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

    class Meta:
        verbose_name = _("district folder")
        verbose_name_plural = _("district folders")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["procedures"] = _procedures_page(request, parent=self)
        return context


class ProcedureKind(models.TextChoices):
    INFORMAL = "informal", _("informal participation")
    LAND_USE = "land_use", _("formal: land-use planning (§ 3 BauGB)")
    FORMAL_OTHER = "formal_other", _("formal: other statutory procedure")


class ProcedureMode(models.TextChoices):
    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    HYBRID = "hybrid", _("hybrid")


class ProcedureStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    RESULTS = "results", _("results published")


drucksache_validator = RegexValidator(
    r"^\d{4,5}-\d{2}$", _("Enter a council paper reference such as 16389-20.")
)


class ProcedurePage(RoutablePageMixin, BasePage):
    """One participation procedure with its phases; contributions are plain models around it."""

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
        InlinePanel("phases", label=_("phases"), min_num=1),
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

    class Meta:
        verbose_name = _("participation procedure")
        verbose_name_plural = _("participation procedures")

    def get_context(self, request, *args, bound=None, **kwargs):
        from ..views import procedure_context

        context = super().get_context(request, *args, **kwargs)
        context.update(procedure_context(request, self, bound=bound))
        return context

    # Routes of the citizen's forms (POST) and of the iCal files; see participation/views.py.

    @path("vorschlag/", name="proposal_create")
    def proposal_create_route(self, request):
        from ..views import proposal_create

        return proposal_create(request, self)

    @path("kommentar/", name="comment_create")
    def comment_create_route(self, request):
        from ..views import comment_create

        return comment_create(request, self)

    @path("vorschlag/<int:proposal_id>/unterstuetzen/", name="support_create")
    def support_create_route(self, request, proposal_id):
        from ..views import support_create

        return support_create(request, self, proposal_id)

    @path("umfrage/<int:poll_id>/", name="poll_vote")
    def poll_vote_route(self, request, poll_id):
        from ..views import poll_vote

        return poll_vote(request, self, poll_id)

    @path("stellungnahme/", name="statement_create")
    def statement_create_route(self, request):
        from ..views import statement_create

        return statement_create(request, self)

    @path("veranstaltung/<int:event_id>/anmelden/", name="event_register")
    def event_register_route(self, request, event_id):
        from ..views import event_register

        return event_register(request, self, event_id)

    @path("veranstaltung/<int:event_id>/abmelden/", name="event_unregister")
    def event_unregister_route(self, request, event_id):
        from ..views import event_unregister

        return event_unregister(request, self, event_id)

    @path("veranstaltung/<int:event_id>/ical/", name="event_ical")
    def event_ical_route(self, request, event_id):
        from ..views import event_ical

        return event_ical(request, self, event_id)

    @path("melden/<str:kind>/<int:pk>/", name="report_create")
    def report_create_route(self, request, kind, pk):
        from ..views import report_create

        return report_create(request, self, kind, pk)

    def action_url(self, name: str, *args, request=None) -> str:
        """The URL of one of the routes above, in the active language."""
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    @property
    def is_formal(self) -> bool:
        return self.kind != ProcedureKind.INFORMAL

    def phases_in_order(self) -> list["Phase"]:
        """The phases, earliest first (uses the prefetched or cluster rows, no extra query)."""
        return sorted(self.phases.all(), key=lambda phase: (phase.start, phase.sort_order or 0))

    def current_phase(self, now: datetime.datetime | None = None) -> "Phase | None":
        now = now or timezone.now()
        return next((p for p in self.phases_in_order() if p.start <= now < p.end), None)

    def next_phase(self, now: datetime.datetime | None = None) -> "Phase | None":
        now = now or timezone.now()
        return next((p for p in self.phases_in_order() if p.start > now), None)

    def status(self, now: datetime.datetime | None = None) -> str:
        """Planned, open, closed or results published: follows from the phases' dates."""
        now = now or timezone.now()
        phases = self.phases_in_order()
        if self.results or any(p.kind == Phase.Kind.RESULTS and p.start <= now for p in phases):
            return ProcedureStatus.RESULTS
        if not phases or now < phases[0].start:
            return ProcedureStatus.PLANNED
        if now >= max(p.end for p in phases):
            return ProcedureStatus.CLOSED
        return ProcedureStatus.OPEN

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


class Phase(Orderable):
    """A phase of a procedure, and which kinds of contribution are open during it."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information")
        CONSULTATION = "consultation", _("consultation")
        REVIEW = "review", _("review")
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
