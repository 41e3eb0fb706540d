"""What training shows on other apps' pages: the home page's section of upcoming sessions, the
list of modules on a toolkit format's page and a module's next date among the search's hits (all
registered in ``wagtail_hooks``). Each makes a fixed number of queries however many sessions and
modules there are."""

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitwirken.pages.selectors import live_page_url

from .. import selectors
from ..models import TrainingIndexPage, TrainingModulePage

#: How many sessions the home page shows.
HOME_SESSIONS = 3


def home_sessions_section(request, page) -> str:
    """The next sessions that one can still register for and that have free places, with a
    link to all trainings ("" when none)."""
    sessions = selectors.sessions_upcoming(free_places=True, public_only=True)
    sessions = list(sessions.select_related("module")[:HOME_SESSIONS])
    if not sessions:
        return ""
    return render_to_string(
        "training/includes/home_sessions.html",
        {"sessions": sessions, "index_url": live_page_url(request, TrainingIndexPage)},
        request=request,
    )


def _next_session_note(module) -> str:
    session = module.next_session
    if session is None:
        return gettext("No date planned at the moment.")
    values = {
        "date": formats.date_format(timezone.localtime(session.start), "DATETIME_FORMAT"),
        "mode": session.get_mode_display(),
    }
    if session.free:
        return gettext("Next date: %(date)s, %(mode)s.") % values
    return gettext("Next date: %(date)s, %(mode)s (fully booked, waiting list).") % values


def modules_for_format(page, request):
    """``(heading, modules)`` for the ``toolkit_format_related`` hook: the live modules that
    teach this format, each with a note on its next date; ``None`` when there are none."""
    modules = selectors.modules_teaching_format(format_page=page)
    if not modules:
        return None
    for module in modules:
        module.listing_note = _next_session_note(module)
    return _("Trainings on this format"), modules


def search_results_annotate(hits) -> None:
    """A line with its next date on each module among a page of search hits (two queries when
    there is one, none otherwise)."""
    modules = [hit for hit in hits if isinstance(hit, TrainingModulePage)]
    if not modules:
        return
    selectors.modules_next_sessions(modules)
    for module in modules:
        module.listing_note = _next_session_note(module)
