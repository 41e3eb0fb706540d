"""Demo content of the open data app for ``manage.py seed_demo``: the open data page below the
home page, linked from the footer (its downloads: ``manage.py opendata_dump``). The page's text
is in ``open_data_page.yaml``; its datasets come from the code (``mitwirken.opendata.registry``)."""

from wagtail.models import Site

from mitwirken.pages.models import HomePage, SiteLinks
from mitwirken.seeding import Step, page_ensure

from ..models import OpenDataPage


def open_data_page(data: dict) -> int:
    """Offene Daten (linked from the footer)"""
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    links.open_data_page = page_ensure(HomePage.objects.get(), OpenDataPage, data)
    links.save()
    return 2


STEPS = [Step("open_data_page.yaml", open_data_page)]
