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


# Participation ------------------------------------------------------------------------------


def _now():
    from django.utils import timezone

    return timezone.now()


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj)


def current_consultation_phase(**overrides) -> dict:
    """A consultation phase that started yesterday and runs four more weeks, open for everything
    citizens do online (formal statements only where the procedure is formal, see below)."""
    now = _now()
    return {
        "title": "Beteiligungsphase",
        "kind": "consultation",
        "start": now - datetime.timedelta(days=1),
        "end": now + datetime.timedelta(days=28),
        "allows_proposals": True,
        "allows_comments": True,
        "allows_support": True,
        "allows_polls": True,
        "allows_statements": True,
        **overrides,
    }


class ProcedureIndexPageFactory(PageFactory):
    """Beteiligung at /beteiligung/; only one may exist, so a second call returns the first."""

    class Meta:
        model = "participation.ProcedureIndexPage"

    title = "Beteiligung"
    slug = "beteiligung"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        return existing or super()._create(model_class, *args, **kwargs)


class DistrictFolderPageFactory(PageFactory):
    """A district's folder below the index (made when missing); without ``district`` the
    Gesamtstadt folder. A second call for the same district returns the first folder."""

    class Meta:
        model = "participation.DistrictFolderPage"

    district = None
    title = factory.LazyAttribute(lambda o: o.district.name if o.district else "Gesamtstadt")
    slug = factory.LazyAttribute(lambda o: o.district.slug if o.district else "gesamtstadt")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        existing = model_class.objects.filter(district=kwargs.get("district")).first()
        if existing is not None:
            return existing
        parent = parent or ProcedureIndexPageFactory()
        return super()._create(model_class, *args, parent=parent, **kwargs)


