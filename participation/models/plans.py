"""Vorhabenliste: planned municipal projects, listed before their first council deliberation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from mitwirken.pages.models import BasePage


class PlannedProjectIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["participation.PlannedProjectPage"]
    max_count = 1
    template = "participation/planned_project_index_page.html"

    class Meta:
        verbose_name = _("Vorhabenliste")


class PlannedProjectPage(BasePage):
    """A planned project with the fields German cities' Vorhabenlisten use (see DOMAIN.md)."""

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PLANNING = "planning", _("in planning")
        DECIDED = "decided", _("decided")
        IMPLEMENTATION = "implementation", _("being implemented")
        DONE = "done", _("completed")
        STOPPED = "stopped", _("stopped")

    description = RichTextField(
        _("description and spatial extent"), features=["bold", "italic", "link", "ul", "ol"]
    )
    districts = ParentalManyToManyField("places.District", blank=True, verbose_name=_("districts"))
    topics = ParentalManyToManyField("places.Topic", blank=True, verbose_name=_("topics"))
    responsible_office = models.CharField(_("responsible office"), max_length=200)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default="planning"
    )
    schedule = models.TextField(_("time plan"), blank=True)
    cost_estimate = models.CharField(_("cost estimate"), max_length=120, blank=True)
    decisions = models.TextField(_("decisions taken so far"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    affected_groups = models.TextField(_("affected groups"), blank=True)
    participation_planned = models.BooleanField(_("participation planned"), default=True)
    participation_details = models.TextField(_("participation: how and when"), blank=True)
    no_participation_reason = models.TextField(
        _("participation: why not"),
        blank=True,
        help_text=_("Required when no participation is planned."),
    )
    change_reason = models.TextField(
        _("reason for the latest change of cost or schedule"), blank=True
    )
    added_on = models.DateField(_("added to the list on"))
    procedure = models.ForeignKey(
        "participation.ProcedurePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_projects",
        verbose_name=_("participation procedure"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("districts"), FieldPanel("topics")]),
        FieldRowPanel([FieldPanel("responsible_office"), FieldPanel("contact")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("added_on")]),
        MultiFieldPanel(
            [
                FieldPanel("schedule"),
                FieldPanel("cost_estimate"),
                FieldPanel("change_reason"),
                FieldPanel("decisions"),
                FieldPanel("next_steps"),
                FieldPanel("affected_groups"),
            ],
            heading=_("Plan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("participation_planned"),
                FieldPanel("participation_details"),
                FieldPanel("no_participation_reason"),
                FieldPanel("procedure"),
            ],
            heading=_("Participation"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("responsible_office"),
    ]
    parent_page_types = ["participation.PlannedProjectIndexPage"]
    subpage_types = []
    template = "participation/planned_project_page.html"

    class Meta:
        verbose_name = _("planned project")
        verbose_name_plural = _("planned projects")

    def clean(self):
        super().clean()
        if not self.participation_planned and not self.no_participation_reason.strip():
            raise ValidationError(
                {"no_participation_reason": _("Say why no participation is planned.")}
            )
