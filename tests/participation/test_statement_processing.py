"""Formal statements get a processing status: staff weigh them in the admin next to the statement,
in the procedures in their scope; the citizen hears of the result; the procedure page shows the
anonymised weighing; staff export the statements with names for the weighing."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import capfirst
from wagtail.models import GroupPagePermission, ModelLogEntry

from mitwirken.places.models import District
from participation import services
from participation.models import Statement
from participation.services.moderation import contribution_hide
from tests.factories.files import pdf_upload
from tests.factories.participation import ProcedurePageFactory, StatementFactory
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db

SUMMARY = "Die Zufahrt über eine Wohnstraße belaste die Anwohnenden; eine Zufahrt von Süden."
WEIGHING = "Der Anregung wird gefolgt: Die Erschließung erfolgt über die Südtangente."


def district(slug: str) -> District:
    return District.objects.get(slug=slug)


@pytest.fixture
def procedures(home_page):
    """A formal procedure in Hörde, one in Aplerbeck and a city-wide one."""
    return {
        "hoerde": ProcedurePageFactory(
            title="Bebauungsplan Hö 250", kind="land_use", districts=[district("hoerde")]
        ),
        "aplerbeck": ProcedurePageFactory(
            title="Bebauungsplan Ap 215", kind="land_use", districts=[district("aplerbeck")]
        ),
        "city": ProcedurePageFactory(title="Flächennutzungsplan", kind="land_use"),
    }


@pytest.fixture
def statement(procedures, citizen, django_capture_on_commit_callbacks):
    """A statement to Hörde's procedure, handed in online with a PDF and an e-mail address; its
    receipt is sent."""
    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_create(
            procedure=procedures["hoerde"],
            author=citizen,
            text="Ich wohne an der Schweizer Allee und erhebe Einwendungen gegen die Zufahrt.",
            name="Margarete Schulte",
            street="Schweizer Allee 12",
            postcode="44287",
            city="Dortmund",
            email="m.schulte@example.org",
            attachments=[pdf_upload("Einwendung Schulte.pdf")],
        )
    mail.outbox.clear()
    return statement


def process(statement, user, **changes):
    """``statement_process`` as staff call it: weighed with the summary and result above,
    unless ``changes`` say otherwise."""
    values = {"status": "weighed", "summary": SUMMARY, "weighing": WEIGHING, **changes}
    return services.statement_process(statement=statement, user=user, **values)


def edit_url(statement) -> str:
    return reverse("participation_statements:edit", args=[statement.pk])


def export_url(procedure) -> str:
    return reverse("participation_admin:statements_csv", args=[procedure.pk])


def weigh(client, statement, **data):
    return client.post(
        edit_url(statement),
        {"status": "weighed", "summary": SUMMARY, "weighing": WEIGHING, **data},
    )


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


# Weighing in the admin ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["ombudsstelle", "district_editor"])
def test_staff_weigh_a_statement_of_their_procedure_next_to_its_text(
    role, request, client, statement, django_capture_on_commit_callbacks
):
    person = request.getfixturevalue(role)
    client.force_login(person)

    page = client.get(edit_url(statement))

    assert page.status_code == 200
    shown = one(page, "heading", ui("Statement %(reference)s") % {"reference": statement.reference})
    section = shown.find_parent("section")
    for text in [
        "Margarete Schulte",
        "Schweizer Allee 12",
        "44287 Dortmund",
        "m.schulte@example.org",
        "erhebe Einwendungen gegen die Zufahrt",
    ]:
        assert text in text_of(section)
    attachment = statement.attachments.get()
    assert by_role(
        section,
        "link",
        "Einwendung Schulte.pdf",
        href=reverse("participation_admin:statement_attachment", args=[attachment.pk]),
    )
    form = parsed(page).find("form", id="w-editor-form")
    assert form.find_parent("section") is not section
    assert {field["name"] for field in form.select("[name]") if field.name != "button"} >= {
        "status",
        "summary",
        "weighing",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = weigh(client, statement)

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WEIGHED
    assert (statement.summary, statement.weighing) == (SUMMARY, WEIGHING)
    assert statement.weighed_by == person
    assert statement.weighed_at is not None
    entry = ModelLogEntry.objects.get(action="participation.weigh", object_id=str(statement.pk))
    assert entry.user == person
    assert entry.data == {"status": "weighed"}
    [message] = mail.outbox
    assert message.to == ["m.schulte@example.org"]
    assert message.subject == ui("Your statement %(reference)s has been weighed") % {
        "reference": statement.reference
    }
    assert WEIGHING in message.body
    assert SUMMARY in message.body


def test_saving_the_same_result_again_sends_and_logs_nothing(
    client, ombudsstelle, statement, django_capture_on_commit_callbacks
):
    client.force_login(ombudsstelle)
    with django_capture_on_commit_callbacks(execute=True):
        weigh(client, statement)
        weigh(client, statement)

    assert len(mail.outbox) == 1
    assert ModelLogEntry.objects.filter(action="participation.weigh").count() == 1


def test_a_changed_result_is_sent_again(
    ombudsstelle, statement, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        process(statement, ombudsstelle)
        process(statement, ombudsstelle, weighing="Der Anregung wird teilweise gefolgt.")

    assert [m.to for m in mail.outbox] == [["m.schulte@example.org"]] * 2
    assert "teilweise gefolgt" in mail.outbox[1].body


def test_the_result_goes_to_the_authors_address_in_their_language(
    procedures, ombudsstelle, user_factory, django_capture_on_commit_callbacks
):
    author = user_factory(email="resident@example.org", language="en")
    statement = StatementFactory(procedure=procedures["hoerde"], author=author, email="")

    with django_capture_on_commit_callbacks(execute=True):
        process(statement, ombudsstelle)

    [message] = mail.outbox
    assert message.to == ["resident@example.org"]
    assert message.subject == ui("Your statement %(reference)s has been weighed", "en") % {
        "reference": statement.reference
    }
    assert ui("Result of the weighing", "en") in message.body


def test_weighed_without_texts_is_refused_with_the_reason_beside_each_field(
    client, ombudsstelle, statement, django_capture_on_commit_callbacks
):
    client.force_login(ombudsstelle)

    with django_capture_on_commit_callbacks(execute=True):
        response = weigh(client, statement, summary="  ", weighing="")

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["summary"] == [
        ui("Write an anonymised summary: it is published with the result of the weighing.")
    ]
    assert errors["weighing"] == [ui("Write the result of the weighing.")]
    assert ui("Write the result of the weighing.") in response.content.decode()
    statement.refresh_from_db()
    assert (statement.status, statement.summary, statement.weighing) == ("received", "", "")
    assert statement.weighed_at is None and statement.weighed_by is None
    assert not ModelLogEntry.objects.filter(action="participation.weigh").exists()
    assert mail.outbox == []


def test_the_service_refuses_weighed_without_a_result_and_stores_nothing(ombudsstelle, statement):
    with pytest.raises(ValidationError) as refused:
        process(statement, ombudsstelle, weighing="")

    assert set(refused.value.message_dict) == {"weighing"}
    statement.refresh_from_db()
    assert (statement.status, statement.summary) == ("received", "")


def test_in_review_keeps_a_draft_without_telling_anyone_or_publishing_it(
    client, ombudsstelle, statement, django_capture_on_commit_callbacks
):
    client.force_login(ombudsstelle)

    with django_capture_on_commit_callbacks(execute=True):
        response = weigh(client, statement, status="in_review", weighing="Entwurf")

    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.status, statement.weighing) == ("in_review", "Entwurf")
    assert statement.weighed_at is None
    assert mail.outbox == []
    public = client.get(statement.procedure.url)
    assert not by_role(public, "heading", ui("Weighing of the statements"))
    assert "Entwurf" not in public.content.decode()


def test_taking_back_the_weighing_forgets_who_and_when(ombudsstelle, statement):
    process(statement, ombudsstelle)
    process(statement, ombudsstelle, status="in_review")

    statement.refresh_from_db()
    assert (statement.weighed_by, statement.weighed_at) == (None, None)


def test_a_statement_without_any_address_is_weighed_without_mail(
    procedures, ombudsstelle, django_capture_on_commit_callbacks
):
    statement = StatementFactory(procedure=procedures["city"], author=None, email="")

    with django_capture_on_commit_callbacks(execute=True):
        process(statement, ombudsstelle)

    assert Statement.objects.get(pk=statement.pk).status == "weighed"
    assert mail.outbox == []


def test_the_history_tells_the_status_given(client, ombudsstelle, statement):
    client.force_login(ombudsstelle)
    weigh(client, statement)

    history = client.get(reverse("participation_statements:history", args=[statement.pk]))

    assert ui("Processing status set to “%(status)s”") % {"status": ui("weighed")} in (
        history.content.decode()
    )


def test_the_listing_shows_and_filters_by_status(client, ombudsstelle, procedures):
    weighed = StatementFactory(procedure=procedures["hoerde"], status="weighed")
    received = StatementFactory(procedure=procedures["hoerde"])
    client.force_login(ombudsstelle)
    index = reverse("participation_statements:index")

    everything = client.get(index)
    assert one(
        everything, "link", capfirst(ui("processing status")), href=f"{index}?ordering=status"
    )
    assert weighed.reference in everything.content.decode()

    filtered = client.get(index, {"status": "weighed"})

    html = filtered.content.decode()
    assert weighed.reference in html
    assert received.reference not in html


# Scope ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["aplerbeck", "city"])
def test_hoerde_editor_does_not_find_another_procedures_statement(
    where, client, district_editor, procedures
):
    statement = StatementFactory(procedure=procedures[where], email="x@example.org")
    client.force_login(district_editor)

    assert client.get(edit_url(statement)).status_code == 404
    assert weigh(client, statement).status_code == 404
    assert client.get(export_url(procedures[where])).status_code == 404

    statement.refresh_from_db()
    assert statement.status == "received"
    assert not ModelLogEntry.objects.filter(action="participation.weigh").exists()


def test_staff_who_may_see_but_not_change_statements_do_not_find_the_form(
    client, user_factory, statement
):
    """Change without view would show names to someone who may not see them; view without
    change may not weigh. Both are needed, in the procedure's scope too."""
    group = Group.objects.create(name="Lesezugriff Hörde")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="participation", codename="view_statement"),
    )
    GroupPagePermission.objects.create(
        group=group,
        page=statement.procedure.get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    reader = user_factory(is_staff=True)
    reader.groups.add(group)
    client.force_login(reader)

    assert (
        client.get(reverse("participation_statements:inspect", args=[statement.pk])).status_code
        == 200
    )
    assert client.get(edit_url(statement)).status_code == 404
    assert weigh(client, statement).status_code == 404
    statement.refresh_from_db()
    assert statement.status == "received"


def test_the_moderator_finds_nothing_about_statements(client, moderator, statement):
    client.force_login(moderator)

    for url in [
        edit_url(statement),
        reverse("participation_statements:inspect", args=[statement.pk]),
        export_url(statement.procedure),
    ]:
        assert client.get(url).status_code == 404, url
    assert weigh(client, statement).status_code == 404
    statement.refresh_from_db()
    assert statement.status == "received"


# The internal export --------------------------------------------------------------------------


def test_the_ombudsstelle_exports_the_statements_with_names_and_processing(
    client, ombudsstelle, statement, procedures
):
    process(statement, ombudsstelle)
    StatementFactory(procedure=procedures["hoerde"], name='=HYPERLINK("http://x")')
    StatementFactory(procedure=procedures["aplerbeck"], name="Fremde Person")
    client.force_login(ombudsstelle)

    response = client.get(export_url(procedures["hoerde"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response)
    assert [row["name"] for row in rows] == ["Margarete Schulte", '\'=HYPERLINK("http://x")']
    first = rows[0]
    assert first["reference"] == statement.reference
    assert (first["street"], first["postcode"], first["city"]) == (
        "Schweizer Allee 12",
        "44287",
        "Dortmund",
    )
    assert first["email"] == "m.schulte@example.org"
    assert "erhebe Einwendungen" in first["text"]
    assert (first["status"], first["summary"], first["weighing"]) == ("weighed", SUMMARY, WEIGHING)
    assert first["weighed_by"] == "Ombudsstelle"
    assert first["weighed_at"]
    assert first["channel"] == "online"


def test_the_hoerde_editor_exports_hoerdes_statements(client, district_editor, statement):
    client.force_login(district_editor)

    response = client.get(export_url(statement.procedure))

    assert response.status_code == 200
    assert [row["name"] for row in rows_of(response)] == ["Margarete Schulte"]


def test_the_exports_page_links_the_statements_of_procedures_that_have_some(
    client, ombudsstelle, statement, procedures
):
    client.force_login(ombudsstelle)

    page = client.get(reverse("participation_admin:exports"))

    label = ui("Formal statements with names (CSV)")
    links = [a["href"] for a in by_role(page, "link") if text_of(a).startswith(label)]
    assert links == [export_url(procedures["hoerde"])]


# The public weighing ----------------------------------------------------------------------------


def test_the_page_shows_nothing_of_the_weighing_before_a_statement_is_weighed(client, statement):
    page = client.get(statement.procedure.url)

    assert page.status_code == 200
    assert not by_role(page, "heading", ui("Weighing of the statements"))


def test_the_page_shows_the_anonymised_weighing_and_nothing_of_the_citizen(
    client, ombudsstelle, statement, procedures
):
    process(statement, ombudsstelle)
    StatementFactory(procedure=procedures["hoerde"], status="in_review", summary="Noch offen")
    hidden = StatementFactory(procedure=procedures["hoerde"])
    process(hidden, ombudsstelle, summary="Versteckt", weighing="Versteckt")
    contribution_hide(contribution=hidden, reason="Beleidigung", user=ombudsstelle)

    page = client.get(statement.procedure.url)

    heading = one(page, "heading", ui("Weighing of the statements"), level=2)
    section = heading.find_parent("section")
    text = text_of(section)
    assert f"{ui('Statements received')} 3" in text
    assert f"{ui('Statements weighed')} 2" in text
    [article] = section.find_all("article")
    assert one(
        article, "heading", ui("Statement %(reference)s") % {"reference": statement.reference}
    )
    assert SUMMARY in text_of(article)
    assert WEIGHING in text_of(article)
    html = page.content.decode()
    for private in [
        "Margarete Schulte",
        "Schweizer Allee",
        "m.schulte@example.org",
        "erhebe Einwendungen gegen die Zufahrt",
        "Noch offen",
        "Versteckt",
        hidden.reference,
    ]:
        assert private not in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_weighing_takes_as_many_queries_for_100_statements_as_for_10(
    client,
    procedures,
    django_assert_max_num_queries,
    without_page_cache,
):
    procedure = procedures["hoerde"]

    def make(count):
        for _number in range(count):
            StatementFactory(
                procedure=procedure, status="weighed", summary=SUMMARY, weighing=WEIGHING
            )

    make(10)
    baseline = _queries(client, procedure.url)
    make(90)

    with django_assert_max_num_queries(baseline):
        response = client.get(procedure.url)
    assert len(response.context["statement_weighing"].statements) == 100
