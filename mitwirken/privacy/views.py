"""What the privacy page shows beyond its fields: the processing table, from the registry."""

from django.conf import settings

from mitwirken.pages.kit import page_context

from .models import PrivacyPage
from .registry import processings


@page_context(PrivacyPage)
def privacy_page_context(request, page) -> dict:
    """Every app's declared processing, in the order of INSTALLED_APPS (code, no query), and the
    notice's version that the forms show and store (``PRIVACY_NOTICE_VERSION``)."""
    return {"processings": processings(), "privacy_version": settings.PRIVACY_NOTICE_VERSION}
