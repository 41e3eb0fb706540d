"""Editors can open the add and edit forms of every page type of the toolkit and the Wegweiser
in Wagtail's admin (a panel naming a missing field would fail here, not in front of an editor)."""

import pytest
from django.urls import reverse

from mitwirken.places.models import District
from tests.factories.toolkit import FormatPageFactory, PlatformPageFactory
from tests.factories.wegweiser import DistrictHubPageFactory, OfferingPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, ombudsstelle):
    """The Ombudsstelle, who edits the Instrumentenkoffer, the Wegweiser and the hubs."""
    client.force_login(ombudsstelle)
    return client


def test_every_new_page_type_opens_in_the_editor(editor, home_page):
    pages = [
        FormatPageFactory(),
        PlatformPageFactory(),
        OfferingPageFactory(intents=["opinion"]),
        DistrictHubPageFactory(district=District.objects.get(slug="hoerde")),
    ]
    for page in pages:
        page.refresh_from_db()
        edit = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200, page
        parent = page.get_parent()
        model = page.specific_class._meta
        add = editor.get(
            reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk])
        )
        assert add.status_code == 200, model.model_name
    for parent in {page.get_parent().specific for page in pages}:
        edit = editor.get(reverse("wagtailadmin_pages:edit", args=[parent.pk]))
        assert edit.status_code == 200, parent
