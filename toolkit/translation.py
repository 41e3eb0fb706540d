from modeltranslation.translator import TranslationOptions, register

from .models import (
    FormatCategory,
    FormatExample,
    FormatPage,
    PlatformIndexPage,
    PlatformPage,
    ToolkitIndexPage,
)


@register(FormatCategory)
class FormatCategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(ToolkitIndexPage)
class ToolkitIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(FormatPage)
class FormatPageTranslation(TranslationOptions):
    fields = (
        "how_it_works",
        "duration",
        "equipment_participants",
        "equipment_organisers",
        "skills",
        "target_groups",
        "accessibility_notes",
        "data_protection_notes",
    )


@register(FormatExample)
class FormatExampleTranslation(TranslationOptions):
    fields = ("title", "place", "description")


@register(PlatformIndexPage)
class PlatformIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(PlatformPage)
class PlatformPageTranslation(TranslationOptions):
    fields = (
        "purposes",
        "hosting_notes",
        "data_protection",
        "accessibility",
        "languages",
        "costs",
        "community",
        "procurement_notes",
    )
