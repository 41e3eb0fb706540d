"""The editorial registry: what an app declares in its ``ready()`` is what the staff groups get,
granted by the editorial app alone."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP, TRAINER_GROUP
from mitwirken.editorial.registry import editorial_register, registry
from mitwirken.editorial.services import REVIEW_WORKFLOW, district_review_disable, roles_grant
from mitwirken.places.models import District
from tests.factories.accounts import UserFactory
from tests.factories.pages import StandardPageFactory
from tests.factories.wegweiser import DistrictHubPageFactory

pytestmark = pytest.mark.django_db

OMBUDSSTELLE_ACTIONS = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


@pytest.fixture
def register(monkeypatch):
    """``editorial_register`` for this test only: the registry is restored afterwards."""
    for name in (
        "ombudsstelle_pages",
        "ombudsstelle_snippets",
        "district_pages",
        "ombudsstelle_permissions",
        "district_permissions",
        "moderation_permissions",
        "trainer_permissions",
    ):
        monkeypatch.setattr(registry, name, set(getattr(registry, name)))
    return editorial_register


def held(page) -> set[tuple[str, str]]:
    return set(
        GroupPagePermission.objects.filter(page=page).values_list(
            "group__name", "permission__codename"
        )
    )


def test_each_app_registers_its_own_pages_and_snippets():
    assert registry.ombudsstelle_pages == {
        "pages.homepage",
        "participation.procedureindexpage",
        "participation.plannedprojectindexpage",
        "toolkit.toolkitindexpage",
        "wegweiser.wegweiserpage",
        "wegweiser.districthubindexpage",
        "training.trainingindexpage",
        "evaluation.evaluationindexpage",
    }
    assert registry.ombudsstelle_snippets == {
        "toolkit.formatcategory",
        "training.trainer",
        "evaluation.survey",
        "places.district",
        "places.topic",
    }
    assert registry.district_pages == {
        "participation.districtfolderpage",
        "wegweiser.districthubpage",
    }


def test_a_registered_page_type_gets_the_ombudsstelle_permissions_when_created(home_page, register):
    assert held(StandardPageFactory()) == set()  # not registered: nobody's but the superuser's

    register(ombudsstelle_pages=["pages.StandardPage"], ombudsstelle_snippets=["places.Topic"])
    page = StandardPageFactory()

    assert held(page) == {(OMBUDSSTELLE_GROUP, action) for action in OMBUDSSTELLE_ACTIONS}
    staff = UserFactory()
    staff.groups.add(Group.objects.get(name=OMBUDSSTELLE_GROUP))
    assert staff.has_perms(["places.add_topic", "places.change_topic", "places.delete_topic"])


def test_the_trainers_group_holds_what_an_app_registers_for_it(db, register):
    register(trainer_permissions=["places.view_topic"])
    roles_grant()

    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    assert trainer.has_perms(["wagtailadmin.access_admin", "places.view_topic"])
    assert not trainer.has_perm("places.change_topic")


def test_a_district_page_gets_its_district_groups_permissions_only_when_registered(
    home_page, register, monkeypatch
):
    hoerde = District.objects.get(slug="hoerde")
    monkeypatch.setattr(
        registry, "district_pages", registry.district_pages - {"wegweiser.districthubpage"}
    )
    assert held(DistrictHubPageFactory(district=hoerde)) == set()

    register(district_pages=["wegweiser.DistrictHubPage"])
    hub = DistrictHubPageFactory(district=District.objects.get(slug="aplerbeck"))

    assert held(hub) == {  # and no publish: a new district page is reviewed by default
        ("Bezirksvertretung Aplerbeck", "add_page"),
        ("Bezirksvertretung Aplerbeck", "change_page"),
    }
    assert WorkflowPage.objects.get(page=hub).workflow.name == REVIEW_WORKFLOW


def test_a_workflow_assigned_to_any_district_page_withdraws_publishing(home_page):
    hub = DistrictHubPageFactory(district=District.objects.get(slug="hoerde"))
    district_review_disable(folder=hub)  # review off: the group publishes
    assert ("Bezirksvertretung Hörde", "publish_page") in held(hub)

    WorkflowPage.objects.create(page=hub, workflow=Workflow.objects.get(name=REVIEW_WORKFLOW))

    assert ("Bezirksvertretung Hörde", "publish_page") not in held(hub)
    assert ("Bezirksvertretung Hörde", "change_page") in held(hub)


# No app grants another app's permissions --------------------------------------------------------


def _project_apps() -> dict:
    """The project's own apps by label (not those installed from packages)."""
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.label: config
        for config in apps.get_app_configs()
        if base in Path(config.path).parents and "site-packages" not in Path(config.path).parts
    }


def _named_apps(source: str) -> set[str]:
    """The labels of the apps whose models ``source`` names (``"toolkit.FormatCategory"``)."""
    labels = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        try:
            labels.add(apps.get_model(node.value)._meta.app_label)
        except (LookupError, ValueError):
            continue
    return labels


def _imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


@pytest.mark.parametrize("module", ["signals.py", "apps.py"])
def test_no_app_names_another_apps_models_in_its_receivers_or_registrations(module):
    project = _project_apps()
    for config in project.values():
        path = Path(config.path) / module
        if path.exists():
            others = _named_apps(path.read_text()) & set(project) - {config.label}
            assert not others, f"{config.name}/{module} names models of {others}"


def test_no_apps_receivers_import_another_app_but_the_editorial_base():
    project = _project_apps()
    for config in project.values():
        path = Path(config.path) / "signals.py"
        if not path.exists():
            continue
        imported = {
            module
            for module in _imported_modules(path.read_text())
            for other in project.values()
            if other not in (config, project["editorial"])
            and (module == other.name or module.startswith(f"{other.name}."))
        }
        assert not imported, f"{config.name}/signals.py imports {imported}"
