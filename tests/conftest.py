import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from pytest_factoryboy import register

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CommentFactory,
    DistrictFolderPageFactory,
    DistrictHubIndexPageFactory,
    DistrictHubPageFactory,
    EventFactory,
    EventRegistrationFactory,
    FormatCategoryFactory,
    FormatPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OfferingPageFactory,
    PlatformIndexPageFactory,
    PlatformPageFactory,
    PollFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
    ReportFactory,
    StandardPageFactory,
    StatementFactory,
    SupportFactory,
    ToolkitIndexPageFactory,
    UserFactory,
    WegweiserPageFactory,
)
from tests.helpers import seed_demo

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


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo portal of ``manage.py seed_demo`` (its output), seeded once per test module (a
    seed takes half a minute on PostgreSQL) and rolled back after the module; each test runs
    inside it in a savepoint of its own."""
    with django_db_blocker.unblock(), transaction.atomic():
        translation.activate("de")
        yield seed_demo()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def german_and_a_fresh_cache():
    """Every test starts as a request would: in German, with allauth's rate limits reset."""
    translation.activate("de")
    cache.clear()
    yield
    translation.activate("de")
