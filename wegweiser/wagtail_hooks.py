"""Wegweiser's hooks into the rest of the portal."""

from django.template.loader import render_to_string
from wagtail import hooks

from .models import DistrictHubIndexPage
from .selectors.hubs import district_hubs


@hooks.register("home_page_sections")
def district_hubs_section(request) -> str:
    """The home page's list of the district hubs ("" while none is published); two queries
    and the index's URL, however many hubs there are."""
    hubs = list(district_hubs())
    if not hubs:
        return ""
    index = DistrictHubIndexPage.objects.live().public().first()
    return render_to_string(
        "wegweiser/includes/district_hubs_section.html",
        {"hubs": hubs, "index_url": index.get_url(request) if index else ""},
        request=request,
    )
