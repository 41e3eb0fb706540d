"""The privacy notice in Chromium, German and English: axe finds nothing, and its processing
table stays readable at 320 px: each row a block, each value under its column's name, the page
never scrolling sideways."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from mitwirken.privacy.registry import processings
from tests.helpers import ui

from .audit import REFLOW_WIDTH, axe, horizontal_overflow, wide_elements

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "language"), [("/datenschutz/", "de"), ("/en/privacy/", "en")])
def test_the_privacy_notice_passes_axe_and_its_table_reads_at_320_px(page, path, language):
    rows = processings()
    page.goto(path)

    table = page.get_by_role("table", name=ui("Personal data on this portal", language))
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(1 + len(rows))
    with translation.override(language):
        expect(table.get_by_role("rowheader").first).to_have_text(str(rows[0].what))
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
    first = table.get_by_role("row").nth(1)
    expect(first.get_by_role("cell").first).to_be_visible()
    label = first.get_by_role("cell").first.evaluate(
        "(cell) => getComputedStyle(cell, '::before').content"
    )
    assert label == f'"{ui("Why", language)}: "'
    box = first.get_by_role("cell").last.bounding_box()
    assert box["x"] + box["width"] <= REFLOW_WIDTH  # beside nothing: one value under the other
    axe(page)
