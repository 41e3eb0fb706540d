"""Vorhabenliste: the public list and its filter, the plan's rules, a plan becoming a procedure."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import rich_text

from mitwirken.editorial.services import district_permissions_grant, ombudsstelle_permissions_grant
from mitwirken.places.models import District, Topic
from participation.models import PlannedProjectPage, ProcedurePage
from participation.services.plans import procedure_from_plan
from tests.factories.accounts import UserFactory
from tests.factories.pages import HomePageFactory
from tests.factories.participation import (
    DistrictFolderPageFactory,
    PlannedProjectIndexPageFactory,
    PlannedProjectPageFactory,
)
from tests.helpers import ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    HomePageFactory()
    return PlannedProjectIndexPageFactory()


def district(slug):
    return District.objects.get(slug=slug)


def test_the_list_shows_every_field_and_why_no_participation_is_planned(index, client):
    PlannedProjectPageFactory(
        title="Neubau der Feuerwache Brackel",
        districts=[district("brackel")],
        topics=[Topic.objects.get(slug="soziales")],
        responsible_office="Feuerwehr Dortmund",
        cost_estimate="ca. 14 Mio. Euro",
        schedule="Baubeginn 2027",
        participation_planned=False,
        no_participation_reason="Standort und Größe sind gesetzlich vorgegeben.",
    )

    html = client.get("/vorhabenliste/").content.decode()

    for text in (
        "Neubau der Feuerwache Brackel",
        "Brackel",
        "Feuerwehr Dortmund",
        "ca. 14 Mio. Euro",
        "Baubeginn 2027",
        "Standort und Größe sind gesetzlich vorgegeben.",
    ):
        assert text in html
    assert html.count("<h1") == 1


def test_new_entries_carry_a_badge_for_thirty_days(index, client):
    today = timezone.localdate()
    PlannedProjectPageFactory(title="Frisch", added_on=today - datetime.timedelta(days=3))
    PlannedProjectPageFactory(title="Alt", added_on=today - datetime.timedelta(days=45))

    response = client.get("/vorhabenliste/")

    plans = {plan.title: plan for plan in response.context["plans"]}
    assert plans["Frisch"].is_new and not plans["Alt"].is_new
    assert response.content.decode().count(f">{ui('new')}<") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"district": "hoerde"}, {"Hörde-Plan"}),
        ({"topic": "verkehr"}, {"Radweg"}),
        ({"status": "decided"}, {"Schule"}),
        ({"participation": "no"}, {"Schule"}),
        ({"participation": "yes", "district": "eving"}, {"Radweg"}),
        ({"district": "unbekannt"}, {"Hörde-Plan", "Radweg", "Schule"}),  # ignored, not a 500
    ],
)
def test_the_filter_form_works_without_javascript(index, client, query, expected):
    PlannedProjectPageFactory(title="Hörde-Plan", districts=[district("hoerde")])
    PlannedProjectPageFactory(
        title="Radweg",
        districts=[district("eving"), district("innenstadt-nord")],
        topics=[Topic.objects.get(slug="verkehr")],
    )
    PlannedProjectPageFactory(
        title="Schule",
        districts=[district("eving")],
        status="decided",
        participation_planned=False,
        no_participation_reason="Gesetzlich vorgegeben.",
    )

    response = client.get("/vorhabenliste/", query)

    assert response.status_code == 200
    assert {plan.title for plan in response.context["plans"]} == expected
    html = response.content.decode()
    for name in ("district", "topic", "status", "participation"):
        assert f'name="{name}"' in html
    assert 'method="get"' in html


def test_pages_keep_the_filter(index, client):
    for number in range(12):
        PlannedProjectPageFactory(title=f"Plan {number}", districts=[district("hoerde")])

    response = client.get("/vorhabenliste/", {"district": "hoerde"})

    assert response.context["plans"].paginator.num_pages == 2
    assert "?district=hoerde&amp;page=2" in response.content.decode()
    second = client.get("/vorhabenliste/", {"district": "hoerde", "page": 2})
    assert len(second.context["plans"]) == 2


@pytest.mark.parametrize("count", [10, 100])
def test_the_list_makes_the_same_queries_for_10_and_100_plans(
    index, client, count, django_assert_max_num_queries
):
    districts = list(District.objects.all()[:3])
    topics = list(Topic.objects.all()[:2])
    for number in range(count):
        PlannedProjectPageFactory(title=f"Plan {number}", districts=districts, topics=topics)
    client.get("/vorhabenliste/")  # warm the site and locale caches

    with django_assert_max_num_queries(25):
        response = client.get("/vorhabenliste/", {"district": districts[0].slug})

    assert len(response.context["plans"]) == 10


def test_the_plan_page_shows_every_field(index, client):
    plan = PlannedProjectPageFactory(
        title="Kanalsanierung",
        decisions="Beschluss der BV im März.",
        next_steps="Ausschreibung.",
        affected_groups="Anliegende der Huckarder Straße.",
        participation_details="Infoabend im Mai.",
    )

    response = client.get(plan.url)

    html = response.content.decode()
    for text in ("Beschluss der BV im März.", "Ausschreibung.", "Anliegende", "Infoabend im Mai."):
        assert text in html
    assert html.count("<h1") == 1


# Rules of a plan -------------------------------------------------------------------------------


def test_a_plan_without_participation_needs_a_reason(index):
    plan = PlannedProjectPageFactory()
    plan.participation_planned = False
    plan.no_participation_reason_de = ""

    with pytest.raises(ValidationError) as error:
        plan.full_clean()

    assert "no_participation_reason_de" in error.value.message_dict


@pytest.mark.parametrize(
    "change", [{"cost_estimate": "ca. 1,5 Mio. Euro"}, {"schedule_de": "Bau 2029"}]
)
def test_a_changed_cost_or_schedule_needs_a_new_reason(index, change):
    plan = PlannedProjectPageFactory(change_reason="Erste Schätzung.")
    for name, value in change.items():
        setattr(plan, name, value)

    with pytest.raises(ValidationError) as error:
        plan.full_clean()  # the old reason does not explain the new change
    assert "change_reason_de" in error.value.message_dict

    plan.change_reason_de = "Die Baupreise sind gestiegen."
    plan.full_clean()
    plan.save_revision().publish()

    plan = PlannedProjectPage.objects.get(pk=plan.pk)
    plan.summary_de = "Nur die Zusammenfassung ist neu."
    plan.full_clean()  # cost and schedule unchanged: no new reason needed


def test_the_admin_refuses_a_cost_change_without_reason(index, client, ombudsstelle):
    plan = PlannedProjectPageFactory(title="Kanal", slug="kanal", cost_estimate="1 Mio. Euro")
    client.force_login(ombudsstelle)
    edit_url = reverse("wagtailadmin_pages:edit", args=[plan.pk])

    def publish(**changes):
        data = {
            "title_de": "Kanal",
            "slug_de": "kanal",
            "description_de": rich_text("<p>Was geplant ist.</p>"),
            "description_en": rich_text(""),
            "responsible_office": "Tiefbauamt",
            "status": "planning",
            "added_on": plan.added_on.isoformat(),
            "schedule_de": "Bau 2027",
            "cost_estimate": "1 Mio. Euro",
            "participation_planned": "on",
            "action-publish": "1",
            **changes,
        }
        return client.post(edit_url, data)

    response = publish(cost_estimate="2 Mio. Euro")
    assert response.status_code == 200
    assert "change_reason_de" in response.context["form"].errors
    assert PlannedProjectPage.objects.get(pk=plan.pk).cost_estimate == "1 Mio. Euro"

    response = publish(cost_estimate="2 Mio. Euro", change_reason_de="Baupreise gestiegen.")
    assert response.status_code == 302
    assert PlannedProjectPage.objects.get(pk=plan.pk).cost_estimate == "2 Mio. Euro"


# A plan becomes a procedure --------------------------------------------------------------------


@pytest.fixture
def hoerde():
    folder = DistrictFolderPageFactory(district=district("hoerde"))
    district_permissions_grant(folder=folder)
    return folder


@pytest.fixture
def aplerbeck():
    folder = DistrictFolderPageFactory(district=district("aplerbeck"))
    district_permissions_grant(folder=folder)
    return folder


@pytest.fixture
def plan(index):
    return PlannedProjectPageFactory(
        title="Uferpromenade",
        title_en="Lake promenade",
        slug="uferpromenade",
        slug_en="lake-promenade",
        summary="Sitzplätze und Schatten.",
        summary_en="Seating and shade.",
        description="<p>Die Nordseite wird umgestaltet.</p>",
        description_en="<p>The north side is redesigned.</p>",
        districts=[district("hoerde")],
        topics=[Topic.objects.get(slug="stadtentwicklung")],
        responsible_office="Stadtplanungs- und Bauordnungsamt",
        contact="Jana Brückner",
    )


def test_procedure_from_plan_copies_without_re_entering(plan, hoerde, ombudsstelle):
    ombudsstelle_permissions_grant(page=plan.get_parent())
    ombudsstelle_permissions_grant(page=hoerde.get_parent())
    procedure = procedure_from_plan(plan=plan, folder=hoerde, user=ombudsstelle)

    procedure = ProcedurePage.objects.get(pk=procedure.pk)
    assert procedure.get_parent().pk == hoerde.pk
    assert not procedure.live and procedure.owner == ombudsstelle
    assert (procedure.title_de, procedure.title_en) == ("Uferpromenade", "Lake promenade")
    assert (procedure.slug_de, procedure.slug_en) == ("uferpromenade", "lake-promenade")
    assert procedure.summary_en == "Seating and shade."
    assert "Die Nordseite wird umgestaltet." in str(procedure.body_de)
    assert "The north side is redesigned." in str(procedure.body_en)
    assert [d.district.slug for d in procedure.procedure_districts.all()] == ["hoerde"]
    assert [t.slug for t in procedure.topics.all()] == ["stadtentwicklung"]
    assert procedure.responsible_office == "Stadtplanungs- und Bauordnungsamt"
    assert procedure.contact_name == "Jana Brückner"
    plan = PlannedProjectPage.objects.get(pk=plan.pk)
    assert plan.procedure_id == procedure.pk and plan.live
    assert not plan.has_unpublished_changes


def test_procedure_from_plan_respects_the_permissions(plan, hoerde, aplerbeck, district_editor):
    with pytest.raises(PermissionDenied):  # may not edit the plan
        procedure_from_plan(plan=plan, folder=hoerde, user=district_editor)
    GroupPagePermission.objects.create(
        group=district_editor.groups.get(), page=plan.get_parent(), permission_type="change"
    )
    with pytest.raises(PermissionDenied):  # may not add pages in Aplerbeck
        procedure_from_plan(plan=plan, folder=aplerbeck, user=district_editor)
    assert not ProcedurePage.objects.exists()

    # Permissions are cached on the user object: a fresh one sees the new grant.
    district_editor = type(district_editor).objects.get(pk=district_editor.pk)
    procedure_from_plan(plan=plan, folder=hoerde, user=district_editor)  # edits, may not publish
    plan = PlannedProjectPage.objects.get(pk=plan.pk)
    assert plan.procedure.get_parent().pk == hoerde.pk


def test_a_plan_becomes_a_procedure_once(plan, hoerde, ombudsstelle):
    procedure_from_plan(plan=plan, folder=hoerde, user=ombudsstelle)

    with pytest.raises(ValidationError):
        procedure_from_plan(
            plan=PlannedProjectPage.objects.get(pk=plan.pk), folder=hoerde, user=ombudsstelle
        )


def test_staff_start_a_procedure_from_the_plan_in_the_admin(
    plan, hoerde, aplerbeck, client, ombudsstelle
):
    client.force_login(ombudsstelle)

    edit_url = reverse("wagtailadmin_pages:edit", args=[plan.pk])
    listing_url = reverse("wagtailadmin_explore", args=[plan.get_parent().pk])
    url = reverse("participation_procedure_from_plan", args=[plan.pk])
    assert url in client.get(edit_url).content.decode()
    assert url in client.get(listing_url).content.decode()

    form = client.get(url)
    assert form.status_code == 200
    assert set(form.context["form"].fields["folder"].queryset) == {hoerde, aplerbeck}

    response = client.post(url, {"folder": aplerbeck.pk})

    procedure = ProcedurePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    assert procedure.get_parent().pk == aplerbeck.pk
    # Linked: no second procedure from the same plan, and no button for one.
    assert client.get(url).status_code == 302
    assert url not in client.get(edit_url).content.decode()
    assert url not in client.get(listing_url).content.decode()


def test_the_folder_choice_offers_only_the_editors_own_folders(
    plan, hoerde, aplerbeck, client, district_editor
):
    plan_index = plan.get_parent()
    # The editor may edit the plans (in the portal the Ombudsstelle does; here for the test).
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Bezirksvertretung Hörde"),
        page=plan_index,
        permission_type="change",
    )
    client.force_login(district_editor)
    url = reverse("participation_procedure_from_plan", args=[plan.pk])

    assert list(client.get(url).context["form"].fields["folder"].queryset) == [hoerde]
    response = client.post(url, {"folder": aplerbeck.pk})
    assert response.status_code == 200
    assert not ProcedurePage.objects.exists()


def test_someone_who_may_not_edit_the_plan_gets_no_form(plan, client):
    client.force_login(UserFactory())
    response = client.get(reverse("participation_procedure_from_plan", args=[plan.pk]))
    assert response.status_code == 302


def test_the_kept_vorhabenliste_shows_a_plan_published_since_and_each_filter_its_own(
    client, citizen, home_page
):
    client.force_login(citizen)  # the list a signed-in person gets, not the page cache's
    index = PlannedProjectIndexPageFactory()
    hoerde = District.objects.get(slug="hoerde")
    PlannedProjectPageFactory(parent=index, title="Radweg am See", districts=[hoerde])
    client.get(index.url)

    PlannedProjectPageFactory(parent=index, title="Neuer Spielplatz")
    everything = client.get(index.url).content.decode()
    in_hoerde = client.get(index.url, {"district": "hoerde"}).content.decode()

    assert "Radweg am See" in everything and "Neuer Spielplatz" in everything
    assert "Radweg am See" in in_hoerde and "Neuer Spielplatz" not in in_hoerde
