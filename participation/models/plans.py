"""Vorhabenliste: planned municipal projects, listed before their first council deliberation."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from mitwirken.pages.models import BasePage, IndexPage

from .procedures import source_field

#: An entry counts as "neu" for this many days after it was added to the list.
NEW_FOR_DAYS = 30
PLANS_PER_PAGE = 10


def new_since(today: datetime.date | None = None) -> datetime.date:
    """Entries added after this day count as "neu"."""
    return (today or timezone.localdate()) - datetime.timedelta(days=NEW_FOR_DAYS)


class PlannedProjectQuerySet(PageQuerySet):
    def for_listing(self):
        """What a list of plans shows, in a fixed number of queries however many there are."""
        return self.select_related("procedure").prefetch_related("districts", "topics")

    def new(self, today: datetime.date | None = None):
        return self.filter(added_on__gt=new_since(today))


class PlannedProjectIndexPage(IndexPage):
    """The Vorhabenliste, newest first, filterable (``views.planned_project_index_context``)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["participation.PlannedProjectPage"]
    max_count = 1
    template = "participation/planned_project_index_page.html"
    listing_name = "plans"
    listing_order = ("-added_on", "title")
    per_page = PLANS_PER_PAGE

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

    objects = PageManager.from_queryset(PlannedProjectQuerySet)()

    class Meta:
        verbose_name = _("planned project")
        verbose_name_plural = _("planned projects")

    @property
    def is_new(self) -> bool:
        return self.added_on > new_since()

    def clean(self):
        super().clean()
        errors = {}
        if not self.participation_planned and not (self.no_participation_reason or "").strip():
            errors[source_field("no_participation_reason")] = _(
                "Say why no participation is planned."
            )
        errors.update(self._change_reason_errors())
        if errors:
            raise ValidationError(errors)

    def _change_reason_errors(self) -> dict:
        """When cost or time plan differ from the live version, a new reason must say why."""
        if not self.pk:
            return {}
        languages = [code for code, _name in settings.LANGUAGES]
        schedule = [f"schedule_{code}" for code in languages]
        reason = [f"change_reason_{code}" for code in languages]
        live = (
            PlannedProjectPage.objects.filter(pk=self.pk, live=True)
            .values("cost_estimate", *schedule, *reason)
            .first()
        )
        if live is None:
            return {}

        def differs(field):
            return (getattr(self, field) or "").strip() != (live[field] or "").strip()

        if not (differs("cost_estimate") or any(differs(field) for field in schedule)):
            return {}
        if not any((getattr(self, field) or "").strip() for field in reason):
            return {
                source_field("change_reason"): _(
                    "Say why the cost estimate or the time plan changed."
                )
            }
        if not any(differs(field) for field in reason):
            return {
                source_field("change_reason"): _(
                    "The cost estimate or the time plan changed: replace the previous reason "
                    "with the reason for this change."
                )
            }
        return {}
