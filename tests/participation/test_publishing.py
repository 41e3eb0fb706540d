"""District publishing: a Bezirksvertretung adds, edits and publishes in its own folder only, and
the Ombudsstelle's review can be switched on for a district."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP, district_group_name
from mitwirken.editorial.services import (
    REVIEW_WORKFLOW,
    district_permissions_grant,
    district_review_disable,
    district_review_enable,
    ombudsstelle_permissions_grant,
    publishing_setup,
)
from mitwirken.places.models import District
from participation.models import DistrictFolderPage, ProcedurePage
from tests.factories.pages import HomePageFactory
from tests.factories.participation import (
    DistrictFolderPageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
)

pytestmark = pytest.mark.django_db


def district(slug: str) -> District:
    return District.objects.get(slug=slug)


@pytest.fixture
def folders():
    """The Beteiligung with the folders of Hörde, Aplerbeck and Gesamtstadt, permissions granted
    (the data migration and the folder's post_save do this in the portal)."""
    HomePageFactory()
    index = ProcedureIndexPageFactory()
    result = {
        "hoerde": DistrictFolderPageFactory(district=district("hoerde")),
        "aplerbeck": DistrictFolderPageFactory(district=district("aplerbeck")),
        "gesamtstadt": DistrictFolderPageFactory(district=None),
    }
    publishing_setup()
    ombudsstelle_permissions_grant(page=index)
    for folder in result.values():
        district_permissions_grant(folder=folder)
    return result


def test_the_migration_made_a_group_per_district_the_ombudsstelle_and_the_review_workflow():
    names = set(Group.objects.values_list("name", flat=True))
    assert {f"Bezirksvertretung {d.name_de}" for d in District.objects.all()} <= names
    assert len([name for name in names if name.startswith("Bezirksvertretung ")]) == 12
    assert OMBUDSSTELLE_GROUP in names
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    [task] = [task.specific for task in workflow.tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == [OMBUDSSTELLE_GROUP]
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()  # switched on per district
    assert (
        Group.objects.get(name="Bezirksvertretung Hörde")
        .permissions.filter(codename="access_admin")
        .exists()
    )


def test_a_new_district_folder_gets_its_permissions_and_the_review_when_it_is_saved():
    HomePageFactory()
    folder = DistrictFolderPageFactory(district=district("mengede"))

    group_permissions = GroupPagePermission.objects.filter(page=folder)
    assert set(group_permissions.values_list("group__name", "permission__codename")) == {
        ("Bezirksvertretung Mengede", "add_page"),
        ("Bezirksvertretung Mengede", "change_page"),
    }
    assert WorkflowPage.objects.get(page=folder).workflow.name == REVIEW_WORKFLOW


def test_the_city_wide_folder_has_no_review_and_no_district_group():
    HomePageFactory()
    folder = DistrictFolderPageFactory(district=None)

    assert not WorkflowPage.objects.filter(page=folder).exists()
    assert not GroupPagePermission.objects.filter(
        page=folder, group__name__startswith="Bezirksvertretung"
    ).exists()


def test_granting_again_changes_nothing_and_a_moved_folder_changes_hands(folders):
    folder = folders["hoerde"]
    before = GroupPagePermission.objects.count()
    district_permissions_grant(folder=folder)
    assert GroupPagePermission.objects.count() == before

    folder.district = district("mengede")
    district_permissions_grant(folder=folder)
    groups = set(
        GroupPagePermission.objects.filter(page=folder).values_list("group__name", flat=True)
    )
    assert groups == {"Bezirksvertretung Mengede"}


def test_permission_api_hoerde_editor_works_in_hoerde_only(folders, district_editor):
    hoerde = folders["hoerde"].permissions_for_user(district_editor)
    assert hoerde.can_add_subpage() and not hoerde.can_publish_subpage()  # review by default
    procedure = ProcedurePageFactory(parent=folders["hoerde"])
    own = procedure.permissions_for_user(district_editor)
    assert own.can_edit() and not own.can_publish()

    for name in ("aplerbeck", "gesamtstadt"):
        folder = folders[name]
        assert not folder.permissions_for_user(district_editor).can_add_subpage()
        other = ProcedurePageFactory(parent=folder).permissions_for_user(district_editor)
        assert not other.can_edit()
        assert not other.can_publish()
    index = folders["hoerde"].get_parent()
    assert not index.permissions_for_user(district_editor).can_add_subpage()


def test_permission_api_the_ombudsstelle_works_everywhere(folders, ombudsstelle):
    for folder in folders.values():
        assert folder.permissions_for_user(ombudsstelle).can_add_subpage()
        procedure = ProcedurePageFactory(parent=folder)
        assert procedure.permissions_for_user(ombudsstelle).can_publish()


# Through the admin views -----------------------------------------------------------------------


def add_url(folder) -> str:
    return reverse("wagtailadmin_pages:add", args=["participation", "procedurepage", folder.pk])


def procedure_form(title: str, slug: str, **extra) -> dict:
    """What the admin's add and edit forms of a procedure send."""
    start = timezone.localtime() - datetime.timedelta(days=1)
    end = start + datetime.timedelta(days=30)
    return nested_form_data(
        {
            "title_de": title,
            "title_en": "",
            "slug_de": slug,
            "slug_en": "",
            "summary_de": "Worum es geht.",
            "body_de": streamfield([]),
            "body_en": streamfield([]),
            "results_de": rich_text(""),
            "results_en": rich_text(""),
            "contribution_outcome_de": rich_text(""),
            "contribution_outcome_en": rich_text(""),
            "kind": "informal",
            "mode": "hybrid",
            "responsible_office": "Bezirksverwaltungsstelle Hörde",
            "retention_months": 24,
            "procedure_districts": inline_formset([]),
            "council_steps": inline_formset([]),
            "documents": inline_formset([]),
            "phases": inline_formset(
                [
                    {
                        "title_de": "Beteiligung",
                        "kind": "consultation",
                        "start": start.strftime("%Y-%m-%d %H:%M"),
                        "end": end.strftime("%Y-%m-%d %H:%M"),
                        "allows_proposals": "on",
                    }
                ]
            ),
            **extra,
        }
    )


def test_without_review_hoerde_editor_creates_edits_and_publishes_in_hoerde(
    folders, district_editor, client
):
    client.force_login(district_editor)
    folder = folders["hoerde"]
    district_review_disable(folder=folder)  # the Ombudsstelle switched it off for Hörde

    assert client.get(add_url(folder)).status_code == 200
    response = client.post(
        add_url(folder),
        procedure_form("Spielplatz Hörde", "spielplatz-hoerde", **{"action-publish": "1"}),
    )
    assert response.status_code == 302, response.context["form"].errors
    procedure = ProcedurePage.objects.child_of(folder).get(slug_de="spielplatz-hoerde")
    assert procedure.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        procedure_form("Spielplätze in Hörde", "spielplatz-hoerde", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.title == "Spielplätze in Hörde"
    assert procedure.live and not procedure.has_unpublished_changes


@pytest.mark.parametrize("name", ["aplerbeck", "gesamtstadt"])
def test_hoerde_editor_can_neither_create_edit_nor_publish_elsewhere(
    folders, district_editor, client, name
):
    client.force_login(district_editor)
    folder = folders[name]
    procedure = ProcedurePageFactory(parent=folder, title="Fremdes Verfahren", slug="fremd")

    assert client.get(add_url(folder)).status_code == 302
    client.post(add_url(folder), procedure_form("Eingeschmuggelt", "eingeschmuggelt"))
    assert not ProcedurePage.objects.filter(slug_de="eingeschmuggelt").exists()

    edit_url = reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    assert client.get(edit_url).status_code == 302
    client.post(edit_url, procedure_form("Übernommen", "fremd", **{"action-publish": "1"}))
    procedure.refresh_from_db()
    assert procedure.title == "Fremdes Verfahren"
    assert procedure.latest_revision.content["title_de"] == "Fremdes Verfahren"

    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[procedure.pk])
    assert client.post(unpublish_url).status_code == 302
    procedure.refresh_from_db()
    assert procedure.live


def test_the_explorer_offers_no_add_button_in_another_district(folders, district_editor, client):
    client.force_login(district_editor)

    own = client.get(reverse("wagtailadmin_explore", args=[folders["hoerde"].pk]))
    other = client.get(reverse("wagtailadmin_explore", args=[folders["aplerbeck"].pk]))

    assert reverse("wagtailadmin_pages:add_subpage", args=[folders["hoerde"].pk]) in (
        own.content.decode()
    )
    assert reverse("wagtailadmin_pages:add_subpage", args=[folders["aplerbeck"].pk]) not in (
        other.content.decode()
    )


# The Ombudsstelle's review ---------------------------------------------------------------------


def test_review_turns_publishing_into_submitting(folders, district_editor, client):
    folder = folders["hoerde"]
    assert WorkflowPage.objects.get(page=folder).workflow.name == REVIEW_WORKFLOW
    permissions = folder.permissions_for_user(district_editor)
    assert permissions.can_add_subpage() and not permissions.can_publish_subpage()

    client.force_login(district_editor)
    response = client.post(
        add_url(folder), procedure_form("Bänke am See", "baenke", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    procedure = ProcedurePage.objects.get(slug_de="baenke")
    assert not procedure.live  # the publish button is gone; the request saved a draft

    edit_url = reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    response = client.post(
        edit_url, procedure_form("Bänke am See", "baenke", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    procedure.refresh_from_db()
    assert not procedure.live
    state = procedure.current_workflow_state
    assert state.workflow.name == REVIEW_WORKFLOW and state.status == state.STATUS_IN_PROGRESS


def test_the_ombudsstelle_approves_and_the_procedure_goes_live(
    folders, district_editor, ombudsstelle
):
    folder = folders["hoerde"]
    district_review_enable(folder=folder)
    procedure = ProcedurePageFactory(parent=folder, slug="zur-pruefung")
    procedure.save_revision(user=district_editor)
    procedure.unpublish()
    workflow = procedure.get_workflow()
    workflow.start(procedure, district_editor)
    task_state = procedure.current_workflow_task_state

    assert task_state.task.specific.user_can_access_editor(procedure, ombudsstelle)
    assert not task_state.task.specific.user_can_access_editor(procedure, district_editor)
    task_state.task.specific.on_action(task_state, ombudsstelle, "approve")

    procedure.refresh_from_db()
    assert procedure.live


def test_review_switched_off_gives_publishing_back(folders, district_editor):
    folder = folders["hoerde"]
    district_review_enable(folder=folder)
    district_review_disable(folder=folder)

    assert not WorkflowPage.objects.filter(page=folder).exists()
    assert folder.permissions_for_user(district_editor).can_publish_subpage()


def test_assigning_the_workflow_in_the_admin_also_withdraws_publishing(folders, district_editor):
    folder = folders["hoerde"]
    district_review_disable(folder=folder)
    WorkflowPage.objects.create(page=folder, workflow=Workflow.objects.get(name=REVIEW_WORKFLOW))

    assert not folder.permissions_for_user(district_editor).can_publish_subpage()


def test_group_names_use_the_german_district_name():
    assert district_group_name(district("luetgendortmund")) == "Bezirksvertretung Lütgendortmund"
    assert DistrictFolderPage.objects.count() == 0  # nothing made behind the test's back
