"""The Instrumentenkoffer's public pages: the filterable format list (the index page's context),
a format's page, the comparison of two to four formats, and the form to suggest a format.

Each function receives its page and is registered for the page's class with the page kit
(``page_context``, ``page_route``); listings come from ``selectors``. Sections that higher apps
add to a format page come through the ``toolkit_format_related`` hook, so the toolkit never
imports them.

Suggesting (/instrumentenkoffer/vorschlagen/): signed-in people with a confirmed address send
the form; it is stored, the editors are told, and the page comes back with a thank-you
(post/redirect/get).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from mitwirken import limits
from mitwirken.pages.kit import page_context, page_route, route_url
from mitwirken.pages.selectors import live_page_url
from mitwirken.web.messages import redirect_to_messages

from . import rules, selectors, services
from .forms import FormatCompareForm, FormatFilterForm, FormatSuggestionForm
from .models import FormatPage, PlatformIndexPage, ToolkitIndexPage
from .templatetags.toolkit_tags import group_size


def _label(field_name):
    return capfirst(FormatPage._meta.get_field(field_name).verbose_name)


def _text(field_name):
    return lambda format_page: getattr(format_page, field_name)


def _choice(field_name):
    return lambda format_page: getattr(format_page, f"get_{field_name}_display")()


#: The attributes of a format as (key, label, value of a format), in the order a reader
#: compares them. The page shows the summary above, and accessibility and data protection in
#: sections of their own; the comparison shows all of them.
ATTRIBUTES = [
    ("category", _label("category"), lambda format_page: format_page.category.name),
    ("summary", _label("summary"), _text("summary")),
    ("mode", _label("mode"), _choice("mode")),
    ("purpose", _label("purpose"), _choice("purpose")),
    ("openness", _label("openness"), _choice("openness")),
    ("recruitment", _label("recruitment"), _choice("recruitment")),
    ("participants", _("Participants"), group_size),
    ("duration", _label("duration"), _text("duration")),
    ("preparation_effort", _label("preparation_effort"), _choice("preparation_effort")),
    ("staff_effort", _label("staff_effort"), _choice("staff_effort")),
    ("cost_level", _label("cost_level"), _choice("cost_level")),
    ("facilitation", _label("facilitation"), _choice("facilitation")),
    ("equipment_participants", _label("equipment_participants"), _text("equipment_participants")),
    ("equipment_organisers", _label("equipment_organisers"), _text("equipment_organisers")),
    ("skills", _label("skills"), _text("skills")),
    ("target_groups", _label("target_groups"), _text("target_groups")),
    ("accessibility_notes", _label("accessibility_notes"), _text("accessibility_notes")),
    ("data_protection_notes", _label("data_protection_notes"), _text("data_protection_notes")),
]
NOT_IN_PAGE_LIST = {"summary", "accessibility_notes", "data_protection_notes"}


@page_context(ToolkitIndexPage)
def toolkit_index_context(request, page) -> dict:
    """The filter form, the categories with the number of matching formats, the matching
    formats (ordered for ``{% regroup %}`` by category; the page paginates them), and the links
    to the platforms, the comparison and the suggestion form. A fixed number of queries."""
    form = FormatFilterForm(request.GET or None)
    filters = form.filters()
    category = form.selected_category()
    matching = selectors.format_list(parent=page, **filters)
    formats = matching.filter(category=category) if category is not None else matching
    return {
        "filter_form": form,
        "filtered": bool(category is not None or any(value for value in filters.values())),
        "selected_category": category,
        "categories": selectors.categories_with_counts(matching),
        "formats": formats,
        "platform_index_url": live_page_url(request, PlatformIndexPage),
        "compare_url": route_url(page, "compare", request=request),
        "suggest_url": route_url(page, "suggest", request=request),
        # The categories, the filter and the list are the same for everyone: kept per filters.
        "listing_key": form.fragment_key(request),
    }


def _how_it_works_runs(stream) -> list[dict]:
    """The "how it works" blocks with consecutive steps gathered into one numbered list; the
    numbering goes on after a paragraph between steps (``start``)."""
    runs, number = [], 0
    for child in stream:
        is_step = child.block_type == "step"
        if is_step and runs and runs[-1]["steps"]:
            runs[-1]["blocks"].append(child)
        else:
            runs.append({"steps": is_step, "start": number + 1, "blocks": [child]})
        number += is_step
    return runs


def format_related_sections(request, page) -> list[tuple]:
    """Lists that higher apps add through the ``toolkit_format_related`` hook: each hook takes
    ``(page, request)`` and returns ``None`` or ``(heading, pages)``; empty lists are left out.
    A page may carry ``listing_note``, a line shown below its summary (a module's next date)."""
    related = [
        section
        for fn in hooks.get_hooks("toolkit_format_related")
        if (section := fn(page, request))
    ]
    sections = []
    for heading, pages in related:
        pages = list(pages)
        if pages:
            sections.append((heading, pages))
    return sections


@page_context(FormatPage)
def format_context(request, page) -> dict:
    """Everything a format's page shows besides its own fields."""
    return {
        "attributes": [
            (label, value)
            for key, label, get in ATTRIBUTES
            if key not in NOT_IN_PAGE_LIST and (value := get(page))
        ],
        "how_it_works": _how_it_works_runs(page.how_it_works),
        "examples": page.examples.all(),
        "platforms": selectors.format_platforms(page),
        "counterpart": selectors.format_counterpart(page),
        "alternatives": selectors.format_alternatives(page),
        "related_sections": format_related_sections(request, page),
    }


@page_route(ToolkitIndexPage, "vergleich/", name="compare")
def format_compare(request, page) -> TemplateResponse:
    """/instrumentenkoffer/vergleich/?format=<id>&format=<id>: a table of two to four formats,
    one column each. A bad choice (too few, too many, not numbers, unknown or unpublished,
    twice the same) gives the page with the reason and status 400."""
    form = FormatCompareForm(request.GET)
    context = {"page": page, "self": page, "form": form, "index_url": page.get_url(request)}
    if not form.is_valid():
        return TemplateResponse(request, "toolkit/format_compare.html", context, status=400)
    formats = form.cleaned_data["formats"]
    context["formats"] = formats
    context["rows"] = [
        (label, [get(format_page) for format_page in formats]) for _key, label, get in ATTRIBUTES
    ]
    return TemplateResponse(request, "toolkit/format_compare.html", context)


# Suggesting a format --------------------------------------------------------------------------

SUGGEST_TEMPLATE = "toolkit/format_suggest.html"


def _suggest_render(request, page, *, form=None, reason=None, status=200) -> TemplateResponse:
    context = {
        "page": page,
        "self": page,
        "form": form,
        "reason": reason,
        "suggest_url": route_url(page, "suggest", request=request),
        "toolkit_url": page.get_url(request),
    }
    return TemplateResponse(request, SUGGEST_TEMPLATE, context, status=status)


@page_route(ToolkitIndexPage, "vorschlagen/", name="suggest")
def format_suggest(request, page):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    reason = rules.can_suggest(request.user)
    if reason:
        return _suggest_render(
            request, page, reason=reason, status=403 if request.method == "POST" else 200
        )
    if request.method != "POST":
        return _suggest_render(request, page, form=FormatSuggestionForm())
    form = FormatSuggestionForm(request.POST)
    if form.is_valid():
        # Per person and per connection (settings.RATE_LIMITS["toolkit.suggest"]).
        if limits.exceeded(request, "toolkit.suggest"):
            form.add_error(None, limits.MESSAGE)
            return _suggest_render(request, page, form=form, status=429)
        try:
            services.suggestion_create(author=request.user, **form.suggestion_data())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                gettext(
                    "Thank you for your suggestion! The editorial team of the toolkit will "
                    "look at it and may add it as a new format."
                ),
            )
            return redirect_to_messages(route_url(page, "suggest", request=request))
    return _suggest_render(request, page, form=form)
