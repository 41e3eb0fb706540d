from modeltranslation.translator import TranslationOptions, register

from .models import (
    DistrictFolderPage,
    Event,
    Phase,
    PlannedProjectIndexPage,
    PlannedProjectPage,
    Poll,
    PollChoice,
    PollQuestion,
    ProcedureIndexPage,
    ProcedurePage,
)


@register(ProcedureIndexPage)
class ProcedureIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(DistrictFolderPage)
class DistrictFolderPageTranslation(TranslationOptions):
    fields = ()


@register(ProcedurePage)
class ProcedurePageTranslation(TranslationOptions):
    fields = ("body", "image_alt", "contribution_outcome", "results")


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "place", "accessibility", "description")


@register(Poll)
class PollTranslation(TranslationOptions):
    fields = ("title", "description")


@register(PollQuestion)
class PollQuestionTranslation(TranslationOptions):
    fields = ("text",)


@register(PollChoice)
class PollChoiceTranslation(TranslationOptions):
    fields = ("text",)


@register(PlannedProjectIndexPage)
class PlannedProjectIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(PlannedProjectPage)
class PlannedProjectPageTranslation(TranslationOptions):
    fields = (
        "description",
        "schedule",
        "decisions",
        "next_steps",
        "affected_groups",
        "participation_details",
        "no_participation_reason",
        "change_reason",
    )
