"""Reads of the evaluation app: whom to invite and which surveys are due (``invitations``);
for the evaluation pages participation's figures (``reach``), the answers to the standard
instrument (``surveys``) and the small-group rule (``figures``)."""

from .figures import Share, Tally, median_percent, per_thousand, shown
from .invitations import (
    PHASE_DAYS,
    invitations_refused,
    procedure_participants,
    surveys_after_phase,
    surveys_open,
)
from .reach import DIGITAL, ParticipationFacts, Reach, Scope, participation_facts
from .surveys import ITEMS, SurveyFacts, survey_facts

__all__ = [
    "DIGITAL",
    "ITEMS",
    "PHASE_DAYS",
    "ParticipationFacts",
    "Reach",
    "Scope",
    "Share",
    "SurveyFacts",
    "Tally",
    "invitations_refused",
    "median_percent",
    "participation_facts",
    "per_thousand",
    "procedure_participants",
    "shown",
    "survey_facts",
    "surveys_after_phase",
    "surveys_open",
]
