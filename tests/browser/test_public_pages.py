"""Every public page of the demo portal, German and English: axe, reflow at 320 px, valid HTML."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from .audit import (
    REFLOW_WIDTH,
    axe_violations,
    format_violations,
    horizontal_overflow,
    vnu_errors,
    wide_elements,
)

pytestmark = pytest.mark.browser

SEARCH_TERMS = {"de": "Beteiligung", "en": "participation"}
MISSING = {"de": "/gibt-es-nicht/", "en": "/en/does-not-exist/"}
VIEWS = [
    "search",
    "account_login",
    "account_signup",
    "account_reset_password",
    "notifications:subscribe",
]


def routes() -> set[str]:
    """Pages' own routes and answered forms: the comparison of three formats, the Wegweiser's
    A–Z index and its answers, the trainings filtered, a lesson, the check of a certificate,
    the report page of a proposal and of a comment, a proposal's own page, a procedure's
    proposals sorted and filtered, the page of a poll and the statement form of an open formal
    procedure, in the active language."""
    from participation.models import Comment, Poll, ProcedurePage, Proposal
    from toolkit.models import FormatPage, ToolkitIndexPage
    from training.models import Enrolment, TrainingIndexPage, TrainingModulePage
    from wegweiser.models import WegweiserPage

    toolkit, wegweiser = ToolkitIndexPage.objects.get(), WegweiserPage.objects.get()
    compared = "&".join(
        f"format={pk}"
        for pk in FormatPage.objects.live().order_by("pk").values_list("pk", flat=True)[:3]
    )
    finder = wegweiser.get_url()
    reported = [
        contribution.procedure.specific.get_url()
        + contribution.procedure.specific.reverse_subpage(
            "report_create", args=[contribution._meta.model_name, contribution.pk]
        )
        for contribution in (Proposal.objects.first(), Comment.objects.exclude(parent=None).first())
    ]
    proposal = Proposal.objects.filter(comments__isnull=False).first()
    procedure = proposal.procedure.specific
    poll = Poll.objects.select_related("procedure").order_by("pk").first()
    formal = next(
        procedure
        for procedure in ProcedurePage.objects.live().filter(kind="land_use").order_by("pk")
        if "allows_statements" in procedure.open_for()
    )
    trainings = TrainingIndexPage.objects.get()
    studied = next(module for module in TrainingModulePage.objects.live() if module.lessons)
    certified = Enrolment.objects.exclude(certificate_code=None).first()
    return {
        *reported,
        f"{trainings.get_url()}?audience=active&how=online&free=1",
        trainings.get_url() + trainings.reverse_subpage("certificate_check"),
        trainings.get_url()
        + trainings.reverse_subpage("certificate_check_code", args=[certified.certificate_code]),
        studied.get_url() + studied.reverse_subpage("lesson", args=[1]),
        procedure.get_url() + procedure.reverse_subpage("proposal_detail", args=[proposal.pk]),
        f"{procedure.get_url()}?sort=supports&status=in_review",
        poll.procedure.specific.get_url()
        + poll.procedure.specific.reverse_subpage("poll_vote", args=[poll.pk]),
        formal.get_url() + formal.reverse_subpage("statement_create"),
        f"{toolkit.get_url()}{toolkit.reverse_subpage('compare')}?{compared}",
        f"{toolkit.get_url()}?mode=digital&participants=30",
        f"{finder}{wegweiser.reverse_subpage('a_to_z')}",
        f"{finder}?intent=opinion&district=hoerde&how=either",
        f"{finder}?intent=complaint&district=gesamtstadt&how=online",
        f"{finder}?intent=atlantis&district=hoerde&how=either",
    }


def public_urls(sitemap_xml: str) -> dict[str, int]:
    """The path of every public page in both languages, with the status it must answer."""
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap_xml)}
    for language in ("de", "en"):
        with translation.override(language):
            paths |= {page.get_url() for page in Page.objects.live().public().filter(depth__gt=1)}
            paths |= {reverse(name) for name in VIEWS}
            paths |= routes()
            paths.add(f"{reverse('search')}?q={SEARCH_TERMS[language]}")
    urls = dict.fromkeys(sorted(paths), 200)
    urls.update(dict.fromkeys(MISSING.values(), 404))
    return urls


def test_every_public_page_passes_axe_and_reflows_at_320_px(page, page_guard):
    sitemap = page.request.get("/sitemap.xml")
    assert sitemap.ok
    urls = public_urls(sitemap.text())
    assert {"/", "/en/", "/barrierefreiheit/", "/en/accessibility/"} <= urls.keys()
    for url, status in urls.items():
        if status != 200:
            page_guard.expect_console_error(f"status of {status}", url=url)

    failures = []
    for url, status in urls.items():
        response = page.goto(url)
        if response.status != status:
            failures.append(f"{url}: status {response.status}, expected {status}")
        if violations := axe_violations(page):
            failures.append(f"{url}: axe found\n{format_violations(violations)}")
        if scroll_width := horizontal_overflow(page):
            failures.append(
                f"{url}: {scroll_width} px wide at {REFLOW_WIDTH} px, it scrolls sideways; "
                f"too wide: {', '.join(wide_elements(page))}"
            )
    assert not failures, f"{len(failures)} problems on {len(urls)} pages:\n" + "\n".join(failures)


def test_every_public_page_is_valid_html(client, demo_content):
    urls = public_urls(client.get("/sitemap.xml").content.decode())
    documents, failures = {}, []
    for url, status in urls.items():
        response = client.get(url)
        if response.status_code != status:
            failures.append(f"{url}: status {response.status_code}, expected {status}")
        documents[url] = response.content.decode()
    for url, errors in vnu_errors(documents).items():
        failures.append(f"{url}:\n" + "\n".join(f"    {error}" for error in errors))
    assert not failures, "The Nu HTML checker found errors:\n" + "\n".join(failures)
