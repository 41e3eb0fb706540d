"""Our admin stylesheet (static/css/admin.css) gives wagtail-modeltranslation's locale picker
colours that reach WCAG 2.1 AA: text against its background at least 4.5:1 in every state
(its own CSS has white on #43b1b0, 2.58:1), a visible focus outline, and selectors that outweigh
its stylesheet, which loads after ours."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent.parent
OURS = ROOT / "static" / "css" / "admin.css"
PICKER = "locale-toggle"
AA_TEXT = 4.5


def rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """``(selector, declarations)`` of each rule, one per selector of a selector list; at-rules'
    own rules included."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@[^{;]+\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}", r"\1", css)
    found = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip().lower()] = value.strip().lower()
        for selector in selectors.split(","):
            found.append((" ".join(selector.split()), declarations))
    return found


def picker_rules(path) -> list[tuple[str, dict[str, str]]]:
    return [
        (selector, body) for selector, body in rules(Path(path).read_text()) if PICKER in selector
    ]


def channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rgb`` or ``#rrggbb``."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted([luminance(one), luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#fff", "#fff") == pytest.approx(1)
    assert contrast("#ffffff", "#43b1b0") == pytest.approx(2.58, abs=0.01)  # why we override


def test_every_state_of_the_locale_picker_declares_colours_that_reach_aa():
    coloured = [
        (s, body) for s, body in picker_rules(OURS) if {"color", "background-color"} & set(body)
    ]
    states = {selector.split("button.locale-toggle", 1)[1] for selector, _body in coloured}
    assert states >= {"", ":hover", ".showing-locale", ".showing-locale:hover", ":active"}
    for selector, body in coloured:
        foreground, background = body.get("color"), body.get("background-color")
        assert foreground and background, f"{selector} sets one colour without the other"
        ratio = contrast(foreground, background)
        assert ratio >= AA_TEXT, f"{selector}: {foreground} on {background} is {ratio:.2f}:1"


def test_the_locale_picker_shows_where_the_keyboard_is():
    """Its own CSS removes the outline; ours draws one when the keyboard focuses a button."""
    [(_selector, focus)] = [
        (selector, body)
        for selector, body in picker_rules(OURS)
        if selector.endswith(":focus-visible")
    ]
    assert focus["outline"].startswith("3px solid")


def test_our_rules_outweigh_the_pickers_own_stylesheet():
    """It is linked after ours, so each of its selectors must meet one of ours that is the same
    with ``body`` in front (one element more)."""
    theirs = {
        selector
        for selector, _body in picker_rules(
            finders.find("wagtail_modeltranslation/css/language_toggles.css")
        )
    }
    ours = {selector for selector, _body in picker_rules(OURS)}
    assert theirs
    assert {f"body {selector}" for selector in theirs} <= ours


@pytest.mark.django_db
def test_every_admin_page_links_our_stylesheet(client, ombudsstelle):
    client.force_login(ombudsstelle)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<link rel="stylesheet" href="/static/css/admin.css">' in html
