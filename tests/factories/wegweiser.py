"""The Wegweiser: the finder, its offerings and the district hubs."""

import factory

from tests.factories.pages import PageFactory, SingletonPageFactory


class WegweiserPageFactory(SingletonPageFactory):
    """The finder at /wegweiser/."""

    class Meta:
        model = "wegweiser.WegweiserPage"

    title = "Wegweiser"
    slug = "wegweiser"


class OfferingPageFactory(PageFactory):
    """A published offering below the Wegweiser (made when missing).

    ``intents``: intent slugs such as ``["opinion"]``; ``districts``: places.District objects
    (none: the whole city)."""

    class Meta:
        model = "wegweiser.OfferingPage"

    title = factory.Sequence(lambda n: f"Angebot {n}")
    slug = factory.Sequence(lambda n: f"angebot-{n}")
    summary = "Ein Angebot zum Mitreden."
    provider = "Stadt Dortmund"
    channel = "in_person"

    @classmethod
    def default_parent(cls):
        return WegweiserPageFactory()

    @classmethod
    def unsaved_page(cls, model_class, *args, intents=(), districts=(), **kwargs):
        from wegweiser.models import Intent

        kwargs.setdefault("provider_de", kwargs.get("provider"))
        page = model_class(*args, **kwargs)
        page.intents = list(Intent.objects.filter(slug__in=intents))
        page.districts = list(districts)
        return page


class DistrictHubIndexPageFactory(SingletonPageFactory):
    """Stadtbezirke at /stadtbezirke/."""

    class Meta:
        model = "wegweiser.DistrictHubIndexPage"

    title = "Stadtbezirke"
    slug = "stadtbezirke"


class DistrictHubPageFactory(PageFactory):
    """The hub of ``district`` (required) at /stadtbezirke/<district-slug>/."""

    class Meta:
        model = "wegweiser.DistrictHubPage"

    title = factory.LazyAttribute(lambda o: o.district.name)
    slug = factory.LazyAttribute(lambda o: o.district.slug)

    @classmethod
    def default_parent(cls):
        return DistrictHubIndexPageFactory()
