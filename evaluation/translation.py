from modeltranslation.translator import TranslationOptions, register

from .models import EvaluationIndexPage, Question, Survey


@register(EvaluationIndexPage)
class EvaluationIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("section", "text", "help_text", "choices")
