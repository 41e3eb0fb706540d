"""The staff roles of docs/staff.md, cell by cell: the table there is read, and every ✓ and every
– is checked as a member of that group would meet it in the admin."""

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site, Workflow

from mitwirken.editorial.services import REVIEW_WORKFLOW
from mitwirken.places.models import District, Topic
from participation.models import Proposal, Statement
from tests.factories.evaluation import EvaluationIndexPageFactory, SurveyFactory
from tests.factories.opendata import OpenDataPageFactory
from tests.factories.pages import (
    ArticleIndexPageFactory,
    FeedbackFactory,
    NewsIndexPageFactory,
    StandardPageFactory,
)
from tests.factories.participation import (
    CommentFactory,
    DistrictFolderPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
    StatementFactory,
)
from tests.factories.toolkit import ToolkitIndexPageFactory
from tests.factories.training import (
    EnrolmentFactory,
    SessionFactory,
    TrainerFactory,
    TrainingModulePageFactory,
)
from tests.factories.wegweiser import DistrictHubPageFactory, WegweiserPageFactory
from tests.helpers import member_of, ui

pytestmark = pytest.mark.django_db

TABLE = Path(__file__).resolve().parents[2] / "docs" / "staff.md"
ROLES = ["Ombudsstelle", "Bezirksvertretung Hörde", "Moderation", "Schulungsleitung"]


def table() -> dict[str, dict[str, bool]]:
    """``{what: {role: may}}`` from the table "Who may do what"."""
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in TABLE.read_text()
        .split("## Who may do what", 1)[1]
        .split("\n## ")[0]
        .splitlines()
        if line.startswith("|")
    ]
    header, _rule, *body = rows
    return {
        row[0]: dict(zip(header[1:], (cell == "✓" for cell in row[1:]), strict=True))
        for row in body
    }


@pytest.fixture
def world(home_page):
    """Pages, procedures and contributions in Hörde, Aplerbeck and Gesamtstadt."""
    w = {"home": home_page}
    w["pages"] = [
        ArticleIndexPageFactory(),
        NewsIndexPageFactory(),
        StandardPageFactory(title="Leichte Sprache", slug="leichte-sprache"),
    ]
    w["indexes"] = [ToolkitIndexPageFactory(), WegweiserPageFactory()]
    w["open_data"] = OpenDataPageFactory()
    for slug in ("hoerde", "aplerbeck"):
        district = District.objects.get(slug=slug)
        folder = DistrictFolderPageFactory(district=district)
        procedure = ProcedurePageFactory(parent=folder, title=f"Verfahren {slug}", kind="land_use")
        w[slug] = {
            "district": district,
            "folder": folder,
            "procedure": procedure,
            "hub": DistrictHubPageFactory(district=district),
            "proposal": ProposalFactory(procedure=procedure, title=f"Vorschlag {slug}"),
            "comment": CommentFactory(procedure=procedure),
            "statement": StatementFactory(procedure=procedure, name=f"Erika aus {slug}"),
        }
    w["gesamtstadt"] = {"folder": DistrictFolderPageFactory(district=None)}
    module = TrainingModulePageFactory(title="Hybride Veranstaltungen")
    w["training"] = {
        "module": module,
        "trainer": TrainerFactory(),
        # Begun an hour ago: attendance can be recorded.
        "session": SessionFactory(
            module=module,
            start=timezone.now() - datetime.timedelta(hours=1),
            registration_deadline=timezone.now() - datetime.timedelta(days=1),
        ),
    }
    EnrolmentFactory(session=w["training"]["session"], user__display_name="Teilnehmerin Ada")
    EvaluationIndexPageFactory()
    w["survey"] = SurveyFactory(title="Befragung Phoenixsee")
    return w


def site_pk() -> int:
    return Site.objects.get(is_default_site=True).pk


def get_ok(client, url: str, text: str | None = None) -> bool:
    response = client.get(url)
    return response.status_code == 200 and (text is None or text in response.content.decode())


def edit_ok(client, page) -> bool:
    return get_ok(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))


def add_procedure_ok(client, folder) -> bool:
    url = reverse("wagtailadmin_pages:add", args=["participation", "procedurepage", folder.pk])
    return get_ok(client, url)


