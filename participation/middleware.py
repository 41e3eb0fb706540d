"""What must be decided before anything reads a request's body."""

from django.http import HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from .models import ProcedurePage
from .views import statement_create, statement_refusal


class RulesBeforeUploadMiddleware:
    """A formal statement nobody may hand in is refused before its upload is received.

    Django's ``CsrfViewMiddleware`` reads ``request.POST`` of a POST, and for a multipart body
    that means receiving every file in it (in memory, above 2.5 MB in a temporary file). Placed
    before it, this asks the statement route's rule and limit first
    (``participation.views.statement_refusal``); a refusal changes nothing, so it needs no CSRF
    token. Every other request passes untouched; an allowed statement goes on to the CSRF check
    and the view as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or view_func is not wagtail_views.serve:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        route = Page.route_for_request(request, path)  # kept on the request: serve reuses it
        if route is None:
            return None
        page, args, kwargs = route
        if not isinstance(page, ProcedurePage):
            return None
        view = getattr(args[0], "__func__", None) if args else None  # the route's registered view
        if getattr(view, "__wrapped__", None) is not statement_create:
            return None
        # Wagtail's own checks first (a page behind a password or a login), as its serve does.
        for hook in hooks.get_hooks("before_serve_page"):
            result = hook(page, request, args, kwargs)
            if isinstance(result, HttpResponse):
                return result
        return statement_refusal(request, page)
