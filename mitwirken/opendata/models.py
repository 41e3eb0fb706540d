"""The open data page and the files of the nightly dumps (docs/api.md, "Open data downloads")."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from mitwirken.pages.models import BasePage


class Licence(models.TextChoices):
    """The licences the city publishes its data under, with their official names."""

    DL_DE_BY_2_0 = "dl-de/by-2-0", "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    CC_BY_4_0 = "cc-by-4.0", "CC BY 4.0"


LICENCE_URLS = {
    Licence.DL_DE_BY_2_0: "https://www.govdata.de/dl-de/by-2-0",
    Licence.CC_BY_4_0: "https://creativecommons.org/licenses/by/4.0/",
}
DEFAULT_ATTRIBUTION = "Stadt Dortmund, MitWIRken in Dortmund"


class OpenDataPage(BasePage):
    """Offene Daten: every dataset of the read API with its downloads, the licence of the data
    and its data dictionary. The datasets and the dictionary come from the code
    (``mitwirken.opendata.registry``, the OpenAPI document), the downloads from ``Dump``."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    licence = models.CharField(
        _("licence of the data"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.DL_DE_BY_2_0,
        help_text=_("Printed on this page and written into every download."),
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=200,
        default=DEFAULT_ATTRIBUTION,
        help_text=_("The name whoever uses the data must give as its source."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("attribution")], heading=_("Licence")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    template = "opendata/open_data_page.html"

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS[self.licence]


class Dump(models.Model):
    """The current file of one dataset in one format, replaced by each build."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSON = "json", "JSON"

    dataset = models.CharField(_("dataset"), max_length=60)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file = models.FileField(_("file"), upload_to="opendata/", max_length=200)
    rows = models.PositiveIntegerField(_("rows"))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    generated_at = models.DateTimeField(_("generated at"))

    class Meta:
        verbose_name = _("open data download")
        verbose_name_plural = _("open data downloads")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "format"], name="opendata_dump_unique")
        ]

    def __str__(self):
        return f"{self.dataset}.{self.format}"
