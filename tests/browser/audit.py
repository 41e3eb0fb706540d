"""Checks for the browser tests: the page guard, axe-core, reflow, the Nu HTML checker."""

import json
import re
import shutil
import subprocess
import tempfile
import weakref
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# WCAG 2.1 A and AA: what BITVNRW asks for through EN 301 549.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REFLOW_WIDTH = 320

#: Wagtail's page editor saves a draft on its own while someone types (autosave). It answers 400
#: to a form that is not complete yet, or that the button just clicked has overtaken, and Chromium
#: logs that as a console error; the tests assert what the clicked button did.
PAGE_EDITOR = re.compile(r"/admin/pages/(\d+/edit|add/\w+/\w+/\d+)/")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class PageGuard:
    """What the page did that a test must know about; filled by Playwright's events."""

    origin: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    expected_console_errors: list[tuple[re.Pattern, str | re.Pattern]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    audited: set[int] = field(default_factory=set)

    def expect_console_error(self, pattern: str, *, url: str | re.Pattern) -> None:
        """Allow a console error about ``url`` only, such as the status of a page that must be 404.
        ``url`` may be relative to the page's origin, or a pattern that the path matches in full
        (for a URL the test learns only later, such as the page an editor is creating)."""
        if not isinstance(url, re.Pattern):
            url = urljoin(self.origin, url)
        self.expected_console_errors.append((re.compile(pattern), url))

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        text, location = message.text, message.location.get("url", "")
        if any(
            pattern.search(text) and self._is(location, url)
            for pattern, url in self.expected_console_errors
        ):
            return
        self.console_errors.append(f"{text} (at {location or '?'})")

    def _is(self, location: str, url: str | re.Pattern) -> bool:
        if isinstance(url, re.Pattern):
            path = urlsplit(location).path
            return origin(location) == self.origin and url.fullmatch(path) is not None
        return location == url

    def on_load(self, page) -> None:
        if page.url.startswith(("http:", "https:")):
            self.documents.append(page.url)

    def problems(self) -> list[str]:
        problems = [f"request to another origin: {url}" for url in self.foreign_requests]
        problems += [f"console error: {text}" for text in self.console_errors]
        problems += [
            f"document not checked with axe: {url}"
            for number, url in enumerate(self.documents, start=1)
            if number not in self.audited
        ]
        return problems


# The guard of each open page, so that ``axe`` can mark the page's document as checked.
GUARDS: "weakref.WeakKeyDictionary[object, PageGuard]" = weakref.WeakKeyDictionary()

RUN_AXE = """({tags, allowed}) => axe.run(document, {
  runOnly: {type: "tag", values: tags},
  resultTypes: ["violations"],
  elementRef: true,
}).then((results) => results.violations.map((violation) => ({
  id: violation.id,
  impact: violation.impact,
  help: violation.help,
  // A finding that ``allowed`` expects inside the markup of someone else's component is left out
  // there, and only there.
  nodes: violation.nodes
    .filter((node) => !(allowed[violation.id] && node.element?.closest(allowed[violation.id])))
    .map((node) => ({target: node.target.join(" "), summary: node.failureSummary})),
})).filter((violation) => violation.nodes.length))"""

#: What axe finds in the markup of Wagtail's admin itself, which we cannot change: each rule id
#: with the CSS selector of the Wagtail component where its finding is Wagtail's, so that the same
#: finding anywhere else (in our templates, panels and CSS) still fails. docs/accessibility.md,
#: "Admin (Wagtail)", gives the reasons; a rule leaves this list when Wagtail fixes it.
WAGTAIL_FINDINGS = {
    # Draftail, the rich-text editor: its contenteditable textbox has no accessible name of its
    # own; the field's <label> names the hidden input that stores the value.
    "aria-input-field-name": ".Draftail-Editor",
    # The minimap beside long edit forms: while it is collapsed, Wagtail takes its links out of
    # the tab order, so its scrolling list has nothing to focus.
    "scrollable-region-focusable": ".w-minimap",
}


@cache
def _axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `npm ci`")
    # Evaluated through the DevTools protocol, which the page's CSP does not govern; a
    # <script> tag (page.add_script_tag) would be refused by script-src 'self'.
    return "() => {" + AXE_JS.read_text() + "\n}"


def axe_violations(page, *, allowed: dict[str, str] | None = None) -> list[dict]:
    """axe's WCAG 2.1 A/AA violations on the current document, and mark it as checked.

    ``allowed``: rule ids with the CSS selector of the component whose finding is not ours (see
    ``WAGTAIL_FINDINGS``); the rule's findings inside it are left out, elsewhere they count."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "allowed": allowed or {}})
    guard = GUARDS.get(page)
    if guard is not None:
        guard.audited.add(len(guard.documents))
    return violations


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def axe(page, *, allowed: dict[str, str] | None = None) -> None:
    """Fail with a readable list when axe finds a WCAG 2.1 A/AA violation on the page (but for
    the ``allowed`` findings, see ``axe_violations``)."""
    violations = axe_violations(page, allowed=allowed)
    if violations:
        pytest.fail(f"axe found violations on {page.url}:\n{format_violations(violations)}")


# Wagtail's admin fades its messages in: axe would measure the contrast of a colour on its way
# in. The animations and transitions of opacity and colour running now end before axe looks
# (not the badge that pings in the menu for 25 seconds: it animates a shadow).
SETTLE = """() => Promise.all(document.getAnimations()
  .filter((animation) => animation.effect?.getKeyframes().some((frame) =>
    ["opacity", "color", "backgroundColor"].some((property) => property in frame)))
  .map((animation) => animation.finished.catch(() => null)))"""


def axe_admin(page) -> None:
    """``axe`` on a page of Wagtail's admin, once what moves on it has come to rest: every
    finding fails but Wagtail's own (``WAGTAIL_FINDINGS``), our panels, views and admin CSS
    included."""
    page.wait_for_load_state("load")
    page.evaluate(SETTLE)
    axe(page, allowed=WAGTAIL_FINDINGS)


def horizontal_overflow(page, width: int = REFLOW_WIDTH) -> int | None:
    """The document's width at ``width`` CSS px when it scrolls sideways (WCAG 1.4.10), else None.

    The viewport is restored afterwards."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": width, "height": 640})
    try:
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        page.set_viewport_size(viewport)
    return scroll_width if scroll_width > width else None


