from wagtail import hooks
from wagtail.models import Site

from mitwirken.web.links import SITE_LINK_HOOK

from .models import SiteLinks


@hooks.register(SITE_LINK_HOOK)
def site_link(request, name: str) -> str:
    """The live page the "Footer links" setting names ``name`` (``privacy`` → ``privacy_page``)."""
    field = f"{name}_page"
    if field not in SiteLinks.FIELDS or Site.find_for_request(request) is None:
        return ""
    page = getattr(SiteLinks.for_request(request), field)
    return page.get_url(request) if page is not None and page.live else ""
