"""Materials of a module: a participants-only document is refused at Wagtail's own address
(``/documents/<id>/<name>``) to everyone without a confirmed place (``wagtail_hooks``)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from .. import selectors


def may_read(user, module) -> bool:
    """A confirmed place in one of the module's sessions, or the right to edit the module."""
    if not user.is_authenticated:
        return False
    return (
        selectors.has_confirmed_place(user, module) or module.permissions_for_user(user).can_edit()
    )


def document_refusal(document, request):
    """``None`` when ``request`` may have ``document``; else a redirect to the login page for
    visitors, and 404 for anyone signed in without a place."""
    modules = selectors.restricted_material_modules(document.pk)
    if not modules:
        return None
    if any(may_read(request.user, module) for module in modules):
        return None
    if not request.user.is_authenticated:
        response = redirect_to_login(request.get_full_path())
        add_never_cache_headers(response)
        return response
    raise Http404