def approve_ok(user, w) -> bool:
    """A Hörde editor submitted a new procedure: may ``user`` approve it?"""
    procedure = ProcedurePageFactory(parent=w["hoerde"]["folder"], slug="zur-pruefung")
    procedure.unpublish()
    submitter = member_of("Bezirksvertretung Hörde", email="einreichend@example.org")
    Workflow.objects.get(name=REVIEW_WORKFLOW).start(procedure, submitter)
    task_state = procedure.current_workflow_task_state
    actions = task_state.task.specific.get_actions(procedure, user)
    return "approve" in [name for name, *_rest in actions]


def paper_proposal_ok(client, procedure) -> bool:
    title = f"Brief zu {procedure.title}"
    data = {
        "procedure": procedure.pk,
        "channel": "paper",
        "title": title,
        "text": "Ein Brief mit einer Idee.",
    }
    client.post(reverse("participation_proposals:add"), data)
    return Proposal.objects.filter(title=title, channel="paper").exists()


def moderate_ok(client, comment) -> bool:
    return get_ok(
        client, reverse("participation_moderation:moderate", args=["comment", comment.pk])
    )


def statement_ok(client, statement) -> bool:
    url = reverse("participation_statements:inspect", args=[statement.pk])
    return get_ok(client, url, statement.name)


def weigh_ok(client, statement) -> bool:
    client.post(
        reverse("participation_statements:edit", args=[statement.pk]),
        {"status": "weighed", "summary": "Ein Anliegen.", "weighing": "Wird berücksichtigt."},
    )
    statement.refresh_from_db()
    weighed = statement.status == Statement.Status.WEIGHED
    Statement.objects.filter(pk=statement.pk).update(
        status=Statement.Status.RECEIVED, summary="", weighing="", weighed_by=None, weighed_at=None
    )
    return weighed


def statements_export_ok(client, statement) -> bool:
    url = reverse("participation_admin:statements_csv", args=[statement.procedure_id])
    return get_ok(client, url, statement.name)


def export_ok(client, procedure) -> bool:
    return get_ok(client, reverse("participation_admin:export_csv", args=[procedure.pk]))


def contributions_ok(client, proposal) -> bool:
    return get_ok(client, reverse("participation_proposals:index"), proposal.title)


def workspace_ok(client, district) -> bool:
    url = reverse("participation_admin:workspace", args=[district["procedure"].pk])
    return get_ok(client, url, district["proposal"].title)


def training_session(user, w, *, given: bool):
    """The world's session, given by a trainer linked to ``user`` when ``given``."""
    session = w["training"]["session"]
    session.trainers.set([TrainerFactory(user=user)] if given else [w["training"]["trainer"]])
    return session


def session_ok(client, session) -> bool:
    """Edit the session and record its attendance."""
    if not get_ok(client, reverse("training_sessions:edit", args=[session.pk])):
        return False
    enrolment = session.enrolments.get()
    url = reverse("training_sessions:participants", args=[session.pk])
    client.post(url, {"attended": [enrolment.pk]})
    enrolment.refresh_from_db()
    recorded = enrolment.attended is True
    type(enrolment).objects.filter(pk=enrolment.pk).update(attended=None)
    return recorded


def participants_export_ok(client, session) -> bool:
    url = reverse("training_sessions:participants_csv", args=[session.pk])
    return get_ok(client, url, "Teilnehmerin Ada")


def training_edit_ok(client, w) -> bool:
    return edit_ok(client, w["training"]["module"]) and get_ok(
        client, reverse("wagtailsnippets_training_trainer:edit", args=[w["training"]["trainer"].pk])
    )


