"""What training registers with Wagtail: the menu "Schulungen" with its sessions and trainers,
the log action of recorded attendance, the dashboard's panel of this week's sessions (all in
``training/admin/``), the link to "My trainings" in the header, the guard of materials for
participants and the changes by the clock (``views``, ``selectors``); the calendar of sessions
that the home page and the district hubs link (``views.feeds``); the home page's section of
trainings, the modules on a toolkit format's page and a module's next date among search hits
(``views.sections``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from mitwirken.pages.sections import home_section
from mitwirken.web.feeds import FEED_LINKS_HOOK
from mitwirken.web.generations import PAGES, SCHEDULED_CHANGES_HOOK

from . import selectors, services
from .admin import dashboard
from .admin.viewsets import TrainingViewSetGroup
from .generations import TRAINING
from .views import feeds, materials, sections

# Public pages: materials for participants, changes by the clock -----------------------------


@hooks.register("before_serve_document")
def participants_only_documents(document, request):
    """A material for participants only is served to people with a confirmed place in a
    session of its module and to staff who may edit the module; others get 404 (visitors are
    asked to log in)."""
    return materials.document_refusal(document, request)


# The calendar of sessions, on the home page and the district hubs.
hooks.register(FEED_LINKS_HOOK, feeds.session_feed_links, order=30)


@hooks.register(SCHEDULED_CHANGES_HOOK)
def scheduled_change(now):
    """Cached pages that show a session as open change when it begins or registration closes."""
    return selectors.next_scheduled_change(now=now)


# Staff work, attendance and certificates ------------------------------------------------------

register_snippet(TrainingViewSetGroup)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        services.ATTENDANCE_ACTION, _("Attendance recorded"), _("Attendance recorded")
    )


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request.user))


# Where citizens look: the home page, format pages, the search ---------------------------------

# The same for everyone until a page is published, a session or a place changes (training's
# generation), or a session begins or its registration closes.
home_section(
    "training",
    label=_("Upcoming trainings with free places"),
    heading=_("Trainings"),
    order=40,
    depends_on=(PAGES, TRAINING),
    scheduled=True,
)(sections.home_sessions_section)

hooks.register("toolkit_format_related", sections.modules_for_format)
hooks.register("search_results_annotate", sections.search_results_annotate)
