"""Factories for every app, in one place; registered as pytest fixtures in tests/conftest.py."""

import datetime

import factory
from django.contrib.auth import get_user_model

DEFAULT_PASSWORD = "Mitmachen-in-Dortmund-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Mitmacherin {n}")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A verified primary e-mail address unless ``verified=False`` is passed."""
        if not create:
            return
        from allauth.account.models import EmailAddress

        obj.save()
        EmailAddress.objects.update_or_create(
            user=obj,
            email=obj.email,
            defaults={"verified": extracted is not False, "primary": True},
        )


class PageFactory(factory.django.DjangoModelFactory):
    """Any Wagtail page, published below ``parent`` (default: the home page)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        from wagtail.models import Page

        from mitwirken.pages.models import HomePage

        page = model_class(*args, **kwargs)
        page.title_de = page.title_de or page.title
        page.slug_de = page.slug_de or page.slug
        parent = parent or HomePage.objects.first() or Page.get_first_root_node()
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = "pages.HomePage"

    title = "MitWIRken in Dortmund"
    slug = "start"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from wagtail.models import Page, Site

        page = super()._create(model_class, *args, parent=Page.get_first_root_node(), **kwargs)
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


class MessageFactory(factory.django.DjangoModelFactory):
    """What an event says, as the outbox stores it once per language."""

    class Meta:
        model = "notifications.Message"

    kind = "news.published"
    language = "de"
    subject = factory.Sequence(lambda n: f"Neuigkeit {n}")
    text = "Eine Neuigkeit.\n\n[[unsubscribe-url]]"
    html = "<p>Eine Neuigkeit.</p>"


class NotificationFactory(factory.django.DjangoModelFactory):
    """One row of the outbox; pending and sent to no one in particular unless told otherwise."""

    class Meta:
        model = "notifications.Notification"

    message = factory.SubFactory(MessageFactory)
    email = factory.Sequence(lambda n: f"empfaenger{n}@example.org")
    idempotency_key = factory.Sequence(lambda n: f"test:{n}")
