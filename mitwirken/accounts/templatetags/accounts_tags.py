"""Template tags of the account page."""

from django import template
from django.conf import settings

from ..selectors import data_export_latest
from ..tokens import export_link

register = template.Library()


@register.simple_tag(takes_context=True)
def data_export_state(context) -> dict:
    """What the form for one's data shows (``accounts/includes/export_form.html``): the latest
    download of the signed-in person (``export``), whether it is being prepared, and the link
    while it is ready."""
    request = context.get("request")
    export = data_export_latest(user=getattr(request, "user", None))
    ready = export is not None and export.is_ready
    return {
        "export": export,
        "preparing": export is not None and export.finished_at is None,
        "ready": ready,
        "url": export_link(export) if ready else "",
        "days": settings.PRIVACY_EXPORT_DAYS,
    }
