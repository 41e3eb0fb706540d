from modeltranslation.translator import TranslationOptions, register

from .models import (
    CouncilSession,
    DistrictHubIndexPage,
    DistrictHubPage,
    OfferingPage,
    WegweiserPage,
)


@register(WegweiserPage)
class WegweiserPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(OfferingPage)
class OfferingPageTranslation(TranslationOptions):
    fields = (
        "description",
        "provider",
        "opening_times",
        "languages",
        "accessibility_notes",
        "costs",
    )


@register(DistrictHubIndexPage)
class DistrictHubIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(DistrictHubPage)
class DistrictHubPageTranslation(TranslationOptions):
    fields = ("council_intro", "council_office")


@register(CouncilSession)
class CouncilSessionTranslation(TranslationOptions):
    fields = ("notes",)
