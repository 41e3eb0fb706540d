from modeltranslation.translator import TranslationOptions, register

from .models import ModuleMaterial, Session, Trainer, TrainingIndexPage, TrainingModulePage


@register(TrainingIndexPage)
class TrainingIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(TrainingModulePage)
class TrainingModulePageTranslation(TranslationOptions):
    fields = (
        "description",
        "learning_goals",
        "duration",
        "prerequisites",
        "what_to_bring",
        "lessons",
    )


@register(ModuleMaterial)
class ModuleMaterialTranslation(TranslationOptions):
    fields = ("title", "transcript")


@register(Trainer)
class TrainerTranslation(TranslationOptions):
    fields = ("role", "bio")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("place", "accessibility_notes", "notes")
