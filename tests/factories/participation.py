"""Procedures with their phases and contributions, and the Vorhabenliste."""

import datetime

import factory
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.pages import PageFactory, SingletonPageFactory


def current_consultation_phase(**overrides) -> dict:
    """A consultation phase that started yesterday and runs four more weeks, open for everything
    citizens do online (formal statements only where the procedure is formal, see below)."""
    now = timezone.now()
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


def phase(days_from_now: int, length: int = 14, **values) -> dict:
    """A consultation phase starting ``days_from_now`` days from now, ``length`` days long."""
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    return current_consultation_phase(
        start=start, end=start + datetime.timedelta(days=length), **values
    )


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj)


class ProcedureIndexPageFactory(SingletonPageFactory):
    """Beteiligung at /beteiligung/."""

    class Meta:
        model = "participation.ProcedureIndexPage"

    title = "Beteiligung"
    slug = "beteiligung"


class DistrictFolderPageFactory(SingletonPageFactory):
    """A district's folder below the index (made when missing); without ``district`` the
    Gesamtstadt folder. One folder per district."""

    class Meta:
        model = "participation.DistrictFolderPage"

    district = None
    title = factory.LazyAttribute(lambda o: o.district.name if o.district else "Gesamtstadt")
    slug = factory.LazyAttribute(lambda o: o.district.slug if o.district else "gesamtstadt")

    @classmethod
    def existing(cls, model_class, **kwargs):
        return model_class.objects.filter(district=kwargs.get("district")).first()

    @classmethod
    def default_parent(cls):
        return ProcedureIndexPageFactory()


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
    def _create(cls, model_class, *args, parent=None, districts=(), **kwargs):
        pairs = [d if isinstance(d, tuple) else (d, False) for d in districts]
        if parent is None:
            parent = DistrictFolderPageFactory(district=pairs[0][0] if pairs else None)
        return super()._create(model_class, *args, parent=parent, districts=pairs, **kwargs)

    @classmethod
    def unsaved_page(
        cls, model_class, *args, phases=None, districts=(), topics=(), council_steps=(), **kwargs
    ):
        from participation.models import CouncilStep, Phase, ProcedureDistrict

        page = model_class(*args, **kwargs)
        page.phases = [
            Phase(sort_order=order, **values)
            for order, values in enumerate(
                [current_consultation_phase()] if phases is None else phases
            )
        ]
        page.procedure_districts = [
            ProcedureDistrict(district=district, partly=partly, sort_order=order)
            for order, (district, partly) in enumerate(districts)
        ]
        page.council_steps = [
            CouncilStep(sort_order=order, **values) for order, values in enumerate(council_steps)
        ]
        page.topics = list(topics)
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
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
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


class PlannedProjectIndexPageFactory(SingletonPageFactory):
    """The Vorhabenliste at /vorhabenliste/."""

    class Meta:
        model = "participation.PlannedProjectIndexPage"

    title = "Vorhabenliste"
    slug = "vorhabenliste"


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
    added_on = factory.LazyFunction(lambda: timezone.now().date())

    @classmethod
    def default_parent(cls):
        return PlannedProjectIndexPageFactory()

    @classmethod
    def unsaved_page(cls, model_class, *args, districts=(), topics=(), **kwargs):
        kwargs.setdefault("description_de", kwargs.get("description"))
        kwargs.setdefault("schedule_de", kwargs.get("schedule"))
        page = model_class(*args, **kwargs)
        page.districts = list(districts)
        page.topics = list(topics)
        return page
