"""What the portal keeps of the council's information system (Ratsinformationssystem), imported
through OParl 1.1 (docs/oparl.md): bodies, organizations, meetings and papers with their
consultations. Every row carries its OParl ``id`` (a URL, unique), the ``web`` page of the
council's system and the server's ``modified``; ``deleted`` objects stay marked, never removed.
No person is imported."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from mitwirken.places.models import District


@register_setting(icon="cogs")
class CouncilSettings(BaseSiteSetting):
    system_url = models.URLField(
        _("OParl system URL"),
        max_length=500,
        blank=True,
        help_text=_(
            "The OParl 1.1 System object of the council's information system. Empty: no import."
        ),
    )
    body_url = models.URLField(
        _("OParl body URL"),
        max_length=500,
        blank=True,
        help_text=_("The body (Körperschaft) to import. Empty: every body of the system."),
    )

    panels = [FieldPanel("system_url"), FieldPanel("body_url")]

    class Meta:
        verbose_name = _("council information (OParl)")


class OParlObject(models.Model):
    oparl_id = models.URLField(_("OParl id"), max_length=500, unique=True)
    web = models.URLField(_("web page"), max_length=500, blank=True)
    modified = models.DateTimeField(_("modified"), null=True, blank=True)
    deleted = models.BooleanField(_("deleted"), default=False)

    class Meta:
        abstract = True


class Body(OParlObject):
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self):
        return self.name


class Organization(OParlObject):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    classification = models.CharField(_("classification"), max_length=100, blank=True)
    #: Set for a Bezirksvertretung whose name names one of the Stadtbezirke.
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_organizations",
        verbose_name=_("district"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class Meeting(OParlObject):
    name = models.CharField(_("name"), max_length=300, blank=True)
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=500, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    organizations = models.ManyToManyField(Organization, related_name="meetings", blank=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.name


class Paper(OParlObject):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="papers")
    #: The Drucksache's number, such as "16389-20".
    reference = models.CharField(_("reference (Drucksache)"), max_length=100, db_index=True)
    name = models.CharField(_("title"), max_length=1000)
    date = models.DateField(_("date"), null=True, blank=True)
    paper_type = models.CharField(_("paper type"), max_length=200, blank=True)

    class Meta:
        ordering = ["-date", "reference"]
        verbose_name = _("paper (Drucksache)")
        verbose_name_plural = _("papers (Drucksachen)")

    def __str__(self):
        return f"{self.reference} {self.name}"


class Consultation(OParlObject):
    """A step of a paper's Beratungsfolge: embedded in the paper, as the specification has it."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="consultations")
    #: The meeting's OParl id, kept when the meeting itself is not (yet) imported.
    meeting_oparl_id = models.URLField(max_length=500, blank=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="consultations"
    )
    organizations = models.ManyToManyField(Organization, related_name="consultations", blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    authoritative = models.BooleanField(_("authoritative"), default=False)
    agenda_item = models.URLField(_("agenda item"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return self.role or self.oparl_id


class ImportRun(models.Model):
    """One run of the import: when, how it ended, what it counted and which errors it met."""

    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        OK = "ok", _("completed")
        PARTIAL = "partial", _("partly completed")
        FAILED = "failed", _("failed")

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("schedule")
        STAFF = "staff", _("staff (run now)")
        COMMAND = "command", _("management command")

    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    trigger = models.CharField(_("started by"), max_length=10, choices=Trigger.choices)
    full = models.BooleanField(_("full import"), default=False)
    #: ``{"organization": {"created": 3, "updated": 1, "pages": 1, "ok": true}, ...}``
    counts = models.JSONField(_("counts"), default=dict)
    errors = models.TextField(_("errors"), blank=True)

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("OParl import run")
        verbose_name_plural = _("OParl import runs")
        constraints = [
            # At most one run at a time: a second one cannot be written while one runs.
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="running"), name="council_one_running_import"
            )
        ]

    def __str__(self):
        return f"{self.started:%Y-%m-%d %H:%M} {self.get_status_display()}"
