"""What training registers with Wagtail."""

from wagtail import hooks

from mitwirken.web.generations import SCHEDULED_CHANGES_HOOK

from . import selectors
from .views import materials

# Public pages (helper "public"): materials for participants, changes by the clock -------------


@hooks.register("before_serve_document")
def participants_only_documents(document, request):
    """A material for participants only is served to people with a confirmed place in a
    session of its module and to staff who may edit the module; others get 404 (visitors are
    asked to log in)."""
    return materials.document_refusal(document, request)


@hooks.register(SCHEDULED_CHANGES_HOOK)
def scheduled_change(now):
    """Cached pages that show a session as open change when it begins or registration closes."""
    return selectors.next_scheduled_change(now=now)


# End of the public pages' block ---------------------------------------------------------------
