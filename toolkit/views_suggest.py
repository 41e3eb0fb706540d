"""Format vorschlagen: citizens suggest a format for the Instrumentenkoffer.

``ToolkitIndexPage.suggest_route`` (/instrumentenkoffer/vorschlagen/) calls ``format_suggest``.
Signed-in people with a confirmed address send the form; it is stored, the editors are told, and
the page comes back with a thank-you (post/redirect/get). Works without JavaScript.
"""

import contextlib

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from . import services
from .forms_suggest import FormatSuggestionForm

TEMPLATE = "toolkit/format_suggest.html"
#: Suggestions one person, and one internet connection, may send per day.
SUGGESTIONS_PER_DAY = 3
DAY = 24 * 60 * 60


def _client_ip(request) -> str:
    """The client's address as allauth determines it (it knows the trusted proxies)."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _counter_keys(request) -> list[str]:
    """Today's counters of this person and of this address; the address only as a keyed hash."""
    today = timezone.localdate().isoformat()
    address = salted_hmac("toolkit.suggest.ip", _client_ip(request)).hexdigest()[:32]
    return [
        f"toolkit:suggest:{today}:user:{request.user.pk}",
        f"toolkit:suggest:{today}:ip:{address}",
    ]


def _within_rate_limit(request) -> bool:
    """Count this suggestion for the person and the address; ``False`` above the daily limit
    of either, and then the attempt does not count."""
    counted = []
    for key in _counter_keys(request):
        cache.add(key, 0, timeout=DAY)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=DAY)
            count = 1
        counted.append(key)
        if count > SUGGESTIONS_PER_DAY:
            for done in counted:
                with contextlib.suppress(ValueError):  # expired meanwhile
                    cache.decr(done)
            return False
    return True


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
        if not _within_rate_limit(request):
            form.add_error(
                None,
                _(
                    "You have already suggested %(count)s formats today. Thank you! Please send "
                    "further suggestions tomorrow."
                )
                % {"count": SUGGESTIONS_PER_DAY},
            )
        else:
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