CHECKS = {
    "Edit and publish Wissen, Aktuelles, Leichte Sprache": lambda c, u, w: all(
        edit_ok(c, page) and page.permissions_for_user(u).can_publish() for page in w["pages"]
    ),
    "Edit the Instrumentenkoffer and the Wegweiser": lambda c, u, w: all(
        edit_ok(c, page) for page in w["indexes"]
    ),
    "Edit the open data page and its licence": lambda c, u, w: edit_ok(c, w["open_data"]),
    "Edit the Stadtbezirke and topics (snippets)": lambda c, u, w: (
        get_ok(
            c, reverse("wagtailsnippets_places_district:edit", args=[w["hoerde"]["district"].pk])
        )
        and get_ok(c, reverse("wagtailsnippets_places_topic:edit", args=[Topic.objects.first().pk]))
    ),
    "Switch the review of a district on and off": lambda c, u, w: get_ok(
        c,
        reverse(
            "wagtailadmin_workflows:edit", args=[Workflow.objects.get(name=REVIEW_WORKFLOW).pk]
        ),
    ),
    "Add a procedure in Hörde": lambda c, u, w: add_procedure_ok(c, w["hoerde"]["folder"]),
    "Add a procedure in Aplerbeck": lambda c, u, w: add_procedure_ok(c, w["aplerbeck"]["folder"]),
    "Add a procedure in Gesamtstadt": lambda c, u, w: add_procedure_ok(
        c, w["gesamtstadt"]["folder"]
    ),
    "Publish in Hörde without review": lambda c, u, w: (
        w["hoerde"]["procedure"].permissions_for_user(u).can_publish()
    ),
    "Approve a submitted Hörde procedure": lambda c, u, w: approve_ok(u, w),
    "Edit Hörde's hub": lambda c, u, w: edit_ok(c, w["hoerde"]["hub"]),
    "See the contributions to a Hörde procedure": lambda c, u, w: contributions_ok(
        c, w["hoerde"]["proposal"]
    ),
    "See the contributions to an Aplerbeck procedure": lambda c, u, w: contributions_ok(
        c, w["aplerbeck"]["proposal"]
    ),
    "Open the workspace of a Hörde procedure": lambda c, u, w: workspace_ok(c, w["hoerde"]),
    "Open the workspace of an Aplerbeck procedure": lambda c, u, w: workspace_ok(c, w["aplerbeck"]),
    "Answer a proposal in Hörde": lambda c, u, w: get_ok(
        c, reverse("participation_proposals:edit", args=[w["hoerde"]["proposal"].pk])
    ),
    "Answer a proposal in Aplerbeck": lambda c, u, w: get_ok(
        c, reverse("participation_proposals:edit", args=[w["aplerbeck"]["proposal"].pk])
    ),
    "Enter a paper proposal for a Hörde procedure": lambda c, u, w: paper_proposal_ok(
        c, w["hoerde"]["procedure"]
    ),
    "Enter a paper proposal for an Aplerbeck procedure": lambda c, u, w: paper_proposal_ok(
        c, w["aplerbeck"]["procedure"]
    ),
    "Moderate a comment in Hörde": lambda c, u, w: moderate_ok(c, w["hoerde"]["comment"]),
    "Moderate a comment in Aplerbeck": lambda c, u, w: moderate_ok(c, w["aplerbeck"]["comment"]),
    "Read a formal statement with name and address in Hörde": lambda c, u, w: statement_ok(
        c, w["hoerde"]["statement"]
    ),
    "Read a formal statement with name and address in Aplerbeck": lambda c, u, w: statement_ok(
        c, w["aplerbeck"]["statement"]
    ),
    "Weigh a formal statement in Hörde": lambda c, u, w: weigh_ok(c, w["hoerde"]["statement"]),
    "Weigh a formal statement in Aplerbeck": lambda c, u, w: weigh_ok(
        c, w["aplerbeck"]["statement"]
    ),
    "Export the formal statements with names in Hörde": lambda c, u, w: statements_export_ok(
        c, w["hoerde"]["statement"]
    ),
    "Export the formal statements with names in Aplerbeck": lambda c, u, w: statements_export_ok(
        c, w["aplerbeck"]["statement"]
    ),
    "Export the contributions to a Hörde procedure": lambda c, u, w: export_ok(
        c, w["hoerde"]["procedure"]
    ),
    "Export the contributions to an Aplerbeck procedure": lambda c, u, w: export_ok(
        c, w["aplerbeck"]["procedure"]
    ),
    "Watch the outbox and send a failed mail again": lambda c, u, w: (
        get_ok(c, reverse("outbox:index")) and u.has_perm("notifications.change_notification")
    ),
    "Answer accessibility feedback": lambda c, u, w: get_ok(
        c, reverse("accessibility_feedback:edit", args=[FeedbackFactory().pk])
    ),
    "Edit the training modules and the trainers": lambda c, u, w: training_edit_ok(c, w),
    "Edit and record attendance in a session one gives": lambda c, u, w: session_ok(
        c, training_session(u, w, given=True)
    ),
    "Edit and record attendance in another trainer's session": lambda c, u, w: session_ok(
        c, training_session(u, w, given=False)
    ),
    "Export the participants of a session one gives": lambda c, u, w: participants_export_ok(
        c, training_session(u, w, given=True)
    ),
    "Export the participants of another trainer's session": lambda c, u, w: participants_export_ok(
        c, training_session(u, w, given=False)
    ),
    "Build surveys and copy the standard instrument": lambda c, u, w: (
        get_ok(c, reverse("evaluation_surveys:list"), "Befragung Phoenixsee")
        and get_ok(c, reverse("evaluation_surveys:edit", args=[w["survey"].pk]))
        and get_ok(c, reverse("evaluation_surveys:copy_questions", args=[w["survey"].pk]))
    ),
    "See a survey's results with its free texts": lambda c, u, w: get_ok(
        c, reverse("evaluation_surveys:results", args=[w["survey"].pk])
    ),
    "Export a survey's anonymised answers": lambda c, u, w: get_ok(
        c, reverse("evaluation_surveys:export_csv", args=[w["survey"].pk])
    ),
    "Print codes for a survey on paper": lambda c, u, w: get_ok(
        c, reverse("evaluation_surveys:paper", args=[w["survey"].pk])
    ),
    "Send a person the download of their data on their request": lambda c, u, w: get_ok(
        c, reverse("accounts_data_exports")
    ),
    "Delete a citizen's account on their request, with a reason": lambda c, u, w: get_ok(
        c, reverse("accounts_delete_account")
    ),
    "Set the OParl endpoint, watch the council import and run it now": lambda c, u, w: (
        get_ok(c, reverse("wagtailsettings:edit", args=["council", "councilsettings", site_pk()]))
        and get_ok(c, reverse("council_imports"), ui("Last runs"))
    ),
}


