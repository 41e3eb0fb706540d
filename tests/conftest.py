import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from pytest_factoryboy import register

from tests.factories.accounts import UserFactory
from tests.factories.evaluation import (
    EvaluationIndexPageFactory,
    InvitationFactory,
    QuestionFactory,
    ResponseFactory,
    SurveyFactory,
)
from tests.factories.pages import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.factories.participation import (
    CommentFactory,
    DistrictFolderPageFactory,
    EventFactory,
    EventRegistrationFactory,
    PollFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
    ReportFactory,
    StatementFactory,
    SupportFactory,
)
from tests.factories.toolkit import (
    FormatCategoryFactory,
    FormatPageFactory,
    PlatformIndexPageFactory,
    PlatformPageFactory,
    ToolkitIndexPageFactory,
)
from tests.factories.training import (
    EnrolmentFactory,
    SessionFactory,
    TrainerFactory,
    TrainingIndexPageFactory,
    TrainingModulePageFactory,
)
from tests.factories.wegweiser import (
    DistrictHubIndexPageFactory,
    DistrictHubPageFactory,
    OfferingPageFactory,
    WegweiserPageFactory,
)
from tests.helpers import member_of, seed_demo

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

register(UserFactory)
register(HomePageFactory)
register(StandardPageFactory)
register(NewsIndexPageFactory)
register(NewsPageFactory)
register(ArticleIndexPageFactory)
register(ArticlePageFactory)
register(ProcedureIndexPageFactory)
register(DistrictFolderPageFactory)
register(ProcedurePageFactory)
register(ProposalFactory)
register(CommentFactory)
register(SupportFactory)
register(PollFactory)
register(StatementFactory)
register(EventFactory)
register(EventRegistrationFactory)
register(ReportFactory)
register(FormatCategoryFactory)
register(ToolkitIndexPageFactory)
register(FormatPageFactory)
register(PlatformIndexPageFactory)
register(PlatformPageFactory)
register(WegweiserPageFactory)
register(OfferingPageFactory)
register(DistrictHubIndexPageFactory)
register(DistrictHubPageFactory)
register(TrainingIndexPageFactory)
register(TrainingModulePageFactory)
register(TrainerFactory)
register(SessionFactory)
register(EnrolmentFactory)
register(EvaluationIndexPageFactory)
register(SurveyFactory)
register(QuestionFactory)
register(InvitationFactory)
register(ResponseFactory)


# The people of the portal, as docs/security.md names them: each test acts as the role that uses
# a feature (never as a superuser unless the test is about superusers).


@pytest.fixture
def citizen(db):
    """A citizen with a verified e-mail address: may propose, comment, support and vote."""
    return UserFactory(email="kim@example.org", display_name="Kim aus Hörde")


@pytest.fixture
def district_editor(db):
    """An editor of the Bezirksvertretung Hörde: edits and publishes in Hörde's folder and hub."""
    return member_of(
        "Bezirksvertretung Hörde",
        email="redaktion-hoerde@example.org",
        display_name="Redaktion BV Hörde",
    )


@pytest.fixture
def moderator(db):
    """A member of the Moderation group: gets report alerts, hides and restores contributions."""
    return member_of("Moderation", email="moderation@example.org", display_name="Moderatorin")


@pytest.fixture
def ombudsstelle(db):
    """A member of the Ombudsstelle: edits the portal's shared pages and reviews publications."""
    return member_of("Ombudsstelle", email="ombudsstelle@example.org", display_name="Ombudsstelle")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo portal of ``manage.py seed_demo`` (its output), seeded once per test module (a
    seed takes half a minute on PostgreSQL) and rolled back after the module; each test runs
    inside it in a savepoint of its own."""
    with django_db_blocker.unblock(), transaction.atomic():
        translation.activate("de")
        yield seed_demo()
        transaction.set_rollback(True)


@pytest.fixture
def wagtail_rows(db):
    """The rows that Wagtail's data migrations make (locale, root page, root collection).
    Transactional tests flush every table afterwards, those rows included: made again when
    missing, before a page is created."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="de")
    if not Page.objects.filter(depth=1).exists():
        Page.objects.create(
            title="Root",
            title_de="Root",
            draft_title="Root",
            slug="root",
            slug_de="root",
            content_type=ContentType.objects.get_for_model(Page),
            path="0001",
            depth=1,
            numchild=0,
            url_path="/",
            locale=locale,
        )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


@pytest.fixture(autouse=True)
def german_and_a_fresh_cache():
    """Every test starts as a request would: in German, with allauth's rate limits reset."""
    translation.activate("de")
    cache.clear()
    yield
    translation.activate("de")


@pytest.fixture
def without_page_cache(settings):
    """Every page rendered on every request, as for a signed-in person: for tests that count
    what rendering a page costs, or change rows between two looks without a commit."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def celery_broker():
    """``celery_broker(url)`` sends the tasks this test queues through the broker at ``url``
    (not in-process). The app's connection pools are dropped on every switch, so a publish
    reaches the broker named last, and after the test the app is as it was."""
    from mitwirken.celery import app

    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}

    def drop_pools():  # kombu keeps one pool per URL: the next publish takes the one for its URL
        app._pool = None
        app.amqp._producer_pool = None

    def use(url: str) -> None:
        drop_pools()
        app.conf.update(task_always_eager=False, broker_url=url)

    yield use
    drop_pools()
    app.conf.update(saved)
