"""A formal statement's PDF carries a citizen's name and address: it is stored outside
MEDIA_ROOT under a generated name, has no public address, and only staff with the permission to
view statements download it. Only real PDFs without active content are taken."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction

from participation import services
from participation.models import Statement, StatementAttachment
from tests.factories.accounts import UserFactory
from tests.factories.files import pdf_bytes, pdf_upload
from tests.factories.pages import DocumentFactory
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import statement_data

pytestmark = pytest.mark.django_db

GENERATED_NAME = re.compile(r"statements/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\.pdf")


@pytest.fixture
def formal(home_page):
    return ProcedurePageFactory(title="Bebauungsplan Hö 123", kind="land_use")


@pytest.fixture
def citizen(client, citizen):
    """The citizen, logged in."""
    client.force_login(citizen)
    return citizen


def stored_files() -> set[Path]:
    return {
        path
        for root in (settings.PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT)
        for path in Path(root).rglob("*")
        if path.is_file()
    }


@pytest.fixture
def statement_with_pdf(formal):
    """A statement handed in online with one PDF, the way the form's service stores it."""
    citizen = UserFactory(display_name="Erika")
    return services.statement_create(
        procedure=formal,
        author=citizen,
        text="Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
        name="Erika Mustermann",
        street="Friedensplatz 1",
        postcode="44135",
        city="Dortmund",
        attachments=[pdf_upload("Einwendung Müller.pdf")],
    )


@pytest.fixture
def attachment(statement_with_pdf):
    return statement_with_pdf.attachments.get()


def download_url(attachment):
    return reverse("participation_admin:statement_attachment", args=[attachment.pk])


def admin_role(name: str, *codenames: str) -> Group:
    """A staff group with admin access and the given participation permissions."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="participation", codename__in=codenames),
    )
    return group


@pytest.fixture
def clerk(client, ombudsstelle):
    """The Ombudsstelle, which handles formal statements, logged in."""
    client.force_login(ombudsstelle)
    return ombudsstelle


@pytest.fixture
def moderator(client, moderator):
    """The moderator, logged in."""
    client.force_login(moderator)
    return moderator


# Where the file lives ------------------------------------------------------------------------


def test_a_citizens_pdf_lands_outside_media_root_under_a_generated_name(client, formal, citizen):
    response = client.post(
        f"{formal.url}stellungnahme/",
        statement_data(attachments=[pdf_upload("Einwendung Müller.pdf")]),
    )

    assert response.status_code == 302
    attachment = StatementAttachment.objects.get()
    assert GENERATED_NAME.fullmatch(attachment.file.name)
    assert attachment.name == "Einwendung Müller.pdf"
    path = Path(attachment.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.read_bytes() == pdf_bytes()
    assert not (Path(settings.MEDIA_ROOT) / "statements").exists()
    with pytest.raises(NotImplementedError):
        attachment.file.url  # noqa: B018 - a private file has no address


@pytest.mark.urls("tests.media_urls")
def test_media_does_not_serve_an_attachment_even_when_the_app_serves_uploads(client, attachment):
    public = Path(settings.MEDIA_ROOT) / "images" / "probe.txt"
    public.parent.mkdir(parents=True, exist_ok=True)
    public.write_text("public")
    assert client.get("/media/images/probe.txt").status_code == 200

    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    climb = Path("..", private_root.name, attachment.file.name)
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    climbing = client.get(f"/media/{climb.as_posix()}")  # Django refuses to leave MEDIA_ROOT
    assert climbing.status_code == 400
    assert b"%PDF" not in climbing.content


# Who may download it -------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_admin_login(client, attachment):
    url = download_url(attachment)
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={url}"


def test_citizens_are_sent_to_the_admin_login(client, attachment):
    client.force_login(UserFactory())
    url = download_url(attachment)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={url}"


def test_staff_without_the_permission_to_view_statements_are_turned_away(
    client, moderator, attachment
):
    response = client.get(download_url(attachment))

    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_staff_who_may_enter_but_not_view_statements_are_turned_away(client, attachment):
    person = UserFactory(is_staff=True)
    person.groups.add(admin_role("Poststelle", "add_statement"))
    client.force_login(person)

    response = client.get(download_url(attachment))

    assert response.status_code == 404


def test_another_districts_editor_does_not_find_the_file(client, district_editor, attachment):
    """The statement is to a city-wide procedure: Hörde's editors may view statements, in
    Hörde's procedures only."""
    client.force_login(district_editor)

    response = client.get(download_url(attachment))

    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_staff_with_the_permission_download_the_file_with_safe_headers(client, clerk, attachment):
    # A browser accepts gzip; the file still comes as it is, with its length for the progress bar.
    response = client.get(download_url(attachment), headers={"accept-encoding": "gzip, br"})

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert response["Content-Length"] == str(len(pdf_bytes()))
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Einwendung%20M%C3%BCller.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "no-store" in response["Cache-Control"]
    assert "X-Accel-Redirect" not in response