class ProcedurePageFactory(PageFactory):
    """A published procedure with a current consultation phase (open for proposals, comments,
    support, polls and statements) unless ``phases=[{...}, ...]`` says otherwise.

    ``districts``: districts or ``(district, partly)`` pairs; the page goes into the first
    district's folder (Gesamtstadt without districts) unless ``parent`` is given.
    ``topics``: topics. ``council_steps``: dicts of body, date, role.
    """

    class Meta:
        model = "participation.ProcedurePage"

    title = factory.Sequence(lambda n: f"Beteiligungsverfahren {n}")
    slug = factory.Sequence(lambda n: f"verfahren-{n}")
    summary = "Worum es geht, in zwei Sätzen."
    responsible_office = "Stadtplanungs- und Bauordnungsamt"
    contact_email = "beteiligung@example.org"

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        parent=None,
        phases=None,
        districts=(),
        topics=(),
        council_steps=(),
        **kwargs,
    ):
        from participation.models import CouncilStep, Phase, ProcedureDistrict

        pairs = [d if isinstance(d, tuple) else (d, False) for d in districts]
        if parent is None:
            parent = DistrictFolderPageFactory(district=pairs[0][0] if pairs else None)
        page = model_class(*args, **kwargs)
        page.phases = [
            Phase(sort_order=order, **values)
            for order, values in enumerate(
                [current_consultation_phase()] if phases is None else phases
            )
        ]
        page.procedure_districts = [
            ProcedureDistrict(district=district, partly=partly, sort_order=order)
            for order, (district, partly) in enumerate(pairs)
        ]
        page.council_steps = [
            CouncilStep(sort_order=order, **values) for order, values in enumerate(council_steps)
        ]
        page.topics = list(topics)
        page.title_de = page.title_de or page.title
        page.slug_de = page.slug_de or page.slug
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participation.Proposal"

    procedure = factory.SubFactory(ProcedurePageFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Vorschlag {n}")
    text = "Mehr Bänke und Schatten am Phoenixsee, bitte."


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment on the procedure; pass ``proposal`` (and ``parent`` for a reply) to nest it."""

    class Meta:
        model = "participation.Comment"

    procedure = factory.SubFactory(ProcedurePageFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Ein Kommentar Nummer {n}.")


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participation.Support"

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(UserFactory)


class PollFactory(factory.django.DjangoModelFactory):
    """A poll with one single-choice question and the answers Ja, Nein, Weiß nicht, unless
    ``questions=[("Frage?", ["A", "B"], multiple), ...]`` is passed."""

    class Meta:
        model = "participation.Poll"
        skip_postgeneration_save = True

    procedure = factory.SubFactory(ProcedurePageFactory)
    title = factory.Sequence(lambda n: f"Umfrage {n}")
    title_de = factory.SelfAttribute("title")

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if not create:
            return
        from participation.models import PollChoice, PollQuestion

        specs = extracted or [("Soll der Platz umgestaltet werden?", ["Ja", "Nein", "Weiß nicht"])]
        for order, spec in enumerate(specs):
            text, answers, *rest = spec
            question = PollQuestion.objects.create(
                poll=obj, text=text, text_de=text, multiple=bool(rest and rest[0]), sort_order=order
            )
            for number, answer in enumerate(answers):
                PollChoice.objects.create(
                    question=question, text=answer, text_de=answer, sort_order=number
                )


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participation.Statement"

    procedure = factory.SubFactory(ProcedurePageFactory, kind="land_use")
    author = factory.SubFactory(UserFactory)
    reference = factory.Sequence(lambda n: f"ST-2026-{n + 900000:06d}")
    text = "Ich erhebe Bedenken gegen die geplante Bebauung."
    name = "Erika Mustermann"
    street = "Friedensplatz 1"
    postcode = "44135"
    city = "Dortmund"


class EventFactory(factory.django.DjangoModelFactory):
    """An in-person event a week from now, two hours long."""

    class Meta:
        model = "participation.Event"

    procedure = factory.SubFactory(ProcedurePageFactory)
    title = factory.Sequence(lambda n: f"Bürgerversammlung {n}")
    title_de = factory.SelfAttribute("title")
    mode = "in_person"
    start = factory.LazyFunction(lambda: _now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    place = "Bezirksverwaltungsstelle Hörde, Hörder Bahnhofstraße 16, 44263 Dortmund"
    place_de = factory.SelfAttribute("place")
    accessibility = "Stufenloser Zugang, Induktionsschleife."
    accessibility_de = factory.SelfAttribute("accessibility")


class EventRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participation.EventRegistration"

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)


class ReportFactory(factory.django.DjangoModelFactory):
    """A report of a proposal (pass ``contribution=`` for another contribution)."""

    class Meta:
        model = "participation.Report"
        exclude = ("contribution",)

    contribution = factory.SubFactory(ProposalFactory)
    content_type = factory.LazyAttribute(lambda report: _content_type(report.contribution))
    object_id = factory.SelfAttribute("contribution.pk")
    reason = "Beleidigend."
    reporter = factory.SubFactory(UserFactory)


# Vorhabenliste -------------------------------------------------------------------------------


class PlannedProjectIndexPageFactory(PageFactory):
    """The Vorhabenliste at /vorhabenliste/; only one may exist, so a second call returns it."""

    class Meta:
        model = "participation.PlannedProjectIndexPage"

    title = "Vorhabenliste"
    slug = "vorhabenliste"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        return existing or super()._create(model_class, *args, **kwargs)


class PlannedProjectPageFactory(PageFactory):
    """A published planned project in the Vorhabenliste (made when missing), added today.

    ``districts`` and ``topics``: lists of places.District and places.Topic."""

    class Meta:
        model = "participation.PlannedProjectPage"

    title = factory.Sequence(lambda n: f"Vorhaben {n}")
    slug = factory.Sequence(lambda n: f"vorhaben-{n}")
    summary = "Ein Vorhaben der Stadt."
    description = "<p>Was geplant ist und wo.</p>"
    responsible_office = "Tiefbauamt"
    cost_estimate = "ca. 1 Mio. Euro"
    schedule = "Bau 2027"
    added_on = factory.LazyFunction(lambda: _now().date())

    @classmethod
    def _create(cls, model_class, *args, parent=None, districts=(), topics=(), **kwargs):
        kwargs.setdefault("description_de", kwargs.get("description"))
        kwargs.setdefault("schedule_de", kwargs.get("schedule"))
        page = model_class(*args, **kwargs)
        page.districts = list(districts)
        page.topics = list(topics)
        page.title_de = page.title_de or page.title
        page.slug_de = page.slug_de or page.slug
        (parent or PlannedProjectIndexPageFactory()).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


# Toolkit ---------------------------------------------------------------------------------------


class FormatCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "toolkit.FormatCategory"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Formatgruppe {n}")
    name_de = factory.LazyAttribute(lambda o: o.name)
    slug = factory.Sequence(lambda n: f"formatgruppe-{n}")


class ToolkitIndexPageFactory(PageFactory):
    """The Instrumentenkoffer at /instrumentenkoffer/; only one may exist, so a second call
    returns the first."""

    class Meta:
        model = "toolkit.ToolkitIndexPage"

    title = "Instrumentenkoffer"
    slug = "instrumentenkoffer"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        return existing or super()._create(model_class, *args, **kwargs)


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
    last_reviewed = factory.LazyFunction(lambda: _now().date())

    @classmethod
    def _create(cls, model_class, *args, parent=None, platforms=(), **kwargs):
        kwargs.setdefault("duration_de", kwargs.get("duration"))
        page = model_class(*args, **kwargs)
        page.platforms = list(platforms)
        page.title_de = page.title_de or page.title
        page.slug_de = page.slug_de or page.slug
        (parent or ToolkitIndexPageFactory()).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class PlatformIndexPageFactory(PageFactory):
    """The platforms at /instrumentenkoffer/plattformen/; a second call returns the first."""

    class Meta:
        model = "toolkit.PlatformIndexPage"

    title = "Plattformen"
    slug = "plattformen"

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        existing = model_class.objects.first()
        return existing or super()._create(
            model_class, *args, parent=parent or ToolkitIndexPageFactory(), **kwargs
        )


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
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return super()._create(
            model_class, *args, parent=parent or PlatformIndexPageFactory(), **kwargs
        )


# Wegweiser -------------------------------------------------------------------------------------


class WegweiserPageFactory(PageFactory):
    """The finder at /wegweiser/; only one may exist, so a second call returns the first."""

    class Meta:
        model = "wegweiser.WegweiserPage"

    title = "Wegweiser"
    slug = "wegweiser"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        return existing or super()._create(model_class, *args, **kwargs)


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
    def _create(cls, model_class, *args, parent=None, intents=(), districts=(), **kwargs):
        from wegweiser.models import Intent

        kwargs.setdefault("provider_de", kwargs.get("provider"))
        page = model_class(*args, **kwargs)
        page.intents = list(Intent.objects.filter(slug__in=intents))
        page.districts = list(districts)
        page.title_de = page.title_de or page.title
        page.slug_de = page.slug_de or page.slug
        (parent or WegweiserPageFactory()).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class DistrictHubIndexPageFactory(PageFactory):
    """Stadtbezirke at /stadtbezirke/; a second call returns the first."""

    class Meta:
        model = "wegweiser.DistrictHubIndexPage"

    title = "Stadtbezirke"
    slug = "stadtbezirke"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        return existing or super()._create(model_class, *args, **kwargs)


class DistrictHubPageFactory(PageFactory):
    """The hub of ``district`` (required) at /stadtbezirke/<district-slug>/."""

    class Meta:
        model = "wegweiser.DistrictHubPage"

    title = factory.LazyAttribute(lambda o: o.district.name)
    slug = factory.LazyAttribute(lambda o: o.district.slug)

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return super()._create(
            model_class, *args, parent=parent or DistrictHubIndexPageFactory(), **kwargs
        )


def phase(days_from_now: int, length: int = 14, **values) -> dict:
    """A consultation phase starting ``days_from_now`` days from now, ``length`` days long."""
    start = _now() + datetime.timedelta(days=days_from_now)
    return current_consultation_phase(
        start=start, end=start + datetime.timedelta(days=length), **values
    )


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
