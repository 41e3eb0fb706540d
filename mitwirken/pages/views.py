"""The pages app's views: search, /healthz, the accessibility statement and its feedback, and
the home page's news section."""

import secrets
from itertools import groupby

from django.contrib import messages
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks

from mitwirken import limits
from mitwirken.web.links import absolute_url
from mitwirken.web.messages import redirect_to_messages
from mitwirken.web.page_cache import cacheable

from .forms import FeedbackForm, SearchForm
from .kit import page_context, paginate
from .models import AccessibilityStatementPage, NewsIndexPage
from .selectors import live_page_url, news_latest, page_search
from .services import feedback_create

RESULTS_PER_PAGE = 10
#: Apps add a line to their pages among the hits: each function registered under this name gets
#: the page of hits (specific pages) and may set ``listing_note`` on those of its types, in a
#: fixed number of queries (training: a module's next date).
SEARCH_RESULTS_HOOK = "search_results_annotate"
# Seconds /healthz waits for the broker (the cache waits its own socket timeout, shorter).
HEALTH_TIMEOUT = 1


@cacheable
@require_GET
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = page = None
    groups = []
    if query:
        results = page_search(query)
        page = paginate(request, results, RESULTS_PER_PAGE)
        for annotate in hooks.get_hooks(SEARCH_RESULTS_HOOK):
            annotate(page.object_list)
        # Group this page's hits by page type, keeping the order of the best hit of each type.
        hits = sorted(enumerate(page.object_list), key=lambda hit: hit[1].specific_class.__name__)
        by_type = [
            (key, list(items)) for key, items in groupby(hits, key=lambda h: h[1].specific_class)
        ]
        by_type.sort(key=lambda group: group[1][0][0])
        groups = [
            (cls._meta.verbose_name_plural, [hit for _, hit in items]) for cls, items in by_type
        ]
    return render(
        request,
        "pages/search.html",
        {"form": form, "query": query, "page_obj": page, "groups": groups},
    )


def _database_ok() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache_ok() -> None:
    """Write a random value and read it back. django-redis answers a miss when Redis is down
    (``IGNORE_EXCEPTIONS``), so its own client is asked first: that one raises, within the
    socket timeout of the cache settings."""
    from django.core.cache import caches
    from django_redis.cache import RedisCache

    cache = caches["default"]
    if isinstance(cache, RedisCache):
        cache.client.get_client(write=True).ping()
    value = secrets.token_hex(8)
    cache.set("healthz", value, 10)
    if cache.get("healthz") != value:
        raise RuntimeError("cache did not return the value it was given")


def _broker_ok() -> None:
    """One connection attempt, waiting at most ``HEALTH_TIMEOUT`` to connect and to read."""
    from mitwirken.celery import app

    if app.conf.task_always_eager:
        return
    options = {
        "socket_connect_timeout": HEALTH_TIMEOUT,
        "socket_timeout": HEALTH_TIMEOUT,
        "max_retries": 0,
    }
    with app.connection_for_write(
        connect_timeout=HEALTH_TIMEOUT, transport_options=options
    ) as conn:
        conn.ensure_connection(max_retries=0, timeout=HEALTH_TIMEOUT)


@never_cache
@require_GET
def healthz(request):
    """200 when database, cache and broker answer; 503 naming what failed."""
    checks = {"database": _database_ok, "cache": _cache_ok, "broker": _broker_ok}
    status = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            status[name] = "failed"
        else:
            status[name] = "ok"
    failed = [name for name, value in status.items() if value != "ok"]
    return JsonResponse(
        {"status": "failed" if failed else "ok", "failed": failed, "checks": status},
        status=503 if failed else 200,
    )


def _statement_response(request, page, form, *, status: int = 200) -> TemplateResponse:
    context = {**page.get_context(request), "form": form}
    return TemplateResponse(request, page.get_template(request), context, status=status)


@page_context(AccessibilityStatementPage)
def accessibility_statement_context(request, page) -> dict:
    """The statement's feedback form, which is sent to ``accessibility_feedback``."""
    return {"form": FeedbackForm()}


# No CSRF token, so that the statement, which visitors get from the page cache, sets no cookie
# (docs/performance.md). A forged request could do no more than anyone can without it: send the
# Ombudsstelle a message, as a visitor without an account, in their name or none. It acts for
# no account and changes nothing of whoever's browser sends it; the honeypot and the limit per
# client (RATE_LIMITS["pages.feedback"]) stay.
@csrf_exempt
@require_POST
def accessibility_feedback(request):
    """Feedback on barriers, sent from the accessibility statement's form: a thank-you there,
    or the statement again with the form's errors."""
    page = AccessibilityStatementPage.objects.live().public().first()
    if page is None:
        raise Http404
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _statement_response(request, page, form)
    if limits.exceeded(request, "pages.feedback"):
        form.add_error(None, limits.MESSAGE)
        return _statement_response(request, page, form, status=429)
    page_url = page.get_url(request)
    feedback_create(
        message=form.cleaned_data["message"],
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        page_url=absolute_url(page_url),
    )
    messages.success(request, _("Thank you. Your message has been sent to the Ombudsstelle."))
    return redirect_to_messages(page_url)


def news_section(request, page) -> str:
    """The home page's newest news items and a link to all of them ("" without news); one
    query and the kept URL of the news index."""
    news = news_latest()
    if not news:
        return ""
    return render_to_string(
        "pages/includes/home_news.html",
        {"news": news, "index_url": live_page_url(request, NewsIndexPage)},
        request=request,
    )
