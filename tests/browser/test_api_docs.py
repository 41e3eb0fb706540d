"""The API's documentation page in Chromium, German and English: axe finds nothing at 1280 and
320 px, the page never scrolls sideways, and every endpoint has its section."""

import pytest
from playwright.sync_api import expect

from tests.helpers import ui

from .audit import REFLOW_WIDTH, axe, horizontal_overflow, wide_elements

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "language"), [("/api/v1/docs/", "de"), ("/en/api/v1/docs/", "en")]
)
def test_the_api_documentation_passes_axe_and_reads_at_320_px(page, path, language):
    page.goto(path)

    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Open data API", language))
    expect(
        page.get_by_role("heading", name="/api/v1/procedures/", exact=False).first
    ).to_be_visible()
    expect(page.get_by_role("link", name="/api/v1/schema/")).to_be_visible()
    axe(page)

    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
    assert horizontal_overflow(page) is None, wide_elements(page)
    axe(page)
