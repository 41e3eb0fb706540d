from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from mitwirken.pages.blocks import BodyBlock
from mitwirken.pages.models import BasePage


class PrivacyPage(BasePage):
    """Datenschutzerklärung (Art. 13 DSGVO): who is responsible, whom to ask, the data
    protection officer, and the processing table, which is not written here but printed from what
    the apps declare (``mitwirken.privacy.registry.processings()``, ``views``), so that the page
    says what the portal keeps and for how long, as the retention run deletes it."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    controller_name = models.CharField(
        _("controller"),
        max_length=200,
        help_text=_("Who decides on the processing (Verantwortlicher), e.g. the City of Dortmund."),
    )
    controller_address = models.TextField(_("controller's postal address"), max_length=500)
    contact_name = models.CharField(
        _("contact"),
        max_length=200,
        help_text=_("Whom people ask about their data on this portal: the Ombudsstelle."),
    )
    contact_address = models.TextField(_("contact's postal address"), max_length=500)
    contact_email = models.EmailField(_("contact's e-mail address"))
    contact_phone = models.CharField(_("contact's phone number"), max_length=40, blank=True)
    dpo_name = models.CharField(
        _("data protection officer"),
        max_length=200,
        help_text=_("Name or title of the city's data protection officer."),
    )
    dpo_address = models.TextField(_("data protection officer's postal address"), max_length=500)
    dpo_email = models.EmailField(_("data protection officer's e-mail address"))
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("your rights"),
        help_text=_(
            "After the processing table: the rights of Art. 15 to 21 DSGVO, the supervisory "
            "authority (LDI NRW) and how to complain."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("controller_name"), FieldPanel("controller_address")],
            heading=_("Controller"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_address"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("dpo_name"), FieldPanel("dpo_address"), FieldPanel("dpo_email")],
            heading=_("Data protection officer"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    template = "privacy/privacy_page.html"

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
