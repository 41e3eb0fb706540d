import pytest
from django.utils import translation

from mitwirken.places.models import District, Topic

pytestmark = pytest.mark.django_db

SLUGS = [
    "innenstadt-west", "innenstadt-nord", "innenstadt-ost", "eving", "scharnhorst", "brackel",
    "aplerbeck", "hoerde", "hombruch", "luetgendortmund", "huckarde", "mengede",
]  # fmt: skip


def test_the_twelve_stadtbezirke_exist_in_order_with_their_figures():
    districts = list(District.objects.all())
    assert [d.slug for d in districts] == SLUGS
    hoerde = District.objects.get(slug="hoerde")
    assert (hoerde.name, hoerde.residents, hoerde.residents_as_of.year) == ("Hörde", 56547, 2021)
    assert hoerde.residents_source


def test_mengede_has_no_invented_figure():
    mengede = District.objects.get(slug="mengede")
    assert mengede.residents is None and mengede.residents_as_of is None


def test_topics_are_translated():
    topic = Topic.objects.get(slug="verkehr")
    with translation.override("en"):
        assert topic.name == "Transport and mobility"
    with translation.override("de"):
        assert topic.name == "Verkehr und Mobilität"


def test_staff_edit_districts_and_topics_as_wagtail_snippets(admin_client):
    hoerde = District.objects.get(slug="hoerde")
    listing = admin_client.get("/admin/snippets/places/district/")
    assert listing.status_code == 200
    assert "Hörde" in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/places/district/edit/{hoerde.pk}/")
    assert edit.status_code == 200
    assert 'name="residents"' in edit.content.decode()
    assert admin_client.get("/admin/snippets/places/topic/").status_code == 200