def test_every_row_of_the_table_is_checked():
    assert set(table()) == set(CHECKS)
    assert all(set(cells) == set(ROLES) for cells in table().values())


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_what_the_table_says_and_nothing_more(client, world, role):
    wrong = []
    for what, cells in table().items():
        # A fresh account per row: Wagtail caches a user's page permissions on the object.
        user = member_of(role)
        client.force_login(user)
        if CHECKS[what](client, user, world) != cells[role]:
            wrong.append(f"{what}: expected {'✓' if cells[role] else '–'}")
    assert wrong == []


def form_data(html: str, form_id: str | None = None) -> dict[str, str]:
    """What a browser would send for the form: every named input, select and textarea."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.find("main").find("form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button"):
            continue
        if field.get("type") == "checkbox" and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data


def test_the_ombudsstelle_switches_the_review_off_for_hoerde_in_the_workflow_settings(
    client, world, ombudsstelle, django_capture_on_commit_callbacks
):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    hoerde, aplerbeck = world["hoerde"]["folder"], world["aplerbeck"]["folder"]
    client.force_login(ombudsstelle)
    url = reverse("wagtailadmin_workflows:edit", args=[workflow.pk])
    data = form_data(client.get(url).content.decode())
    [prefix] = [
        name.removesuffix("-page")
        for name, value in data.items()
        if name.startswith("pages-") and name.endswith("-page") and value == str(hoerde.pk)
    ]
    data[f"{prefix}-DELETE"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302
    assert list(workflow.workflow_pages.values_list("page", flat=True).order_by("page")) == sorted(
        [aplerbeck.pk, world["hoerde"]["hub"].pk, world["aplerbeck"]["hub"].pk]
    )
    editor = member_of("Bezirksvertretung Hörde")
    assert hoerde.permissions_for_user(editor).can_publish_subpage()
    aplerbeck_editor = member_of("Bezirksvertretung Aplerbeck")
    assert not aplerbeck.permissions_for_user(aplerbeck_editor).can_publish_subpage()
