"""The visual check: the main pages of the demo portal at 320, 375 and 1280 px (home, the list
of procedures, a procedure, the Instrumentenkoffer, a format, a comparison of formats).

Each page is loaded once (at 320 px, where axe checks it) and then looked at in each width: a
full-page screenshot is saved (``VISUAL_ARTIFACTS``, by default ``test-results/visual/``, for a
person to look at, and for CI to keep), and the test fails on what a person would see broken:

- the document scrolls sideways;
- text sticks out of its box: buttons, labels, summaries, links styled as buttons, badges;
- interactive elements overlap (visible links, buttons, fields, selects and summaries);

and on layout the portal promises: a header of one row on a phone, its menu closed there and
opened without JavaScript; the main navigation and the filters open on a wide screen; the
signed-in header on one row at 1280 px; editors' rich text at body size, Leichte Sprache at
least at body size with generous line spacing.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Count
from django.test import Client
from playwright.sync_api import expect

from tests.helpers import ui

from .audit import axe

pytestmark = pytest.mark.browser

WIDTHS = (320, 375, 1280)
PHONE = 375
ARTIFACTS = Path(
    os.environ.get("VISUAL_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-results/visual")
)
#: A phone's header holds the brand and the menu button: two lines of brand at most.
PHONE_HEADER_MAX_HEIGHT = 80

#: What the page shows broken, found in the browser. Each finding names the element.
FIND_PROBLEMS = """() => {
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    const classes = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes}>`
      + (text ? ` "${text.slice(0, 40).replace(/\\s+/g, " ")}"` : "");
  };
  const shown = (el) => el.checkVisibility({
    contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true,
  });
  const problems = [];

  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`the document scrolls sideways: ${root.scrollWidth} px wide`);
  }

  // Text wider than its box. An inline element has no box of its own: its block has.
  const boxed = "button, summary, label, .kern-btn, .kern-badge, .kern-label, .kern-tag";
  const seen = new Set();
  for (const el of document.querySelectorAll(boxed)) {
    if (!shown(el)) continue;
    let box = el;
    while (box && getComputedStyle(box).display === "inline") box = box.parentElement;
    if (!box || seen.has(box)) continue;
    seen.add(box);
    if (box.scrollWidth > box.clientWidth + 1) {
      problems.push(`text sticks out of ${describe(box)}: `
        + `${box.scrollWidth} px of text in ${box.clientWidth} px`);
    }
  }

  // Interactive elements whose boxes intersect. A link that wraps has a box per line.
  const interactive = [...document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary"
  )].filter((el) => shown(el) && !el.closest(".kern-sr-only"));
  const boxes = interactive.flatMap((el) => [...el.getClientRects()]
    .filter((rect) => rect.width > 2 && rect.height > 2)
    .map((rect) => ({el, rect})));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (width > 1 && height > 1) {
        problems.push(`${describe(a.el)} and ${describe(b.el)} overlap`
          + ` (${Math.round(width)}×${Math.round(height)} px)`);
      }
    }
  }
  return problems;
}"""

#: The boxes of the header's first row, which share one line when the row does not wrap.
HEADER_ROW = """() => [
  ".site-header__brand", ".site-languages", ".site-search", ".site-account",
].map((selector) => {
  const rect = document.querySelector(selector).getBoundingClientRect();
  return {selector, top: rect.top, bottom: rect.bottom};
})"""

BODY_TEXT = "main .kern-body:not(.kern-body--large, .kern-body--small)"

#: Font size and line height of the first element that ``selector`` finds, in px.
TYPE_OF = """(selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return {size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight)};
}"""


def demo_pages() -> dict[str, str]:
    """The pages looked at, by name: home, the list of procedures, the procedure with the most
    proposals, the Instrumentenkoffer, a format with a counterpart, and a comparison of four
    formats (a wide table)."""
    from participation.models import ProcedureIndexPage, ProcedurePage, Proposal
    from toolkit.models import FormatPage, ToolkitIndexPage

    busiest = (
        Proposal.objects.values("procedure")
        .annotate(count=Count("pk"))
        .order_by("-count", "procedure")
        .first()["procedure"]
    )
    toolkit = ToolkitIndexPage.objects.get()
    four = FormatPage.objects.live().order_by("path").values_list("pk", flat=True)[:4]
    return {
        "home": "/",
        "procedures": ProcedureIndexPage.objects.get().url,
        "procedure": ProcedurePage.objects.get(pk=busiest).url,
        "toolkit": toolkit.url,
        "format": FormatPage.objects.live().exclude(counterpart=None).order_by("path").first().url,
        "comparison": f"{toolkit.url}{toolkit.reverse_subpage('compare')}?"
        + "&".join(f"format={pk}" for pk in four),
    }


def look(page, name: str, width: int) -> list[str]:
    """Screenshot the page as it is now and list what looks broken."""
    page.set_viewport_size({"width": width, "height": 800})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
    return [f"{name} at {width} px: {problem}" for problem in page.evaluate(FIND_PROBLEMS)]


def header_row_wraps(page) -> list[str]:
    rows = page.evaluate(HEADER_ROW)
    if max(box["top"] for box in rows) < min(box["bottom"] for box in rows):
        return []
    return [f"{box['selector']}: {box['top']:.0f}–{box['bottom']:.0f} px" for box in rows]


def sign_in(page, base_url: str) -> str:
    """Sign in the demo account with the longest name (the widest header), through a session
    cookie: no login page to load. Returns the name."""
    from mitwirken.accounts.models import User

    person = max(User.objects.filter(is_active=True), key=lambda user: len(user.display_name))
    client = Client()
    client.force_login(person, backend=settings.AUTHENTICATION_BACKENDS[0])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}]
    )
    return person.display_name


def test_the_main_pages_look_right_at_320_375_and_1280_px(page, demo_site):
    problems = []
    main_navigation = page.get_by_role("navigation", name=ui("Main navigation"))
    menu = page.locator("summary.site-menu__toggle")
    filters = page.locator("summary.site-filter__toggle")

    for name, url in demo_pages().items():
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(url)
        axe(page)
        for width in WIDTHS:
            problems += look(page, name, width)
            if width <= PHONE:
                expect(menu).to_be_visible()
                expect(main_navigation).to_be_hidden()
                height = page.get_by_role("banner").bounding_box()["height"]
                if height > PHONE_HEADER_MAX_HEIGHT:
                    problems.append(f"{name} at {width} px: the header is {height:.0f} px tall")
            else:
                expect(menu).to_be_hidden()
                expect(main_navigation).to_be_visible()
                if wrapped := header_row_wraps(page):
                    problems.append(f"{name} at {width} px: the header wraps: {wrapped}")
            if filters.count():
                # Closed behind "Filters" on a phone, open on a wide screen.
                submit = page.locator(".site-filter__form button[type=submit]")
                if width <= PHONE:
                    expect(filters).to_be_visible()
                    expect(submit).to_be_hidden()
                else:
                    expect(filters).to_be_hidden()
                    expect(submit).to_be_visible()
            if name == "comparison" and width <= PHONE:
                expect(page.get_by_text(ui("Scroll sideways to see all columns."))).to_be_visible()

        if name == "home":
            # The menu opens without JavaScript (a <details>), and closes again.
            page.set_viewport_size({"width": PHONE, "height": 800})
            menu.click()
            expect(main_navigation).to_be_visible()
            # The search field has a visible label.
            expect(page.get_by_role("searchbox", name=ui("Search the portal"))).to_be_visible()
            expect(page.locator("label", has_text=ui("Search the portal"))).to_be_visible()
            problems += [f"home with the menu open: {p}" for p in page.evaluate(FIND_PROBLEMS)]
            page.screenshot(path=ARTIFACTS / f"home-menu-{PHONE}.png", full_page=True)
            menu.click()
            expect(main_navigation).to_be_hidden()
        if name == "procedures":
            # Editors' rich text (the intro) at the size of body text.
            rich = page.evaluate(TYPE_OF, ".rich-text p")
            assert rich["size"] == page.evaluate(TYPE_OF, BODY_TEXT)["size"], rich
        if name == "toolkit":
            easy = page.evaluate(TYPE_OF, ".easy-language .kern-body")
            body = page.evaluate(TYPE_OF, BODY_TEXT)
            assert easy["size"] >= body["size"] and easy["lineHeight"] >= 1.5 * easy["size"], easy

    name = sign_in(page, demo_site.url)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    axe(page)
    expect(page.get_by_role("navigation", name=ui("Your account"))).to_contain_text(name)
    problems += look(page, "home-signed-in", 1280)
    if wrapped := header_row_wraps(page):
        problems.append(f"the signed-in header wraps at 1280 px: {wrapped}")

    assert not problems, f"{len(problems)} problems (screenshots in {ARTIFACTS}):\n" + "\n".join(
        problems
    )