def wide_elements(page, width: int = REFLOW_WIDTH) -> list[str]:
    """The elements that stick out at ``width`` px, to name them in a failure message."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": width, "height": 640})
    try:
        return page.evaluate(
            """(width) => [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .slice(0, 8)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}`
            + `${el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : ""}`
            + ` (right edge ${Math.round(el.getBoundingClientRect().right)}px)`)""",
            width,
        )
    finally:
        page.set_viewport_size(viewport)


def vnu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """Validate every HTML document in one run of the Nu HTML checker; errors per URL."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("The HTML check needs Java (sudo apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML checker is missing at {VNU_JAR}: run `npm ci`")
    with tempfile.TemporaryDirectory() as directory:
        files = {}
        for number, (url, html) in enumerate(documents.items()):
            path = Path(directory) / f"page-{number:03}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = url
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *sorted(files)],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
            cwd=directory,
        )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"The Nu HTML checker failed ({result.returncode}):\n{result.stderr}")
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        # "file:/tmp/.../page-007.html"; a "non-document-error" (unreadable file) counts too.
        source = message.get("url", "?")
        url = files.get(source.rsplit("/", 1)[-1], source)
        kind = "" if message.get("type") == "error" else f"{message.get('type')}: "
        extract = " ".join(message.get("extract", "").split())
        errors.setdefault(url, []).append(
            f"line {message.get('lastLine', '?')}: {kind}{message['message']}"
            + (f" [{extract}]" if extract else "")
        )
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        pytest.fail(f"The Nu HTML checker failed ({result.returncode}):\n{result.stderr}")
    return errors
