"""Chromium through Playwright against the live server, with the seeded demo portal.

Every browser test fails when its page asks another origin for anything, logs a console error,
throws, or violates the Content Security Policy, and when a document it loaded was never checked
with axe (see ``audit.axe``).
"""

import os
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.browser.audit import GUARDS, PageGuard, origin
from tests.browser.snapshot import DemoSnapshot

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every CSP violation (a refused script, style attribute, font...) as a console error for the guard.
# An init script runs through the DevTools protocol, so the page's CSP does not refuse it.
CSP_REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` (${event.sourceFile || document.URL}:${event.lineNumber})`);
});
"""


GUARD = pytest.StashKey[PageGuard]()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM} (sudo apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


SNAPSHOT = DemoSnapshot()


@pytest.fixture
def demo_content(wagtail_rows):
    """The demo portal of ``manage.py seed_demo``, on top of the rows that Wagtail's and our data
    migrations make (made again when a transactional test flushed them); seeded once per test
    process and put back from a copy after that (see ``snapshot``)."""
    from mitwirken.places.data import create_places
    from mitwirken.places.models import District, Topic

    if SNAPSHOT.taken and SNAPSHOT.usable():
        SNAPSHOT.restore()
        return
    create_places(District, Topic)
    call_command("seed_demo", stdout=StringIO())
    # The demo's own mails (sent when seeding) are not the test's: a test that counts what it
    # sent must find the same whether it seeded or a copy was put back.
    mail.outbox.clear()
    if SNAPSHOT.usable():
        SNAPSHOT.take()


@pytest.fixture
def demo_site(live_server, demo_content, settings):
    """The demo portal served by the live server; the default site points at its host and port
    and no BASE_URL comes before it (sitemap and absolute links use them)."""
    from wagtail.models import Site

    settings.BASE_URL = ""

    server = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=server.hostname, port=server.port)
    Site.clear_site_root_paths_cache()
    return live_server


@pytest.fixture
def page(request, browser, demo_site):
    """A fresh browser context per test, guarded (see ``PageGuard``), with German as the
    browser's language."""
    guard = PageGuard(origin=origin(demo_site.url))
    request.node.stash[GUARD] = guard
    context = browser.new_context(
        base_url=demo_site.url, locale="de-DE", viewport={"width": 1280, "height": 800}
    )

    def only_the_live_server(route):
        if origin(route.request.url) == guard.origin:
            route.continue_()
        else:
            guard.foreign_requests.append(route.request.url)
            route.abort("blockedbyclient")

    # Every request passes here (which turns Chromium's HTTP cache off: each page loads its
    # stylesheets and fonts again, as on a first visit).
    context.route("**/*", only_the_live_server)
    context.add_init_script(script=CSP_REPORTER)
    page = context.new_page()
    GUARDS[page] = guard
    page.set_default_timeout(10_000)
    page.on("console", guard.on_console)
    page.on("pageerror", lambda error: guard.console_errors.append(f"uncaught {error}"))
    page.on("load", guard.on_load)
    yield page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself (not its teardown) when the page misbehaved."""
    try:
        result = yield
    finally:
        guard = item.stash.get(GUARD, None)
        problems = guard.problems() if guard else []
        if problems:
            item.add_report_section("call", "browser", "\n".join(problems))
    if problems:
        pytest.fail("The page misbehaved:\n" + "\n".join(f"- {p}" for p in problems))
    return result


@pytest.fixture
def page_guard(page) -> PageGuard:
    """The guard of this test's page, to allow an expected console error."""
    return GUARDS[page]
