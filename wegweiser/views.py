"""The public side of the Wegweiser: the finder's context, the A–Z index, a district hub.

The page models call these (``WegweiserPage.get_context``, its ``a-z/`` route,
``DistrictHubPage.get_context``); the reads are in ``selectors``. Each makes a fixed number of
queries however many offerings, procedures or formats there are.
"""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils import timezone

from participation.models import ProcedureIndexPage
from toolkit.models import ToolkitIndexPage

from . import selectors
from .forms import finder_form
from .models import DistrictHubIndexPage, Intent, WegweiserPage


def _url(page_class, request, query: dict | None = None) -> str:
    """The URL of the live page of ``page_class`` (one query), with ``query``; "" if none."""
    page = page_class.objects.live().public().first()
    if page is None:
        return ""
    url = page.get_url(request)
    return f"{url}?{urlencode(query)}" if query else url


def a_to_z_url(page: WegweiserPage, request) -> str:
    return page.get_url(request) + page.reverse_subpage("a_to_z")


def _more_urls(request, page, groups, district) -> dict:
    """Where the rest of a capped group is listed; looked up only for groups that were cut."""
    cut = {group.key for group in groups if group.has_more}
    urls = {}
    if "procedures" in cut:
        urls["procedures"] = _url(
            ProcedureIndexPage, request, {"district": district.slug} if district else None
        )
    if cut & {"district-offerings", "city-offerings"}:
        urls["district-offerings"] = urls["city-offerings"] = a_to_z_url(page, request)
    if "formats" in cut:
        urls["formats"] = _url(ToolkitIndexPage, request)
    return urls


def finder_context(request, page: WegweiserPage) -> dict:
    """The three questions; once answered, the matching procedures, offerings and formats,
    each with the reason it matches, and the guide (Lotse) when nothing matches."""
    form, answered = finder_form(request.GET)
    context = {
        "form": form,
        "answered": answered,
        "a_to_z_url": a_to_z_url(page, request),
        "hubs_url": _url(DistrictHubIndexPage, request),
    }
    if not answered:
        return context
    answers = form.answers()
    groups = selectors.finder_matches(**answers, now=timezone.now())
    more_urls = _more_urls(request, page, groups, answers["district"])
    for group in groups:
        group.more_url = more_urls.get(group.key, "")
    total = sum(len(group.matches) for group in groups)
    guide = None
    if total == 0 and page.guide_id:
        guide = page.guide if page.guide.live else None
    context.update(
        {
            "groups": [group for group in groups if group.matches],
            "total": total,
            "answer_labels": form.answer_labels(),
            "complaint": answers["intent"] == Intent.Choices.COMPLAINT,
            "guide": guide,
        }
    )
    return context


def a_to_z(request, page: WegweiserPage) -> TemplateResponse:
    """Every offering and procedure, A to Z, with a letter navigation."""
    letters = selectors.a_to_z_letters()
    return TemplateResponse(
        request,
        "wegweiser/a_to_z.html",
        {
            "page": page,
            "self": page,
            "letters": letters,
            "navigation": selectors.letter_navigation(letters),
            "entry_count": sum(len(letter.entries) for letter in letters),
        },
    )


def district_hub_context(request, page) -> dict:
    """A district's Bezirksvertretung and sessions, procedures, offerings, events and news."""
    district = page.district
    contents = selectors.district_hub_contents(hub=page, now=timezone.now())
    return {
        "district": district,
        "hub": contents,
        "finder_url": _url(WegweiserPage, request, {"district": district.slug}),
        "procedures_url": _url(ProcedureIndexPage, request, {"district": district.slug}),
    }
