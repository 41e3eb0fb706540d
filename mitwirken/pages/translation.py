from modeltranslation.translator import TranslationOptions, register

from .models import (
    AccessibilityStatementPage,
    ArticleIndexPage,
    ArticlePage,
    BasePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)


@register(BasePage)
class BasePageTranslation(TranslationOptions):
    fields = ("summary", "easy_language_summary")


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "sign_language_video", "body")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("body",)


@register(ArticleIndexPage)
class ArticleIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTranslation(TranslationOptions):
    fields = ("body",)


@register(NewsIndexPage)
class NewsIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(NewsPage)
class NewsPageTranslation(TranslationOptions):
    fields = ("body",)


@register(AccessibilityStatementPage)
class AccessibilityStatementPageTranslation(TranslationOptions):
    fields = (
        "non_accessible_content",
        "alternatives",
        "assessment_details",
        "feedback_contact",
        "enforcement",
        "body",
    )
