"""Wegweiser's hooks into the rest of the portal: the home page's sections (``views``), and
when a hub changes by the clock."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from mitwirken.pages.sections import home_section
from mitwirken.web.feeds import FEED_LINKS_HOOK
from mitwirken.web.generations import PAGES, SCHEDULED_CHANGES_HOOK

from . import views
from .selectors.hubs import next_session_start

# Both are the same for everyone until a page (or a district) is published anew.
kept = {"depends_on": (PAGES,)}
home_section(
    "finder", label=_("Wegweiser: three questions"), heading=_("What fits you?"), order=20, **kept
)(views.finder_section)
home_section(
    "district-hubs", label=_("The district hubs"), heading=_("Your district"), order=50, **kept
)(views.district_hubs_section)


@hooks.register(SCHEDULED_CHANGES_HOOK)
def scheduled_change(now):
    """A kept hub moves a council session from upcoming to recent when it begins."""
    return next_session_start(now=now)


hooks.register(FEED_LINKS_HOOK, views.council_feed_links, order=40)
