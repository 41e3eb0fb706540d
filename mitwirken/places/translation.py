from modeltranslation.translator import TranslationOptions, register

from .models import District, Topic


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")
