from modeltranslation.translator import TranslationOptions, register

from .models import OpenDataPage


@register(OpenDataPage)
class OpenDataPageTranslation(TranslationOptions):
    fields = ("intro",)
