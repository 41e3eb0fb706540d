"""Demo content of the privacy app for ``manage.py seed_demo``: the privacy notice below the home
page, linked from the footer. The content is in ``privacy_page.yaml``; the processing table comes
from the code (``mitwirken.privacy.registry``)."""

from wagtail.models import Page, Site

from mitwirken.pages.models import HomePage, SiteLinks
from mitwirken.seeding import Step, page_ensure

from ..models import PrivacyPage


def privacy_page(data: dict) -> int:
    """Datenschutz (the privacy notice, linked from the footer)"""
    home_page = HomePage.objects.get()
    # A demo seeded before this page type had a standard page at the same slug: it makes way.
    for page in Page.objects.child_of(home_page).filter(slug_de=data["slug"]["de"]):
        if page.specific_class is not PrivacyPage:
            page.delete()
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    links.privacy_page = page_ensure(home_page, PrivacyPage, data)
    links.save()
    return 2


STEPS = [Step("privacy_page.yaml", privacy_page)]
