"""Every kind of public page of the demo portal answers a visitor without a cookie and without
``Vary: Cookie``, says a proxy may keep it, and comes from the page cache the second time
without a query."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from participation import selectors
from participation.models import Event, Poll, Statement
from toolkit.models import FormatPage, ToolkitIndexPage
from wegweiser.models import DistrictHubPage, WegweiserPage

pytestmark = pytest.mark.django_db


def route(page, name: str, *args) -> str:
    return page.get_url() + page.reverse_subpage(name, args=args)


def visitor_urls() -> dict[str, str]:
    """One page of every page type, and the routes and filtered lists visitors read."""
    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        urls.setdefault(type(page).__name__, page.get_url())
    open_procedures = selectors.procedures_open_by_deadline().values("pk")
    poll = Poll.objects.filter(procedure__in=open_procedures).select_related("procedure").first()
    poll.allow_anonymous = True  # a poll open to visitors: its form is on a page of its own
    poll.save()
    formal = Statement.objects.select_related("procedure").first().procedure.specific
    event = Event.objects.select_related("procedure").first()
    toolkit, wegweiser = ToolkitIndexPage.objects.get(), WegweiserPage.objects.get()
    formats = FormatPage.objects.live().order_by("pk").values_list("pk", flat=True)[:2]
    answers = "intent=opinion&district=hoerde&how=either"
    urls.update(
        {
            "open procedure with a poll open to visitors": poll.procedure.specific.get_url(),
            "formal procedure with statements": formal.get_url(),
            "district hub": DistrictHubPage.objects.live().first().get_url(),
            "procedures filtered": f"{urls['ProcedureIndexPage']}?status=open",
            "event in a calendar": route(event.procedure.specific, "event_ical", event.pk),
            "toolkit filtered": f"{toolkit.get_url()}?mode=digital&participants=30",
            "formats compared": route(toolkit, "compare")
            + "?"
            + "&".join(f"format={pk}" for pk in formats),
            "Wegweiser answered": f"{wegweiser.get_url()}?{answers}",
            "Wegweiser A to Z": route(wegweiser, "a_to_z"),
            "search": f"{reverse('search')}?q=Beteiligung",
        }
    )
    with translation.override("en"):
        urls["home in English"] = Page.objects.get(depth=2).get_url()
        urls["search in English"] = f"{reverse('search')}?q=participation"
    return urls


def test_every_kind_of_public_page_is_the_same_for_every_visitor(seeded, django_assert_num_queries):
    failures = []
    for name, url in visitor_urls().items():
        first = Client().get(url)
        problems = []
        if first.status_code != 200:
            problems.append(f"status {first.status_code}")
        if first.cookies:
            problems.append(f"sets cookies {sorted(first.cookies)}")
        if "cookie" in first.get("Vary", "").lower():
            problems.append(f"Vary: {first['Vary']}")
        if "public" not in first.get("Cache-Control", ""):
            problems.append(f"Cache-Control: {first.get('Cache-Control')}")
        if 'name="csrfmiddlewaretoken"' in first.content.decode(errors="replace"):
            problems.append("shows a CSRF token")
        try:
            with django_assert_num_queries(0):
                again = Client().get(url)
            if again.content != first.content:
                problems.append("the second visitor got another page")
        except pytest.fail.Exception:
            problems.append("not served from the cache the second time")
        if problems:
            failures.append(f"{name} ({url}): {', '.join(problems)}")
    assert failures == []


def test_the_open_procedure_sends_visitors_to_the_polls_page(seeded):
    urls = visitor_urls()
    poll = Poll.objects.get(allow_anonymous=True)

    html = Client().get(urls["open procedure with a poll open to visitors"]).content.decode()

    assert f'href="{route(poll.procedure.specific, "poll_vote", poll.pk)}"' in html
