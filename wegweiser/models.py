"""Wegweiser: offerings of participation and communication, the finder, and a hub per district."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from mitwirken.pages.kit import RoutablePage
from mitwirken.pages.models import BasePage, IndexPage


class Intent(models.Model):
    """What a citizen wants to do: the first question of the finder. The six rows come from a
    migration; their labels are in code so they are translated like every other string."""

    class Choices(models.TextChoices):
        INFORM = "inform", _("get informed")
        OPINION = "opinion", _("give my opinion")
        IDEA = "idea", _("propose an idea")
        COMPLAINT = "complaint", _("make a complaint or a suggestion")
        NEIGHBOURHOOD = "neighbourhood", _("get involved in my neighbourhood")
        LEARN = "learn", _("learn how to participate")

    slug = models.CharField(max_length=20, choices=Choices.choices, unique=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("intent")
        verbose_name_plural = _("intents")

    def __str__(self):
        return str(self.get_slug_display())


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    BOTH = "both", _("online and in person")


class How(models.TextChoices):
    """The finder's third question."""

    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    EITHER = "either", _("either way")


class OfferingQuerySet(PageQuerySet):
    def for_listing(self):
        """What a list of offerings shows, in a fixed number of queries however many there are."""
        return self.prefetch_related("districts", "intents")


class WegweiserPage(RoutablePage, IndexPage):
    """The finder: three questions, answered by offerings, procedures and formats; its context
    and its A–Z route are in ``views``."""

    guide = models.ForeignKey(
        "wegweiser.OfferingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("guide (Lotse)"),
        help_text=_("Shown when nothing matches: the Ombudsstelle, who guides people onwards."),
    )

    content_panels = [*IndexPage.content_panels, FieldPanel("guide")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["wegweiser.OfferingPage"]
    max_count = 1
    template = "wegweiser/wegweiser_page.html"

    class Meta:
        verbose_name = _("Wegweiser")


class OfferingPage(BasePage):
    """A participation or communication offering: who runs it, where, when, how to reach it."""

    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    intents = ParentalManyToManyField(
        Intent, blank=True, related_name="offerings", verbose_name=_("what it is for")
    )
    provider = models.CharField(_("run by"), max_length=200)
    channel = models.CharField(_("digital or analog"), max_length=10, choices=Channel.choices)
    districts = ParentalManyToManyField(
        "places.District",
        blank=True,
        related_name="offerings",
        verbose_name=_("districts"),
        help_text=_("Empty for offerings for the whole city."),
    )
    address = models.TextField(_("address"), blank=True)
    opening_times = models.TextField(_("opening times"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("online"), max_length=300, blank=True)
    languages = models.CharField(_("languages offered"), max_length=200, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    sign_language = models.BooleanField(_("sign language on request"), default=False)
    accessibility_notes = models.TextField(_("more on accessibility"), blank=True)
    costs = models.CharField(_("costs"), max_length=200, blank=True)

    objects = PageManager.from_queryset(OfferingQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("intents", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("provider"), FieldPanel("channel")]),
                FieldPanel("districts"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("opening_times"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Where, when and how to reach it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldRowPanel(
                    [
                        FieldPanel("step_free"),
                        FieldPanel("induction_loop"),
                        FieldPanel("sign_language"),
                    ]
                ),
                FieldPanel("accessibility_notes"),
                FieldPanel("costs"),
            ],
            heading=_("Languages, accessibility and costs"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("provider"),
    ]
    parent_page_types = ["wegweiser.WegweiserPage"]
    subpage_types = []
    template = "wegweiser/offering_page.html"

    class Meta:
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")


class DistrictHubQuerySet(PageQuerySet):
    def in_district_order(self):
        """The hubs in the districts' order, each with its district."""
        return self.select_related("district").order_by("district__sort_order", "title")


class DistrictHubIndexPage(RoutablePage, IndexPage):
    """Stadtbezirke: the twelve district hubs."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["wegweiser.DistrictHubPage"]
    max_count = 1
    template = "wegweiser/district_hub_index_page.html"
    listing_name = "hubs"

    class Meta:
        verbose_name = _("district hub index page")

    def listing(self):
        return DistrictHubPage.objects.child_of(self).live().public().in_district_order()


class DistrictHubPage(RoutablePage, BasePage):
    """Everything about taking part in one Stadtbezirk: its Bezirksvertretung and sessions,
    procedures, offerings, events and news (``views.district_hub_context``)."""

    district = models.OneToOneField(
        "places.District",
        on_delete=models.PROTECT,
        related_name="hub",
        verbose_name=_("district"),
    )
    council_intro = RichTextField(
        _("about the Bezirksvertretung"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    council_office = models.TextField(
        _("district office (Bezirksverwaltungsstelle)"),
        blank=True,
        help_text=_("Address, opening times and how to reach it."),
    )
    council_url = models.URLField(
        _("council information system"),
        max_length=300,
        blank=True,
        help_text=_("Link to the Bezirksvertretung's sessions, agendas and minutes."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("district"),
        MultiFieldPanel(
            [
                FieldPanel("council_intro"),
                FieldPanel("council_office"),
                FieldPanel("council_url"),
                InlinePanel("sessions", label=_("sessions")),
            ],
            heading=_("Bezirksvertretung"),
        ),
    ]
    parent_page_types = ["wegweiser.DistrictHubIndexPage"]
    subpage_types = []
    template = "wegweiser/district_hub_page.html"

    objects = PageManager.from_queryset(DistrictHubQuerySet)()

    class Meta:
        verbose_name = _("district hub")
        verbose_name_plural = _("district hubs")


class CouncilSession(Orderable):
    """A public session of the Bezirksvertretung, with or without question time."""

    page = ParentalKey(DistrictHubPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("start"))
    place = models.CharField(_("place"), max_length=250)
    question_time = models.BooleanField(
        _("question time for residents"),
        default=True,
        help_text=_("Residents may ask questions at the start of the public part."),
    )
    notes = models.TextField(_("notes"), blank=True)
    agenda_url = models.URLField(_("agenda"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("question_time")]),
        FieldPanel("place"),
        FieldPanel("notes"),
        FieldPanel("agenda_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
