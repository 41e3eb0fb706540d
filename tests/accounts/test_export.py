"""A person downloads their own data (Art. 15 and 20 DSGVO): a ZIP with ``data.json`` (every
app's part), its JSON Schema, a README and their own files, built by a task and fetched through
a signed link that only they can open, for ``PRIVACY_EXPORT_DAYS`` days. The Ombudsstelle
prepares it on a person's request."""

import datetime
import io
import json
import zipfile
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core import mail, signing
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation.models import Respondent
from mitwirken.accounts import services
from mitwirken.accounts.exports import SCHEMA_PATH, export_parts
from mitwirken.accounts.models import DataExport
from mitwirken.accounts.tasks import build_data_export
from mitwirken.accounts.tokens import export_link
from mitwirken.notifications.models import EmailSubscription, Follow, Notification, Preference
from mitwirken.privacy.registry import processings
from participation.models import PollVote, StatementAttachment
from tests.factories.accounts import UserFactory
from tests.factories.evaluation import InvitationFactory
from tests.factories.files import pdf_bytes
from tests.factories.notifications import NotificationFactory
from tests.factories.pages import FeedbackFactory
from tests.factories.participation import (
    CommentFactory,
    EventRegistrationFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    ReportFactory,
    StatementFactory,
    SupportFactory,
)
from tests.factories.training import EnrolmentFactory
from tests.helpers import parsed, ui
from toolkit.models import FormatSuggestion
from training.models import LessonProgress

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()


def everything(user, *, marker: str, count: int = 1):
    """``count`` of every kind of thing the portal keeps of ``user``; texts carry ``marker``."""
    procedure = ProcedurePageFactory(title=f"Verfahren {marker}")
    formal = ProcedurePageFactory(title=f"Förmlich {marker}", kind="land_use")
    for number in range(count):
        proposal = ProposalFactory(
            procedure=procedure, author=user, title=f"Vorschlag {marker} {number}"
        )
        CommentFactory(procedure=procedure, proposal=proposal, author=user, text=f"K {marker}")
        SupportFactory(proposal=ProposalFactory(procedure=procedure), user=user)
        poll = PollFactory(procedure=procedure)
        vote = PollVote.objects.create(poll=poll, user=user)
        vote.choices.set([poll.questions.get().choices.first()])
        statement = StatementFactory(
            procedure=formal,
            author=user,
            name=f"Name {marker}",
            text=f"Stellungnahme {marker}",
            privacy_version="2026-12",
        )
        StatementAttachment.objects.create(
            statement=statement,
            file=ContentFile(PDF, name="x.pdf"),
            name=f"einwendung-{number}.pdf",
            size=len(PDF),
        )
        ReportFactory(contribution=ProposalFactory(procedure=procedure), reporter=user)
        EventRegistrationFactory(event__procedure=procedure, user=user)
        enrolment = EnrolmentFactory(user=user, attended=True)
        LessonProgress.objects.create(
            user=user, module=enrolment.session.module, lesson=f"lektion-{number}"
        )
        invitation = InvitationFactory(user=user)
        Respondent.objects.create(survey=invitation.survey, user=user)
        FormatSuggestion.objects.create(
            author=user, title=f"Format {marker} {number}", description="So geht es."
        )
        FeedbackFactory(email=user.email, message=f"Kontrast {marker} {number}")
        EmailSubscription.objects.create(
            email=user.email.upper() if number == 0 else f"{number}.{user.email}",
            content_type=ContentType.objects.get_for_model(procedure),
            object_id=procedure.pk,
            language="de",
            consent_version="2026-12",
            confirmed_at=timezone.now(),
        )
        NotificationFactory(
            user=user,
            email=user.email,
            status="sent",
            sent_at=timezone.now(),
            message__subject=f"Betreff {marker} {number}",
        )
    Follow.objects.create(
        user=user, content_type=ContentType.objects.get_for_model(procedure), object_id=procedure.pk
    )
    Preference.objects.create(user=user, kind="news.published", frequency="weekly")
    user.privacy_version = "2026-12"
    user.first_name = f"Vorname {marker}"
    user.save()
    return procedure


