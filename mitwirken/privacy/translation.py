from modeltranslation.translator import TranslationOptions, register

from .models import PrivacyPage


@register(PrivacyPage)
class PrivacyPageTranslation(TranslationOptions):
    fields = (
        "intro",
        "controller_name",
        "controller_address",
        "contact_name",
        "contact_address",
        "dpo_name",
        "dpo_address",
        "body",
    )
