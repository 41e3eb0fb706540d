"""Images and documents per Bezirksvertretung: a district's editors see, edit, choose and upload
in their own collection only; the Ombudsstelle works in all of them."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission

from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP
from mitwirken.editorial.services import publishing_groups_ensure
from mitwirken.places.models import District
from tests.factories.pages import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("participation.migrations.0007_district_collections")

KINDS = {
    "documents": {
        "factory": DocumentFactory,
        "model": Document,
        "app": "wagtaildocs",
        "id": "document_id",
        "upload": lambda: SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n"),
    },
    "images": {
        "factory": ImageFactory,
        "model": Image,
        "app": "wagtailimages",
        "id": "image_id",
        "upload": lambda: SimpleUploadedFile("plan.png", get_test_image_file().file.getvalue()),
    },
}


def collection(district: str) -> Collection:
    return Collection.objects.get(name=f"Bezirksvertretung {district}")


@pytest.fixture(params=KINDS)
def kind(request):
    return KINDS[request.param]


@pytest.fixture
def files(kind):
    """One image or document in Hörde's collection, one in Aplerbeck's."""
    return {
        "hoerde": kind["factory"](title="Lageplan Hörde", collection=collection("Hörde")),
        "aplerbeck": kind["factory"](
            title="Lageplan Aplerbeck", collection=collection("Aplerbeck")
        ),
    }


def test_every_district_has_its_collection_and_its_group_permissions_there_only():
    root = Collection.get_first_root_node()
    for district in District.objects.all():
        name = f"Bezirksvertretung {district.name_de}"
        own = Collection.objects.get(name=name)
        assert own.get_parent() == root
        held = GroupCollectionPermission.objects.filter(group__name=name)
        assert set(held.values_list("collection__name", "permission__codename")) == {
            (name, codename)
            for codename in (
                "add_document",
                "change_document",
                "choose_document",
                "add_image",
                "change_image",
                "choose_image",
            )
        }
    ombudsstelle = GroupCollectionPermission.objects.filter(group__name=OMBUDSSTELLE_GROUP)
    assert set(ombudsstelle.values_list("collection", flat=True)) == {root.pk}
    assert ombudsstelle.count() == 6


def test_ensuring_again_changes_nothing_and_keeps_a_renamed_collection():
    hoerde = collection("Hörde")
    hoerde.name = "Hörde: Pläne und Fotos"
    hoerde.save()
    before = set(GroupCollectionPermission.objects.values_list("group", "collection", "permission"))

    publishing_groups_ensure()

    after = set(GroupCollectionPermission.objects.values_list("group", "collection", "permission"))
    assert after == before
    assert Collection.objects.count() == 13  # the root and twelve districts
    assert not Collection.objects.filter(name="Bezirksvertretung Hörde").exists()


def test_the_migration_takes_the_root_collection_from_the_districts_as_they_had_it_before():
    """Until the districts had collections, their groups could upload to and choose from the
    root collection, so from everyone's files; a collection staff share with them stays."""
    root = Collection.get_first_root_node()
    group = Group.objects.get(name="Bezirksvertretung Hörde")
    logos = root.add_child(name="Logos der Stadt")
    choose_image = Permission.objects.get(codename="choose_image")
    GroupCollectionPermission.objects.create(group=group, collection=root, permission=choose_image)
    GroupCollectionPermission.objects.create(group=group, collection=logos, permission=choose_image)

    migration.create_district_collections(apps, None)

    held = GroupCollectionPermission.objects.filter(group=group)
    assert set(held.values_list("collection__name", flat=True)) == {
        "Bezirksvertretung Hörde",
        "Logos der Stadt",
    }


def test_the_hoerde_editor_lists_only_hoerdes_files(client, district_editor, kind, files):
    client.force_login(district_editor)

    response = client.get(reverse(f"{kind['app']}:index"))

    assert response.status_code == 200
    assert "Lageplan Hörde" in response.text
    assert "Lageplan Aplerbeck" not in response.text


def test_the_hoerde_editor_chooses_only_from_hoerdes_files(client, district_editor, kind, files):
    client.force_login(district_editor)

    response = client.get(reverse(f"{kind['app']}_chooser:choose"))

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Lageplan Hörde" in html
    assert "Lageplan Aplerbeck" not in html


def test_the_hoerde_editor_cannot_open_aplerbecks_file(client, district_editor, kind, files):
    client.force_login(district_editor)
    own = reverse(f"{kind['app']}:edit", kwargs={kind["id"]: files["hoerde"].pk})
    other = reverse(f"{kind['app']}:edit", kwargs={kind["id"]: files["aplerbeck"].pk})

    assert client.get(own).status_code == 200
    response = client.get(other)

    # Wagtail's admin answers a refused permission with its dashboard and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    response = client.post(other, {"title": "Übernommen"})
    assert response.status_code == 302
    files["aplerbeck"].refresh_from_db()
    assert files["aplerbeck"].title == "Lageplan Aplerbeck"


def test_the_hoerde_editor_uploads_into_hoerdes_collection_only(client, district_editor, kind):
    client.force_login(district_editor)
    add_url = reverse(f"{kind['app']}:add")

    form = client.get(add_url)
    assert form.status_code == 200
    assert "Bezirksvertretung Aplerbeck" not in form.text
    assert "Root" not in form.text
    response = client.post(
        add_url,
        {"title": "Neuer Plan", "file": kind["upload"](), "collection": collection("Aplerbeck").pk},
    )

    assert response.status_code == 302
    uploaded = kind["model"].objects.get(title="Neuer Plan")
    assert uploaded.collection == collection("Hörde")


def test_the_ombudsstelle_lists_chooses_and_edits_every_districts_files(
    client, ombudsstelle, kind, files
):
    client.force_login(ombudsstelle)

    listing = client.get(reverse(f"{kind['app']}:index")).text
    chooser = client.get(reverse(f"{kind['app']}_chooser:choose")).json()["html"]
    form = client.get(reverse(f"{kind['app']}:add")).text
    edit = client.get(reverse(f"{kind['app']}:edit", kwargs={kind["id"]: files["aplerbeck"].pk}))

    for html in (listing, chooser):
        assert "Lageplan Hörde" in html
        assert "Lageplan Aplerbeck" in html
    assert "Bezirksvertretung Hörde" in form and "Bezirksvertretung Aplerbeck" in form
    assert edit.status_code == 200
