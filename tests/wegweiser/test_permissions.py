"""Who edits what: the Ombudsstelle the Wegweiser, the Stadtbezirke and the Instrumentenkoffer;
each Bezirksvertretung the hub of its own district and no other."""

import pytest

from mitwirken.editorial.services import district_review_disable
from mitwirken.places.models import District
from tests.factories.toolkit import FormatPageFactory
from tests.factories.wegweiser import DistrictHubPageFactory, OfferingPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hubs(home_page):
    return {
        slug: DistrictHubPageFactory(district=District.objects.get(slug=slug))
        for slug in ("hoerde", "aplerbeck")
    }


def test_a_bezirksvertretung_edits_and_publishes_its_own_hub_only(hubs, district_editor):
    own = hubs["hoerde"].permissions_for_user(district_editor)
    assert own.can_edit() and not own.can_publish()  # reviewed by the Ombudsstelle by default
    district_review_disable(folder=hubs["hoerde"])
    editor = type(district_editor).objects.get(pk=district_editor.pk)  # permissions not cached
    assert hubs["hoerde"].permissions_for_user(editor).can_publish()
    other = hubs["aplerbeck"].permissions_for_user(district_editor)
    assert not other.can_edit() and not other.can_publish()
    assert not hubs["hoerde"].get_parent().permissions_for_user(district_editor).can_add_subpage()


def test_the_ombudsstelle_edits_the_wegweiser_hubs_and_toolkit(home_page, hubs, ombudsstelle):
    offering = OfferingPageFactory()
    format_page = FormatPageFactory()

    for page in (offering.get_parent(), hubs["aplerbeck"].get_parent(), format_page.get_parent()):
        permissions = page.permissions_for_user(ombudsstelle)
        assert permissions.can_add_subpage() and permissions.can_publish_subpage()
    assert offering.permissions_for_user(ombudsstelle).can_publish()
    assert hubs["aplerbeck"].permissions_for_user(ombudsstelle).can_edit()
    assert ombudsstelle.has_perms(["toolkit.add_formatcategory", "toolkit.change_formatcategory"])


def test_a_bezirksvertretung_may_not_edit_the_wegweiser(home_page, district_editor):
    offering = OfferingPageFactory()

    assert not offering.permissions_for_user(district_editor).can_edit()
    assert not offering.get_parent().permissions_for_user(district_editor).can_add_subpage()
