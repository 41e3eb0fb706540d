"""The Instrumentenkoffer: format categories, formats and platforms."""

import factory
from django.utils import timezone

from tests.factories.pages import PageFactory, SingletonPageFactory


class FormatCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "toolkit.FormatCategory"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Formatgruppe {n}")
    name_de = factory.LazyAttribute(lambda o: o.name)
    slug = factory.Sequence(lambda n: f"formatgruppe-{n}")


class ToolkitIndexPageFactory(SingletonPageFactory):
    """The Instrumentenkoffer at /instrumentenkoffer/."""

    class Meta:
        model = "toolkit.ToolkitIndexPage"

    title = "Instrumentenkoffer"
    slug = "instrumentenkoffer"


class FormatPageFactory(PageFactory):
    """A published format in the Instrumentenkoffer (made when missing).

    ``platforms``: a list of PlatformPages."""

    class Meta:
        model = "toolkit.FormatPage"

    title = factory.Sequence(lambda n: f"Format {n}")
    slug = factory.Sequence(lambda n: f"format-{n}")
    summary = "Ein Format der Beteiligung."
    # One category for all unless a test passes its own: listings group by category first.
    category = factory.SubFactory(
        FormatCategoryFactory, name="Abstandsformate", slug="abstandsformate"
    )
    mode = "digital"
    purpose = "consult"
    group_size_min = 5
    group_size_max = 50
    duration = "2 Stunden"
    cost_level = "low"
    last_reviewed = factory.LazyFunction(lambda: timezone.now().date())

    @classmethod
    def default_parent(cls):
        return ToolkitIndexPageFactory()

    @classmethod
    def unsaved_page(cls, model_class, *args, platforms=(), **kwargs):
        kwargs.setdefault("duration_de", kwargs.get("duration"))
        page = model_class(*args, **kwargs)
        page.platforms = list(platforms)
        return page


class PlatformIndexPageFactory(SingletonPageFactory):
    """The platforms at /instrumentenkoffer/plattformen/."""

    class Meta:
        model = "toolkit.PlatformIndexPage"

    title = "Plattformen"
    slug = "plattformen"

    @classmethod
    def default_parent(cls):
        return ToolkitIndexPageFactory()


class PlatformPageFactory(PageFactory):
    class Meta:
        model = "toolkit.PlatformPage"

    title = factory.Sequence(lambda n: f"Plattform {n}")
    slug = factory.Sequence(lambda n: f"plattform-{n}")
    summary = "Eine freie Beteiligungsplattform."
    website = "https://example.org/"
    licence = "AGPL-3.0-or-later"
    hosting = "both"
    languages = "Deutsch, Englisch"

    @classmethod
    def default_parent(cls):
        return PlatformIndexPageFactory()
