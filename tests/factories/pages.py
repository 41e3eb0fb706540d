"""Wagtail pages, images and documents: the page factory every app's pages build on."""

import datetime

import factory
from django.utils import timezone


class PageFactory(factory.django.DjangoModelFactory):
    """Any Wagtail page, published below ``parent`` (default: ``default_parent()``, the home
    page). A page type with related rows (districts, phases...) fills them in ``unsaved_page()``.

    ``revision=False`` adds the page live through the tree without a revision: what a visitor
    sees is the same, and a bulk of pages is made in a fraction of the time (the page benchmark's
    data set, scripts/bench_data.py)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")

    @classmethod
    def default_parent(cls):
        """Where the page goes when the test names no parent: below the home page."""
        from wagtail.models import Page

        from mitwirken.pages.models import HomePage

        return HomePage.objects.first() or Page.get_first_root_node()

    @classmethod
    def unsaved_page(cls, model_class, *args, **kwargs):
        """The unsaved page with its related rows; pages with clusters take them here."""
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent=None, revision=True, **kwargs):
        page = cls.unsaved_page(model_class, *args, **kwargs)
        page.title_de = page.title_de or page.title
        page.slug_de = page.slug_de or page.slug
        if not revision:
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.first_published_at or timezone.now()
            page.last_published_at = page.first_published_at
        (parent or cls.default_parent()).add_child(instance=page)
        if revision:
            page.save_revision().publish()
            page.refresh_from_db()
        return page


class SingletonPageFactory(PageFactory):
    """A page type of which the portal has one (``max_count = 1``, or one per key): a second call
    returns the first page instead of making another."""

    class Meta:
        abstract = True

    @classmethod
    def existing(cls, model_class, **kwargs):
        """The page this call would make, if it is already there."""
        return model_class.objects.first()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return cls.existing(model_class, **kwargs) or super()._create(model_class, *args, **kwargs)


class HomePageFactory(PageFactory):
    """The home page below Wagtail's root, as the root of the default site."""

    class Meta:
        model = "pages.HomePage"

    title = "MitWIRken in Dortmund"
    slug = "start"

    @classmethod
    def default_parent(cls):
        from wagtail.models import Page

        return Page.get_first_root_node()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from wagtail.models import Site

        page = super()._create(model_class, *args, **kwargs)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page = "localhost", 80, page
        site.save()
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = "pages.StandardPage"


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = "pages.NewsIndexPage"

    title = "Aktuelles"
    slug = "aktuelles"


class NewsPageFactory(PageFactory):
    class Meta:
        model = "pages.NewsPage"

    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    summary = "Eine Meldung aus der Stadt."


class ArticleIndexPageFactory(PageFactory):
    class Meta:
        model = "pages.ArticleIndexPage"

    title = "Wissen"
    slug = "wissen"


class ArticlePageFactory(PageFactory):
    class Meta:
        model = "pages.ArticlePage"

    summary = "Ein Artikel über Beteiligung."


class AccessibilityStatementPageFactory(SingletonPageFactory):
    """The Erklärung zur Barrierefreiheit with the fields BITVNRW asks for, below the home page."""

    class Meta:
        model = "pages.AccessibilityStatementPage"

    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    non_accessible_content = "<p>Ein Video hat noch keine Untertitel.</p>"
    statement_created = datetime.date(2026, 11, 1)
    last_reviewed = datetime.date(2026, 11, 27)
    feedback_contact = "<p>ombudsstelle@dortmund.de</p>"
    enforcement = "<p>Ombudsstelle für barrierefreie IT NRW</p>"


class FeedbackFactory(factory.django.DjangoModelFactory):
    """A message from the statement's feedback form; ``created_at`` sets when it came in (the
    database otherwise stamps it with now)."""

    class Meta:
        model = "pages.Feedback"

    message = factory.Sequence(lambda n: f"Barriere Nummer {n}: der Kontrast ist zu schwach.")
    name = "Alex Beispiel"
    email = factory.Sequence(lambda n: f"absender{n}@example.org")
    page_url = "http://testserver/barrierefreiheit/"

    @classmethod
    def _create(cls, model_class, *args, created_at=None, **kwargs):
        feedback = super()._create(model_class, *args, **kwargs)
        if created_at is not None:
            model_class.objects.filter(pk=feedback.pk).update(created_at=created_at)
            feedback.created_at = created_at
        return feedback


# Images and documents -------------------------------------------------------------------------


def _root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node()


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small PDF in the root collection unless ``collection`` is given."""

    class Meta:
        model = "wagtaildocs.Document"

    title = factory.Sequence(lambda n: f"Protokoll {n}")
    file = factory.django.FileField(filename="protokoll.pdf", data=b"%PDF-1.4\n%%EOF\n")
    collection = factory.LazyFunction(_root_collection)


class ImageFactory(factory.django.DjangoModelFactory):
    """A small PNG in the root collection unless ``collection`` is given."""

    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Foto {n}")
    file = factory.django.ImageField(filename="foto.png", width=40, height=30)
    collection = factory.LazyFunction(_root_collection)
