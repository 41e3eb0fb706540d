from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class District(index.Indexed, models.Model):
    """One of Dortmund's 12 Stadtbezirke, each with its own Bezirksvertretung."""

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    residents = models.PositiveIntegerField(
        _("residents"), null=True, blank=True, help_text=_("Leave empty when no figure is known.")
    )
    residents_as_of = models.DateField(_("residents as of"), null=True, blank=True)
    residents_source = models.CharField(_("source of the figure"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("residents"),
                FieldPanel("residents_as_of"),
                FieldPanel("residents_source"),
            ],
            heading=_("Population"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("district (Stadtbezirk)")
        verbose_name_plural = _("districts (Stadtbezirke)")

    def __str__(self):
        return self.name


class Topic(index.Indexed, models.Model):
    """A subject area used to file procedures, formats, offerings and articles."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name