def built(user, django_capture_on_commit_callbacks) -> DataExport:
    with django_capture_on_commit_callbacks(execute=True):
        export = services.data_export_request(user=user)
    export.refresh_from_db()
    return export


def archive_of(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def data_of(export: DataExport) -> dict:
    with export.file.open("rb") as file:
        return json.loads(archive_of(file.read()).read("data.json"))


def messages_of(response) -> list[str]:
    """The messages the request left for the page it leads to."""
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return client


# What the ZIP holds ----------------------------------------------------------------------------


def test_the_zip_holds_every_part_of_a_person_with_one_of_everything(
    home_page, citizen, django_capture_on_commit_callbacks
):
    procedure = everything(citizen, marker="KIM")

    export = built(citizen, django_capture_on_commit_callbacks)

    with export.file.open("rb") as file:
        archive = archive_of(file.read())
    names = archive.namelist()
    assert {"data.json", "schema.json", "README.txt"} <= set(names)
    data = json.loads(archive.read("data.json"))
    assert data["schema"] == "1" and data["generated_at"] == export.finished_at.isoformat()
    assert data["account"]["email"] == "kim@example.org"
    assert data["account"]["email_addresses"] == [
        {"email": "kim@example.org", "verified": True, "primary": True}
    ]
    assert data["account"]["first_name"] == "Vorname KIM"
    assert data["consents"] == [
        {
            "consent": "privacy_notice",
            "version": "2026-12",
            "given_at": citizen.date_joined.isoformat(),
            "context": "sign_up",
        }
    ]
    procedure_ref = {"title": "Verfahren KIM", "url": f"http://testserver{procedure.url}"}
    assert data["follows"][0]["url"] == procedure_ref["url"]
    assert data["notification_preferences"] == [
        {"kind": "news.published", "label": ui("News about what I follow"), "frequency": "weekly"}
    ]
    (subscription,) = data["email_subscriptions"]
    assert subscription["email"] == "KIM@EXAMPLE.ORG" and subscription["consent_version"]
    assert [row["subject"] for row in data["mails"]] == ["Betreff KIM 0"]
    assert data["proposals"][0]["title"] == "Vorschlag KIM 0"
    assert data["proposals"][0]["procedure"] == procedure_ref
    assert data["comments"][0]["text"] == "K KIM"
    assert data["supports"][0]["procedure"] == procedure_ref
    assert data["poll_votes"][0]["answers"] == [
        {"question": "Soll der Platz umgestaltet werden?", "choice": "Ja"}
    ]
    (statement,) = data["statements"]
    assert statement["name"] == "Name KIM" and statement["privacy_version"] == "2026-12"
    (attachment,) = statement["attachments"]
    assert attachment["name"] == "einwendung-0.pdf"
    assert attachment["file"].startswith("files/statements/")
    assert archive.read(attachment["file"]) == PDF
    assert data["reports"][0]["reason"] == "Beleidigend."
    assert data["event_registrations"][0]["procedure"] == procedure_ref
    (enrolment,) = data["training_enrolments"]
    assert enrolment["status"] == "confirmed" and enrolment["attended"] is True
    assert data["lesson_progress"][0]["lesson"] == "lektion-0"
    (survey,) = data["surveys"]
    assert survey["answered"] is True and survey["channel"] == "email"
    assert data["format_suggestions"][0]["title"] == "Format KIM 0"
    assert data["accessibility_feedback"][0]["message"] == "Kontrast KIM 0"
    assert data["data_exports"][0]["requested_by_staff"] is False
    readme = archive.read("README.txt").decode()
    assert "data.json" in readme and "files/" in readme


def test_the_readme_speaks_the_persons_language(home_page, django_capture_on_commit_callbacks):
    person = UserFactory(language="en")

    export = built(person, django_capture_on_commit_callbacks)

    with export.file.open("rb") as file:
        readme = archive_of(file.read()).read("README.txt").decode()
    assert readme.startswith(ui("Your data from the participation portal %(site)s", "en")[:14])
    assert ui("Dates and times are given in ISO 8601 with their offset from UTC.", "en") in readme


def test_another_persons_data_never_appears(home_page, citizen, django_capture_on_commit_callbacks):
    everything(citizen, marker="KIM")
    other = UserFactory(email="other@example.org")
    everything(other, marker="FREMD")
    # An address of the other person added to the citizen's account, never confirmed.
    EmailAddress.objects.create(user=citizen, email="other@example.org", verified=False)

    export = built(citizen, django_capture_on_commit_callbacks)

    with export.file.open("rb") as file:
        archive = archive_of(file.read())
    data = json.loads(archive.read("data.json"))
    text = json.dumps(data, ensure_ascii=False)
    assert "KIM" in text and "FREMD" not in text
    # The unconfirmed address is listed as one of the account's, and finds nothing sent from it.
    assert {"email": "other@example.org", "verified": False, "primary": False} in data["account"][
        "email_addresses"
    ]
    del data["account"]
    assert "other@example.org" not in json.dumps(data)
    assert len([name for name in archive.namelist() if name.startswith("files/")]) == 1


# The schema ----------------------------------------------------------------------------------


def violations(value, schema, definitions, where="") -> list[str]:
    """What in ``value`` does not fit ``schema`` (the subset of JSON Schema our file uses:
    type, properties, required, items, $ref)."""
    if "$ref" in schema:
        schema = definitions[schema["$ref"].rsplit("/", 1)[-1]]
    types = schema.get("type")
    types = [types] if isinstance(types, str) else types or []
    python = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "boolean": bool,
        "null": type(None),
    }
    if types and not any(
        isinstance(value, python[name]) and not (name == "integer" and isinstance(value, bool))
        for name in types
    ):
        return [f"{where}: {value!r} is not {types}"]
    found = []
    if isinstance(value, dict) and "properties" in schema:
        found += [f"{where}.{key}: missing" for key in schema["required"] if key not in value]
        described = schema["properties"]
        found += [f"{where}.{key}: not described" for key in value if key not in described]
        for key, sub in schema["properties"].items():
            if key in value:
                found += violations(value[key], sub, definitions, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for number, item in enumerate(value):
            found += violations(item, schema["items"], definitions, f"{where}[{number}]")
    return found


def test_the_schema_in_the_zip_describes_data_json(
    home_page, citizen, django_capture_on_commit_callbacks
):
    everything(citizen, marker="KIM")

    export = built(citizen, django_capture_on_commit_callbacks)

    with export.file.open("rb") as file:
        archive = archive_of(file.read())
    schema = json.loads(archive.read("schema.json"))
    assert schema == json.loads(SCHEMA_PATH.read_text())
    assert violations(json.loads(archive.read("data.json")), schema, schema["$defs"]) == []


def test_every_part_an_app_exports_is_in_the_schema(citizen):
    schema = json.loads(SCHEMA_PATH.read_text())
    keys = {part.key for part in export_parts(citizen)}
    assert keys == set(schema["properties"]) - {"schema", "generated_at"}


# Asking for it, the mail, the link -------------------------------------------------------------


def test_a_person_asks_on_the_account_page_and_gets_a_mail_with_the_link(
    signed_in, citizen, home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(reverse("accounts:export"))

    assert response["Location"] == f"{reverse('accounts:account')}#messages"
    assert messages_of(response) == [
        ui(
            "We are preparing the download of your data. You will get an e-mail with the link "
            "when it is ready, usually within a few minutes."
        )
    ]
    export = DataExport.objects.get(user=citizen)
    (sent,) = mail.outbox
    assert sent.to == [citizen.email]
    assert sent.subject == ui("Your data is ready for download")
    assert "7" in sent.body
    prefix = f"http://testserver{reverse('accounts:export')}"
    (link,) = [word for word in sent.body.split() if word.startswith(prefix)]

    download = signed_in.get(link.removeprefix("http://testserver"))

    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert "attachment" in download["Content-Disposition"]
    body = b"".join(download.streaming_content)
    with export.file.open("rb") as file:
        assert body == file.read()


def test_the_form_shows_that_it_is_being_prepared_then_the_link(citizen, rf, home_page):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = citizen
    export = DataExport.objects.create(user=citizen)

    preparing = parsed(render_to_string("accounts/includes/export_form.html", request=request))
    assert ui("Being prepared") in preparing.get_text()
    assert not preparing.select("form")

    export.finished_at = timezone.now()
    export.file.save("x.zip", ContentFile(b"zip"), save=False)
    export.size = 3
    export.save()
    ready = parsed(render_to_string("accounts/includes/export_form.html", request=request))
    (link,) = ready.select("a[download]")
    assert link["href"].startswith(reverse("accounts:export_download", args=["x"])[:-2])
    assert ready.select_one("form")["action"] == reverse("accounts:export")


# Bad input: 404 and nothing sent --------------------------------------------------------------


@pytest.fixture
def ready_export(citizen, home_page, django_capture_on_commit_callbacks):
    return built(citizen, django_capture_on_commit_callbacks)


def test_another_person_signed_in_finds_nothing(client, ready_export):
    client.force_login(UserFactory(email="neugierig@example.org"))

    response = client.get(export_link(ready_export))

    assert response.status_code == 404
    assert b"PK" not in response.content[:2]


def test_a_link_made_for_another_person_finds_nothing(signed_in, citizen, ready_export):
    other = DataExport.objects.create(user=UserFactory(), finished_at=timezone.now())
    other.file.save("y.zip", ContentFile(b"PKother"), save=True)

    response = signed_in.get(export_link(other))
    assert response.status_code == 404
    assert b"PKother" not in response.content


def test_a_tampered_link_finds_nothing(signed_in, ready_export):
    signed = export_link(ready_export).rstrip("/").rsplit("/", 1)[-1]
    value = signing.loads(signed, salt="mitwirken.accounts.data_export")
    forged = signing.dumps({**value, "export": value["export"] + 1}, salt="another salt")

    for token in (signed[:-2] + "xx", forged):
        response = signed_in.get(reverse("accounts:export_download", args=[token]))
        assert response.status_code == 404


def test_an_expired_link_finds_nothing(signed_in, ready_export, settings):
    link = export_link(ready_export)
    later = timezone.now() + datetime.timedelta(days=settings.PRIVACY_EXPORT_DAYS, minutes=1)

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = signed_in.get(link)

    assert response.status_code == 404


def test_a_deleted_download_finds_nothing(signed_in, ready_export):
    link = export_link(ready_export)
    ready_export.delete()

    assert signed_in.get(link).status_code == 404


def test_a_visitor_is_asked_to_log_in_and_gets_nothing(client, ready_export):
    response = client.get(export_link(ready_export))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not response.content


def test_a_visitor_cannot_ask_for_a_download(client, citizen):
    response = client.post(reverse("accounts:export"))

    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not DataExport.objects.exists()


# Limits and the task -------------------------------------------------------------------------


def test_one_download_is_prepared_at_a_time(citizen):
    services.data_export_request(user=citizen)

    with pytest.raises(Exception) as refused:
        services.data_export_request(user=citizen)

    assert refused.value.code == "export_pending"
    assert DataExport.objects.count() == 1


def test_two_requests_at_the_same_moment_make_one_download(citizen):
    DataExport.objects.create(user=citizen)

    with pytest.raises(IntegrityError), transaction.atomic():
        DataExport.objects.create(user=citizen)


def test_a_download_waiting_long_is_queued_again(
    citizen, home_page, django_capture_on_commit_callbacks
):
    waiting = DataExport.objects.create(user=citizen)
    DataExport.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )

    with django_capture_on_commit_callbacks(execute=True):
        again = services.data_export_request(user=citizen)

    assert again == waiting
    waiting.refresh_from_db()
    assert waiting.is_ready
    assert [m.to for m in mail.outbox] == [[citizen.email]]


def test_a_few_downloads_a_day(citizen, home_page, settings, django_capture_on_commit_callbacks):
    limit = settings.RATE_LIMITS["accounts.export"][0]
    for _number in range(limit):
        built(citizen, django_capture_on_commit_callbacks)

    with pytest.raises(Exception) as refused:
        services.data_export_request(user=citizen)

    assert refused.value.code == "export_limit"
    assert DataExport.objects.count() == limit


def test_the_limit_is_told_on_the_account_page(signed_in, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accounts.export": (0, 3600)}

    response = signed_in.post(reverse("accounts:export"))

    assert messages_of(response) == [str(services.EXPORT_TOO_OFTEN)]
    assert not DataExport.objects.exists()


def test_the_task_run_twice_builds_and_mails_once(citizen, home_page):
    export = DataExport.objects.create(user=citizen)

    assert build_data_export(export.pk) is True
    first = DataExport.objects.get().file.name
    assert build_data_export(export.pk) is True

    assert DataExport.objects.get().file.name == first
    assert Notification.objects.filter(message__kind="accounts.data_export_ready").count() == 1
    assert build_data_export(export.pk + 100) is False


def test_expired_downloads_and_their_files_are_deleted_once(
    citizen, home_page, settings, django_capture_on_commit_callbacks
):
    export = built(citizen, django_capture_on_commit_callbacks)
    storage, name = export.file.storage, export.file.name
    (rule,) = [row for row in processings() if row.key == "data_exports"]
    later = export.finished_at + datetime.timedelta(days=settings.PRIVACY_EXPORT_DAYS, seconds=1)

    assert rule.expire(later - datetime.timedelta(seconds=2)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert rule.expire(later) == 1
    assert rule.expire(later) == 0

    assert not DataExport.objects.exists()
    assert not storage.exists(name)


def test_each_part_costs_the_same_queries_for_one_or_three_of_everything(
    home_page, django_assert_max_num_queries
):
    from django.db import connection

    few, many = UserFactory(), UserFactory()
    everything(few, marker="A", count=1)
    everything(many, marker="B", count=3)

    def queries(user) -> int:
        with CaptureQueriesContext(connection) as captured:
            for part in export_parts(user):
                json.dumps(part.records)
        return len(captured)

    once = queries(few)
    with django_assert_max_num_queries(once):
        for part in export_parts(many):
            json.dumps(part.records)
    assert once <= 30


# Staff on a person's request --------------------------------------------------------------------


@pytest.fixture
def ombudsstelle_client(client, ombudsstelle):
    client.force_login(ombudsstelle)
    return client


def test_the_ombudsstelle_prepares_a_download_on_a_persons_request(
    ombudsstelle_client, ombudsstelle, citizen, home_page, django_capture_on_commit_callbacks
):
    page = reverse("accounts_data_exports")
    home = ombudsstelle_client.get(reverse("wagtailadmin_home")).content.decode()
    assert page in home

    found = ombudsstelle_client.get(page, {"email": "KIM@example.org"})
    assert found.status_code == 200
    assert found.context["person"] == citizen

    with django_capture_on_commit_callbacks(execute=True):
        ombudsstelle_client.post(page, {"person": citizen.pk})

    export = DataExport.objects.get()
    assert export.user == citizen and export.requested_by == ombudsstelle
    (sent,) = mail.outbox
    assert sent.to == [citizen.email]
    listing = ombudsstelle_client.get(page)
    (row,) = listing.context["exports"]
    assert row["state"] == ui("ready")
    download = ombudsstelle_client.get(row["download_url"])
    assert download.status_code == 200
    with export.file.open("rb") as file:
        assert b"".join(download.streaming_content) == file.read()


def test_a_moderator_may_not_handle_data_requests(client, moderator, citizen, ready_export):
    client.force_login(moderator)
    page = reverse("accounts_data_exports")
    download = reverse("accounts_data_export_download", args=[ready_export.pk])

    assert page not in client.get(reverse("wagtailadmin_home")).content.decode()
    search = client.get(page, {"email": citizen.email})
    request = client.post(page, {"person": citizen.pk})
    fetch = client.get(download)

    # Wagtail answers a denied admin page with a redirect to the dashboard and a message.
    for response in (search, request, fetch):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        assert not response.content
    assert DataExport.objects.count() == 1


def test_an_unknown_address_finds_no_one(ombudsstelle_client):
    response = ombudsstelle_client.get(
        reverse("accounts_data_exports"), {"email": "niemand@example.org"}
    )

    assert response.context["person"] is None
    assert response.context["form"].errors["email"] == [ui("No account has this e-mail address.")]
