"""The open data page in Chromium, German and English: axe finds nothing at 1280 and 320 px,
and the data dictionary of each dataset is a table that scrolls inside its own region, so the
page never scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.helpers import ui

from .audit import REFLOW_WIDTH, axe, horizontal_overflow, wide_elements

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "language"), [("/offene-daten/", "de"), ("/en/open-data/", "en")])
def test_the_open_data_page_passes_axe_at_1280_and_320_px(page, path, language):
    page.goto(path)
    expect(page.get_by_role("heading", level=2, name=ui("Licence", language))).to_be_visible()
    expect(page.get_by_role("link", name=ui("Documentation of the API", language))).to_be_visible()
    expect(page.locator("table.open-data-fields").first).to_be_visible()
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)
