import os

from pytest_factoryboy import register

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    UserFactory,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

register(UserFactory)
register(HomePageFactory)
register(StandardPageFactory)
register(NewsIndexPageFactory)
register(NewsPageFactory)
register(ArticleIndexPageFactory)
register(ArticlePageFactory)
