from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from mitwirken.web.feeds import feed_links
from mitwirken.web.links import absolute_url, site_link

from .blocks import BodyBlock, HomeBodyBlock, VideoBlock
from .kit import RoutablePage, paginate, view_context
from .sections import home_parts

NEWS_PER_PAGE = 10
#: News in the order every list shows them: by their date, the newest first. Not by when they
#: were published: the demo seed publishes the newest first, and an editor may publish an older
#: item late.
NEWS_ORDER = ("-date", "-first_published_at", "-pk")
#: Days within which feedback is answered when no statement says otherwise (BITVNRW's usual
#: promise: "innerhalb eines Monats").
DEFAULT_RESPONSE_DAYS = 30


class BasePage(Page):
    """Fields every public page has: a summary and the same summary in Leichte Sprache."""

    summary = models.TextField(
        _("summary"), blank=True, max_length=400, help_text=_("One or two sentences for lists.")
    )
    easy_language_summary = models.TextField(
        _("summary in Leichte Sprache"),
        blank=True,
        help_text=_("Short sentences, no abbreviations, readers addressed directly."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("easy_language_summary")], heading=_("Summary")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("easy_language_summary"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(view_context(self, request, **kwargs))
        return context

    def get_sitemap_urls(self, request=None):
        """The page once per language, under its translated URL."""
        lastmod = self.last_published_at or self.latest_revision_created_at
        urls = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                location = absolute_url(self.get_url(request))
                urls.append({"location": location, "lastmod": lastmod})
        return urls


class IndexPage(BasePage):
    """A page with an introduction that lists pages, one page of the listing at a time.

    The listing goes into the context as ``listing_name``, ``per_page`` items at a time (all
    without). By default it is the live, public children of the first subpage type in
    ``listing_order``; where the app's views build it (with a filter form or a selector), the
    page paginates what they put under ``listing_name``. Without ``listing_name`` the page
    lists nothing itself.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    listing_name = ""
    listing_order: tuple[str, ...] = ()
    per_page: int | None = None

    class Meta:
        abstract = True

    def listing(self):
        model = self.allowed_subpage_models()[0]
        return model.objects.child_of(self).live().public().order_by(*self.listing_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.listing_name:
            items = context.get(self.listing_name)
            items = self.listing() if items is None else items
            context[self.listing_name] = paginate(request, items, self.per_page)
        return context


class HomePage(BasePage):
    """The start page: the intro, Leichte Sprache and the DGS video, then the editors' blocks and
    the sections other apps fill (``sections``): what one can do now."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    sign_language_video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video in German Sign Language (DGS)"),
        help_text=_(
            "What the portal contains, how to find your way, the main points of the "
            "accessibility statement and where more DGS content is. Upload the file as a document."
        ),
    )
    body = StreamField(
        HomeBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Your own blocks, and where each automatic section goes (open procedures, events, "
            "the Wegweiser, the district hubs, news). Sections not placed follow at the end."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("easy_language_summary"), FieldPanel("sign_language_video")],
            heading=_("Leichte Sprache and sign language"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections come from every app through a hook; this app imports none of them.
        context["home_parts"] = home_parts(request, self)
        context["easy_language_url"] = site_link(request, "easy_language")
        context["sign_language_url"] = site_link(request, "sign_language")
        context["feeds"] = feed_links(request)  # of every app, for the whole city
        return context


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ArticleIndexPage(IndexPage):
    """Wissen: knowledge articles about participation in Dortmund."""

    subpage_types = ["pages.ArticlePage"]
    template = "pages/article_index_page.html"
    listing_name = "articles"
    listing_order = ("title",)
    per_page = NEWS_PER_PAGE

    class Meta:
        verbose_name = _("knowledge index page")
        verbose_name_plural = _("knowledge index pages")


class ArticlePage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField("places.Topic", blank=True, verbose_name=_("topics"))

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("topics")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["pages.ArticleIndexPage"]
    subpage_types = []
    template = "pages/article_page.html"

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")


class NewsIndexPage(RoutablePage, IndexPage):
    """Aktuelles: news of the portal, newest first; as RSS and Atom (``feeds``)."""

    subpage_types = ["pages.NewsPage"]
    template = "pages/news_index_page.html"
    listing_name = "news"
    listing_order = NEWS_ORDER
    per_page = NEWS_PER_PAGE

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class NewsQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by(*NEWS_ORDER)


class NewsPage(BasePage):
    date = models.DateField(_("date"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    districts = ParentalManyToManyField("places.District", blank=True, verbose_name=_("districts"))
    topics = ParentalManyToManyField("places.Topic", blank=True, verbose_name=_("topics"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("districts"),
        FieldPanel("topics"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []
    template = "pages/news_page.html"

    objects = PageManager.from_queryset(NewsQuerySet)()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")


class AccessibilityStatementPage(BasePage):
    """Erklärung zur Barrierefreiheit with the fields BITVNRW asks for, and its feedback form
    (``views.accessibility_feedback``)."""

    class Conformance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    class Assessment(models.TextChoices):
        SELF = "self", _("self-assessment")
        THIRD_PARTY = "third_party", _("assessment by a third party")

    conformance = models.CharField(
        _("compliance status"), max_length=10, choices=Conformance.choices, default="partial"
    )
    non_accessible_content = RichTextField(
        _("content that is not accessible, and why"), features=["bold", "link", "ol", "ul", "h3"]
    )
    alternatives = RichTextField(
        _("accessible alternatives"), blank=True, features=["bold", "link", "ol", "ul"]
    )
    assessment_method = models.CharField(
        _("how the statement was prepared"),
        max_length=12,
        choices=Assessment.choices,
        default="self",
    )
    assessment_details = models.TextField(_("details of the assessment"), blank=True)
    statement_created = models.DateField(_("statement created on"))
    last_reviewed = models.DateField(_("last reviewed on"))
    feedback_contact = RichTextField(
        _("feedback and contact"),
        features=["bold", "link"],
        help_text=_("Who answers feedback, with e-mail address and phone number."),
    )
    enforcement = RichTextField(
        _("enforcement procedure"),
        features=["bold", "link"],
        help_text=_(
            "The Ombudsstelle für barrierefreie IT of North Rhine-Westphalia and its link."
        ),
    )
    response_days = models.PositiveSmallIntegerField(
        _("response time in days"),
        default=DEFAULT_RESPONSE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Within how many days feedback is answered. Shown next to the feedback form; "
            "unanswered feedback older than this is overdue in the admin."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("further information"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("conformance"),
                FieldPanel("non_accessible_content"),
                FieldPanel("alternatives"),
            ],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_details"),
                FieldPanel("statement_created"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Preparation"),
        ),
        FieldPanel("feedback_contact"),
        FieldPanel("response_days"),
        FieldPanel("enforcement"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("non_accessible_content"),
        index.SearchField("body"),
    ]
    max_count = 1
    template = "pages/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


class Feedback(models.Model):
    """A message sent through the accessibility statement's feedback form, and how the staff
    handled it (``services.feedback_answer``)."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        ANSWERED = "answered", _("answered")

    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    message = models.TextField(_("message"), max_length=5000)
    page_url = models.URLField(_("sent from"), max_length=500, blank=True)
    #: The language the sender wrote in: the answer's mail speaks it.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.message[:40]}"

    def excerpt(self) -> str:
        """The message's start on one line, for listings."""
        return Truncator(" ".join(self.message.split())).chars(80)

    excerpt.short_description = _("message")


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    """The pages every footer links to, as BITVNRW and German law ask."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Leichte Sprache"),
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sign language (DGS)"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy"),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imprint"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact"),
    )
    open_data_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("open data"),
    )

    panels = [
        FieldPanel("accessibility_page"),
        FieldPanel("easy_language_page"),
        FieldPanel("sign_language_page"),
        FieldPanel("privacy_page"),
        FieldPanel("imprint_page"),
        FieldPanel("contact_page"),
        FieldPanel("open_data_page"),
    ]

    class Meta:
        verbose_name = _("footer links")

    FIELDS = (
        "accessibility_page",
        "easy_language_page",
        "sign_language_page",
        "privacy_page",
        "imprint_page",
        "contact_page",
        "open_data_page",
    )
