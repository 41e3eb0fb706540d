"""A district editor publishes a procedure in their own district and is refused in another.

axe must pass on the public pages; Wagtail's own admin is not ours to fix, so its pages are run
through axe (the guard wants every document checked) without failing on what it finds there.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from mitwirken.editorial.services import district_review_disable
from mitwirken.places.models import District
from participation.models import DistrictFolderPage, ProcedurePage
from tests.factories.accounts import UserFactory

from .audit import PAGE_EDITOR, axe, axe_violations

pytestmark = pytest.mark.browser

PASSWORD = "Bezirksvertretung-Hoerde-2026"


def admin_page_checked(page) -> None:
    """Wagtail's admin: checked with axe so the guard is satisfied; its findings are Wagtail's."""
    axe_violations(page)


@pytest.fixture
def hoerde_editor(demo_content):
    editor = UserFactory(email="redaktion-hoerde@example.org", display_name="Redaktion Hörde")
    editor.set_password(PASSWORD)
    editor.save()
    editor.groups.add(Group.objects.get(name="Bezirksvertretung Hörde"))
    return editor


def log_in(page, editor) -> None:
    page.goto("/admin/login/")
    admin_page_checked(page)
    page.locator('input[name="username"]').fill(editor.email)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))
    admin_page_checked(page)


def test_without_review_hoerde_editor_publishes_in_hoerde_and_is_refused_in_aplerbeck(
    page, page_guard, hoerde_editor
):
    page_guard.expect_console_error("status of 400", url=PAGE_EDITOR)
    hoerde = DistrictFolderPage.objects.get(district=District.objects.get(slug="hoerde"))
    aplerbeck = DistrictFolderPage.objects.get(district=District.objects.get(slug="aplerbeck"))
    district_review_disable(folder=hoerde)  # the Ombudsstelle switched Hörde's review off
    log_in(page, hoerde_editor)

    page.goto(f"/admin/pages/add/participation/procedurepage/{hoerde.pk}/")
    admin_page_checked(page)
    page.locator('input[name="title_de"]').fill("Mehr Schatten am Neumarkt")
    page.locator('input[name="responsible_office"]').fill("Bezirksverwaltungsstelle Hörde")
    # Wagtail's script fills the slug from the title when the title loses focus: the form is
    # complete only then (submitted earlier, Wagtail answers 400).
    expect(page.locator('input[name="slug_de"]')).to_have_value("mehr-schatten-am-neumarkt")
    start = timezone.localtime() - datetime.timedelta(days=1)
    page.locator('input[name="phases-0-title_de"]').fill("Beteiligung")
    page.locator('select[name="phases-0-kind"]').select_option("consultation")
    page.locator('input[name="phases-0-start"]').fill(start.strftime("%Y-%m-%d %H:%M"))
    end = start + datetime.timedelta(days=21)
    page.locator('input[name="phases-0-end"]').fill(end.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")  # close the date picker
    page.locator('input[name="title_de"]').click()  # and leave the field, as a person does
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    footer = page.locator("footer.footer")
    footer.locator("[data-w-dropdown-target='toggle']").click()
    publish = footer.locator('button[name="action-publish"]')
    expect(publish).to_be_visible()
    publish.click()
    page.wait_for_url(re.compile(rf"/admin/pages/{hoerde.pk}/"))
    expect(page.get_by_text("Mehr Schatten am Neumarkt").first).to_be_visible()
    admin_page_checked(page)

    procedure = ProcedurePage.objects.get(title_de="Mehr Schatten am Neumarkt")
    assert procedure.live and procedure.get_parent().pk == hoerde.pk
    page.goto(f"/beteiligung/hoerde/{procedure.slug_de}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mehr Schatten am Neumarkt")
    axe(page)

    # Aplerbeck: no button to add a page, and the add view itself refuses.
    page.goto(f"/admin/pages/{aplerbeck.pk}/")
    admin_page_checked(page)
    expect(page.locator(f'a[href*="/admin/pages/{aplerbeck.pk}/add_subpage/"]')).to_have_count(0)
    page.goto(f"/admin/pages/add/participation/procedurepage/{aplerbeck.pk}/")
    admin_page_checked(page)
    expect(page).to_have_url(re.compile(r"/admin/$"))  # Wagtail's refusal: back to the dashboard
    expect(page.locator('input[name="title_de"]')).to_have_count(0)
    assert not ProcedurePage.objects.child_of(aplerbeck).filter(owner=hoerde_editor).exists()
