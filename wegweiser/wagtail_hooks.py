"""Wegweiser's hooks into the rest of the portal: the home page's sections (``views``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.pages.sections import home_section
from mitwirken.web.generations import PAGES

from . import views

# Both are the same for everyone until a page (or a district) is published anew.
kept = {"depends_on": (PAGES,)}
home_section(
    "finder", label=_("Wegweiser: three questions"), heading=_("What fits you?"), order=20, **kept
)(views.finder_section)
home_section(
    "district-hubs", label=_("The district hubs"), heading=_("Your district"), order=50, **kept
)(views.district_hubs_section)