def test_behind_nginx_the_proxy_sends_the_bytes(client, clerk, attachment, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/_private/"

    response = client.get(download_url(attachment))

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private/{attachment.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; ")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_an_unknown_attachment_is_not_found(client, clerk):
    response = client.get(reverse("participation_admin:statement_attachment", args=[999999]))
    assert response.status_code == 404


def test_the_statement_in_the_admin_links_its_attachments_with_name_and_size(
    client, clerk, attachment
):
    response = client.get(
        reverse("participation_statements:inspect", args=[attachment.statement_id])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="{download_url(attachment)}" download>Einwendung Müller.pdf</a>' in html
    with translation.override("de"):
        assert f"({filesizeformat(attachment.size)})" in html
    assert attachment.file.name not in html


def test_analog_statements_are_still_entered_without_files(client, clerk, formal):
    clerk.groups.add(admin_role("Posteingang", "add_statement"))
    response = client.post(
        reverse("participation_statements:add"),
        {
            "procedure": formal.pk,
            "channel": "paper",
            "text": "Ich erhebe Einwendungen gegen den Bebauungsplan.",
            "name": "Erika Mustermann",
            "street": "Friedensplatz 1",
            "postcode": "44135",
            "city": "Dortmund",
            "email": "",
        },
    )

    assert response.status_code == 302
    statement = Statement.objects.get()
    assert (statement.channel, statement.attachments.count()) == ("paper", 0)
    inspect = client.get(reverse("participation_statements:inspect", args=[statement.pk]))
    assert inspect.status_code == 200


def test_the_file_leaves_the_disk_with_its_statement(
    attachment, django_capture_on_commit_callbacks
):
    path = Path(attachment.file.path)
    assert path.is_file()

    with django_capture_on_commit_callbacks(execute=True):
        attachment.statement.delete()

    assert not StatementAttachment.objects.exists()
    assert not path.exists()


# Not through the moderation ------------------------------------------------------------------


def test_statements_are_not_reachable_through_the_moderation_views(
    client, moderator, statement_with_pdf
):
    url = reverse("participation_moderation:moderate", args=["statement", statement_with_pdf.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "hide", "reason": "Spam"}).status_code == 404
    statement_with_pdf.refresh_from_db()
    assert not statement_with_pdf.is_hidden


# Real PDFs only ------------------------------------------------------------------------------

HTML_AS_PDF = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)
NOT_PDF = "%(name)s is not a PDF file."
WRONG_NAME = "%(name)s is not a PDF file: its name must end in .pdf."
ACTIVE = (
    "%(name)s contains JavaScript, actions that run when it is opened or embedded files. "
    "Please attach a plain PDF, for example printed to PDF once more."
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("einwendung.pdf", HTML_AS_PDF, NOT_PDF),
        ("plan.svg", SVG, WRONG_NAME),
        ("plan.pdf", SVG, NOT_PDF),
        ("einwendung.pdf", pdf_bytes(open_action_js="app.alert('Hallo')"), ACTIVE),
        ("einwendung.pdf", pdf_bytes(page_actions=True), ACTIVE),
        ("einwendung.txt", pdf_bytes(), WRONG_NAME),
    ],
    ids=["html-starting-with-%PDF", "svg", "svg-named-pdf", "openaction-javascript", "aa", "txt"],
)
def test_what_is_not_a_plain_pdf_is_refused_and_nothing_is_stored(
    client, formal, citizen, name, content, message
):
    before = stored_files()

    response = client.post(
        f"{formal.url}stellungnahme/",
        statement_data(attachments=[pdf_upload(name, content)]),
    )

    assert response.status_code == 200
    errors = response.context["statement_form"].errors["attachments"]
    assert errors == [translation.gettext(message) % {"name": name}]
    assert name in response.content.decode()
    assert not Statement.objects.exists()
    assert not StatementAttachment.objects.exists()
    assert stored_files() == before


def test_a_real_small_pdf_is_taken(client, formal, citizen):
    response = client.post(
        f"{formal.url}stellungnahme/",
        statement_data(attachments=[pdf_upload("einwendung.pdf", pdf_bytes(pages=2))]),
    )

    assert response.status_code == 302
    assert StatementAttachment.objects.get().file.read() == pdf_bytes(pages=2)


def test_the_service_refuses_active_content_without_the_form(formal):
    """Every caller of the service (the form, the admin, a script) gets the same check."""
    before = stored_files()

    with pytest.raises(ValidationError) as refused:
        services.statement_create(
            procedure=formal,
            author=UserFactory(),
            text="Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
            name="Erika Mustermann",
            street="Friedensplatz 1",
            postcode="44135",
            city="Dortmund",
            attachments=[pdf_upload("a.pdf", pdf_bytes(open_action_js="app.launchURL('x')"))],
        )

    assert refused.value.message_dict == {
        "attachments": [translation.gettext(ACTIVE) % {"name": "a.pdf"}]
    }
    assert not Statement.objects.exists()
    assert stored_files() == before


# Wagtail's documents -------------------------------------------------------------------------


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return DocumentFactory(collection=collection, file__data=pdf_bytes())


def test_a_document_of_a_private_collection_is_refused_to_anonymous_visitors(
    client, private_document
):
    url = private_document.url

    response = client.get(url)

    assert url == f"/documents/{private_document.pk}/{private_document.filename}"
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailcore_login')}?next={url}"


def test_a_signed_in_person_gets_the_document_of_a_login_collection(client, private_document):
    client.force_login(UserFactory())

    response = client.get(private_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()


@pytest.mark.urls("tests.media_urls")
def test_media_does_not_serve_documents_even_when_the_app_serves_uploads(client, private_document):
    raw = private_document.file.name
    assert raw.startswith("documents/")
    assert (Path(settings.MEDIA_ROOT) / raw).is_file()

    assert client.get(f"/media/{raw}").status_code == 404
    assert client.get(f"/media/./{raw}").status_code == 404
    assert client.get(f"/media/images/../{raw}").status_code == 404
