"""The index with its filters, and the module page.

A visitor's page is the same for every visitor, so the page cache keeps it
(docs/performance.md); what it shows of sessions and places depends on the training
generation, begun by every registration. A signed-in person's page (their place, their
buttons, their lessons) is never kept: the page cache serves no request with a session.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from mitwirken.pages.kit import page_context, route_format, route_url
from mitwirken.pages.selectors import live_route_url

from .. import rules, selectors
from ..forms import ModuleFilterForm
from ..models import Enrolment, Mode, Session, TrainingIndexPage, TrainingModulePage
from . import materials

#: What a person can do with a session, as the button they see.
REGISTER = "register"
JOIN_WAITING_LIST = "waiting_list"


@page_context(TrainingIndexPage)
def training_index_context(request, page) -> dict:
    """The filter form and the modules that match it, each with its next sessions (the page
    paginates them), the calendar feed of the chosen audience and district, and "My trainings"
    (for signed-in people)."""
    form = ModuleFilterForm(request.GET or None)
    filters = form.filters()
    return {
        "filter_form": form,
        "filtered": bool(form.active_filter_count),
        "modules": selectors.module_list(parent=page, **filters),
        "feed_url": route_url(page, "feed", request=request) + form.query(),
        "my_trainings_url": route_url(page, "my_trainings", request=request),
        "listing_key": form.fragment_key(request),
    }


@dataclass
class SessionOffer:
    """A session as one person sees it on the module page: its places, their own status and
    the button they may press (``action``), or why they may not (``reason``)."""

    session: Session
    enrolment: Enrolment | None
    action: str = ""
    reason: str = ""
    urls: dict | None = None

    @property
    def free(self) -> int:
        return max(self.session.capacity - self.session.taken, 0)

    @property
    def accessibility(self) -> list[str]:
        session = self.session
        if session.mode == Mode.ONLINE:
            return []
        flags = [
            (session.step_free, _("step-free access")),
            (session.hearing_loop, _("hearing loop")),
            (session.sign_language, _("sign-language interpretation on request")),
        ]
        return [str(label) for present, label in flags if present]


class _Person:
    """What the module page needs to know of the person looking at it, read once."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def is_staff_account(self) -> bool:
        return rules.is_staff_account(self.user)


def _offer(session, enrolment, person, *, now, patterns) -> SessionOffer:
    offer = SessionOffer(session=session, enrolment=enrolment)
    offer.urls = {
        "register": patterns["register"].format(session.pk),
        "ical": patterns["ical"].format(session.pk),
    }
    if enrolment is not None:
        offer.urls["cancel"] = patterns["cancel"].format(enrolment.pk)
        offer.urls["confirm"] = patterns["confirm"].format(enrolment.pk)
    if enrolment is not None:
        return offer  # the template shows their status with cancel or confirm
    if now >= session.registration_deadline:
        offer.reason = rules.DEADLINE_PASSED
    elif person.user.is_authenticated and session.internal and not person.is_staff_account:
        offer.reason = rules.INTERNAL_ONLY
    else:
        offer.action = REGISTER if session.taken < session.capacity else JOIN_WAITING_LIST
    return offer


def _lessons(request, page) -> dict:
    """The lessons with their URLs and whether the person marked each as done, and the one to
    continue with."""
    done = selectors.lessons_done(request.user, page)
    pattern = route_format(page, "lesson", "{}", request=request)
    lessons = [
        {
            "number": number,
            "title": block.value["title"],
            "url": pattern.format(number),
            "done": block.id in done,
        }
        for number, block in enumerate(page.lessons, start=1)
    ]
    return {
        "lessons": lessons,
        "lessons_done": sum(1 for lesson in lessons if lesson["done"]),
        "lesson_next": next((lesson for lesson in lessons if not lesson["done"]), None),
    }


@page_context(TrainingModulePage)
def training_module_context(request, page) -> dict:
    """The course, its materials and lessons, and its upcoming sessions with the person's
    status and button. A fixed number of queries however many sessions and registrations."""
    now = timezone.now()
    user = request.user
    sessions = selectors.module_sessions(page, now=now)
    enrolments = selectors.enrolments_of(user, sessions)
    person = _Person(user)
    detail = selectors.module_detail(page)
    restricted = any(material.participants_only for material in detail["materials"])
    patterns = {
        "register": route_format(page, "enrol_register", "{}", request=request),
        "cancel": route_format(page, "enrol_cancel", "{}", request=request),
        "confirm": route_format(page, "enrol_confirm", "{}", request=request),
        "ical": route_format(page, "session_ical", "{}", request=request),
    }
    offers = [
        _offer(session, enrolments.get(session.pk), person, now=now, patterns=patterns)
        for session in sessions
    ]
    return {
        **detail,
        **_lessons(request, page),
        "offers": offers,
        "may_read_restricted": restricted and materials.may_read(user, page),
        # The calendar of every upcoming session, below the Schulungen ("" without them).
        "feed_url": live_route_url(request, TrainingIndexPage, "feed"),
    }
