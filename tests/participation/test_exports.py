"""Staff download a procedure's contributions as CSV and JSON: pseudonyms only."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from participation.services.moderation import contribution_hide

pytestmark = pytest.mark.django_db


@pytest.fixture
def exporter_client(client, ombudsstelle):
    client.force_login(ombudsstelle)
    return client


@pytest.fixture
def contributions(
    procedure_page,
    user_factory,
    proposal_factory,
    comment_factory,
    support_factory,
    statement_factory,
    poll_factory,
):
    author = user_factory(
        email="erika.real@example.org",
        display_name="Phoenix-Fan",
        first_name="Erika",
        last_name="Realname",
    )
    proposal = proposal_factory(
        procedure=procedure_page,
        author=author,
        title="Mehr Bäume",
        status="accepted",
        response="Wird gemacht.",
    )
    proposal_factory(procedure=procedure_page, channel="paper", author=None, title="=SUMME(A1)")
    support_factory(proposal=proposal)
    support_factory(proposal=proposal, user=None, channel="paper")
    comment = comment_factory(procedure=procedure_page, proposal=proposal, author=author)
    contribution_hide(contribution=comment, reason="Beleidigung", user=None)
    statement_factory(
        procedure=procedure_page, author=author, name="Erika Realname", street="Geheimweg 7"
    )
    poll_factory(procedure=procedure_page)
    proposal_factory(title="Fremdes Verfahren")
    return procedure_page


def rows_of(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_csv_has_every_contribution_with_pseudonyms_only(exporter_client, contributions):
    response = exporter_client.get(
        reverse("participation_admin:export_csv", args=[contributions.pk])
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    content = response.content.decode("utf-8-sig")
    for private in ("erika.real@example.org", "Realname", "Geheimweg", "Erika"):
        assert private not in content
    rows = rows_of(response)
    assert [row["type"] for row in rows].count("proposal") == 2
    assert [row["type"] for row in rows].count("comment") == 1
    assert [row["type"] for row in rows].count("statement") == 1
    assert [row["type"] for row in rows].count("poll_answer") == 3
    assert "Fremdes Verfahren" not in content
    trees = next(row for row in rows if row["title"] == "Mehr Bäume")
    assert trees["author"] == "Phoenix-Fan"
    assert (trees["channel"], trees["status"], trees["supports"]) == ("online", "accepted", "2")
    paper = next(row for row in rows if row["channel"] == "paper")
    assert paper["author"] == "" and paper["title"] == "'=SUMME(A1)"
    comment = next(row for row in rows if row["type"] == "comment")
    assert comment["hidden"] == "1" and comment["text"].endswith(": Beleidigung")


def test_the_json_has_the_same_rows(exporter_client, contributions):
    response = exporter_client.get(
        reverse("participation_admin:export_json", args=[contributions.pk])
    )

    data = json.loads(response.content)
    assert data["procedure"]["title"] == contributions.title
    assert len(data["contributions"]) == 7
    assert "erika.real@example.org" not in response.content.decode()
    assert {row["author"] for row in data["contributions"]} == {"Phoenix-Fan", ""}


def test_the_exports_page_lists_procedures(exporter_client, contributions):
    response = exporter_client.get(reverse("participation_admin:exports"))

    assert response.status_code == 200
    assert reverse("participation_admin:export_json", args=[contributions.pk]) in (
        response.content.decode()
    )


def test_staff_without_the_permission_get_nothing(client, user_factory, contributions):
    person = user_factory(is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(person)

    response = client.get(reverse("participation_admin:export_csv", args=[contributions.pk]))

    assert response.status_code == 302
    assert b"Mehr B" not in response.content


def test_citizens_are_sent_to_the_login(client, user, contributions):
    client.force_login(user)

    response = client.get(reverse("participation_admin:export_json", args=[contributions.pk]))

    assert response.status_code == 302
