"""Training: the index, modules, trainers, sessions and enrolments."""

import datetime

import factory
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.pages import PageFactory, SingletonPageFactory


class TrainingIndexPageFactory(SingletonPageFactory):
    """Schulungen at /schulungen/."""

    class Meta:
        model = "training.TrainingIndexPage"

    title = "Schulungen"
    slug = "schulungen"


class TrainingModulePageFactory(PageFactory):
    """A published module below the index (made when missing). ``audiences``: slugs such as
    ``["active"]``; ``formats``: toolkit FormatPages."""

    class Meta:
        model = "training.TrainingModulePage"

    title = factory.Sequence(lambda n: f"Digitale Bürgerdialoge moderieren {n}")
    slug = factory.Sequence(lambda n: f"modul-{n}")
    summary = "Wie man ein Online-Treffen leitet."
    duration = "3 Stunden"

    @classmethod
    def default_parent(cls):
        return TrainingIndexPageFactory()

    @classmethod
    def unsaved_page(cls, model_class, *args, audiences=("active",), formats=(), **kwargs):
        from training.models import Audience

        kwargs.setdefault("duration_de", kwargs.get("duration"))
        page = model_class(*args, **kwargs)
        page.audiences = list(Audience.objects.filter(slug__in=audiences))
        page.formats = list(formats)
        return page


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Trainer"

    name = factory.Sequence(lambda n: f"Trainerin {n}")
    role = "Ombudsstelle"
    role_de = factory.SelfAttribute("role")


class SessionFactory(factory.django.DjangoModelFactory):
    """An online session of a module a week from now, three hours long, with 12 places and
    registration open until the day before."""

    class Meta:
        model = "training.Session"

    module = factory.SubFactory(TrainingModulePageFactory)
    mode = "online"
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda session: session.start + datetime.timedelta(hours=3))
    registration_deadline = factory.LazyAttribute(
        lambda session: session.start - datetime.timedelta(days=1)
    )
    capacity = 12
    online_link = "https://konferenz.example.org/raum-42"


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A confirmed place (``status="waiting"`` for the waiting list)."""

    class Meta:
        model = "training.Enrolment"

    session = factory.SubFactory(SessionFactory)
    user = factory.SubFactory(UserFactory)
    status = "confirmed"
