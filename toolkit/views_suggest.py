"""Format vorschlagen: citizens suggest a format for the Instrumentenkoffer.

``ToolkitIndexPage.suggest_route`` (/instrumentenkoffer/vorschlagen/) calls ``format_suggest``.
Signed-in people with a confirmed address send the form; it is stored, the editors are told, and
the page comes back with a thank-you (post/redirect/get). Works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from mitwirken import limits

from . import services
from .forms_suggest import FormatSuggestionForm

TEMPLATE = "toolkit/format_suggest.html"


def _suggest_url(request, page) -> str:
    return page.get_url(request) + page.reverse_subpage("suggest")


def _breadcrumbs(page) -> list:
    """The home page down to the Instrumentenkoffer, linked; the form is the current step."""
    return list(page.get_ancestors(inclusive=True).filter(depth__gt=1).specific())


def _render(request, page, *, form=None, reason=None, status=200) -> TemplateResponse:
    context = {
        "page": page,
        "self": page,
        "form": form,
        "reason": reason,
        "suggest_url": _suggest_url(request, page),
        "toolkit_url": page.get_url(request),
        "breadcrumb_pages": _breadcrumbs(page),
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


def format_suggest(request, page):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    reason = services.can_suggest(request.user)
    if reason:
        return _render(
            request, page, reason=reason, status=403 if request.method == "POST" else 200
        )
    if request.method != "POST":
        return _render(request, page, form=FormatSuggestionForm())
    form = FormatSuggestionForm(request.POST)
    if form.is_valid():
        # Per person and per connection (settings.RATE_LIMITS["toolkit.suggest"]).
        if limits.exceeded(request, "toolkit.suggest"):
            form.add_error(None, limits.MESSAGE)
            return _render(request, page, form=form, status=429)
        try:
            services.suggestion_create(author=request.user, **form.suggestion_data())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you for your suggestion! The editorial team of the toolkit will "
                    "look at it and may add it as a new format."
                ),
            )
            return HttpResponseRedirect(_suggest_url(request, page))
    return _render(request, page, form=form)
