"""What participation registers with Wagtail: its log actions, admin URLs, menus, viewsets,
page buttons and dashboard panels (all in ``participation/admin/``), the procedures listed
on a format's page, the home page's open procedures and upcoming events (``views``), the
feeds that the home page and the district hubs link (``feeds``), and when what pages show
changes by the clock."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from mitwirken.pages.sections import home_section
from mitwirken.web.feeds import FEED_LINKS_HOOK
from mitwirken.web.generations import PAGES, SCHEDULED_CHANGES_HOOK

from . import selectors, views
from .admin import dashboard, urls
from .admin.menus import ContributionsViewSetGroup, ExportsMenuItem, page_buttons
from .admin.moderation import ModerationViewSet
from .admin.permissions import ModerationPermissionPolicy
from .admin.plans import ProcedureFromPlanView
from .admin.statements import StatementProcessedFormatter
from .feeds import procedure_feed_links
from .generations import PARTICIPATION
from .models import Report
from .services import moderation, results, statements

register_permission_policy(Report, ModerationPermissionPolicy(Report), exact_class=True)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(moderation.REPORT_ACTION, _("Report"), _("Reported to the moderation"))
    actions.register_action(moderation.HIDE_ACTION, _("Hide"), _("Hidden by the moderation"))
    actions.register_action(
        moderation.RESTORE_ACTION, _("Restore"), _("Restored by the moderation")
    )
    actions.register_action(
        moderation.DISMISS_ACTION, _("Dismiss report"), _("Report dismissed by the moderation")
    )
    actions.register_action(
        results.RESPOND_ACTION, _("Official response"), _("Official status and response set")
    )
    actions.register_action(statements.WEIGH_ACTION)(StatementProcessedFormatter)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("participation/", include(urls, namespace="participation_admin")),
        path(
            "vorhabenliste/<int:plan_id>/verfahren/",
            ProcedureFromPlanView.as_view(),
            name="participation_procedure_from_plan",
        ),
    ]


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from page_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page, user, next_url=None):
    yield from page_buttons(page, user)


@hooks.register("register_admin_menu_item")
def register_exports_menu_item():
    return ExportsMenuItem(
        _("Exports"),
        reverse("participation_admin:exports"),
        icon_name="download",
        order=720,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ModerationViewSet(), ContributionsViewSetGroup()]


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request.user))


@hooks.register("toolkit_format_related")
def procedures_using_format(page, request):
    """``(heading, procedures)``: the live public procedures that used this format, newest
    first; ``None`` when there are none. The toolkit's format page shows them."""
    procedures = selectors.procedures_using_format(format_page=page)
    if not procedures:
        return None
    return _("Procedures that used this format"), procedures


# The same for everyone until a page is published anew or a phase begins or ends.
home_section(
    "open-procedures",
    label=_("Open procedures, the nearest deadline first"),
    heading=_("Take part now"),
    order=10,
    depends_on=(PAGES,),
    scheduled=True,
)(views.open_procedures_section)
# The same for everyone until a page is published, an event is entered (participation's
# generation) or an event begins or ends.
home_section(
    "events",
    label=_("Upcoming events"),
    heading=_("Upcoming events"),
    order=30,
    depends_on=(PAGES, PARTICIPATION),
    scheduled=True,
)(views.events_section)

# The feeds of new procedures and results and the calendar of events, on the home page and hubs.
hooks.register(FEED_LINKS_HOOK, procedure_feed_links, order=20)


@hooks.register(SCHEDULED_CHANGES_HOOK)
def scheduled_change(now):
    """Cached pages and kept lists of procedures and events expire when a phase or an event
    begins or ends."""
    return selectors.next_scheduled_change(now=now)
