import os

import pytest
from django.core.cache import cache
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


@pytest.fixture(autouse=True)
def german_and_a_fresh_cache():
    """Every test starts as a request would: in German, with allauth's rate limits reset."""
    translation.activate("de")
    cache.clear()
    yield
    translation.activate("de")
