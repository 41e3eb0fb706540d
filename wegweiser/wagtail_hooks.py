"""Wegweiser's hooks into the rest of the portal: the home page's sections (``views``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.pages.sections import home_section

from . import views

home_section(
    "finder", label=_("Wegweiser: three questions"), heading=_("What fits you?"), order=20
)(views.finder_section)
home_section("district-hubs", label=_("The district hubs"), heading=_("Your district"), order=50)(
    views.district_hubs_section
)
