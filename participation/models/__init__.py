from .contributions import (
    Channel,
    Comment,
    Poll,
    PollChoice,
    PollQuestion,
    PollVote,
    Proposal,
    Report,
    Statement,
    StatementAttachment,
    Support,
)
from .events import Event, EventRegistration
from .plans import PlannedProjectIndexPage, PlannedProjectPage
from .procedures import (
    CouncilStep,
    DistrictFolderPage,
    Phase,
    ProcedureDistrict,
    ProcedureDocument,
    ProcedureIndexPage,
    ProcedurePage,
)

__all__ = [
    "Channel",
    "Comment",
    "CouncilStep",
    "DistrictFolderPage",
    "Event",
    "EventRegistration",
    "Phase",
    "PlannedProjectIndexPage",
    "PlannedProjectPage",
    "Poll",
    "PollChoice",
    "PollQuestion",
    "PollVote",
    "ProcedureDistrict",
    "ProcedureDocument",
    "ProcedureIndexPage",
    "ProcedurePage",
    "Proposal",
    "Report",
    "Statement",
    "StatementAttachment",
    "Support",
]
