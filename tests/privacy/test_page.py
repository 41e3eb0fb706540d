"""The privacy notice at /datenschutz/: the Ombudsstelle's fields and the processing table that
the apps declare in code; the forms that save personal data link to it and store the version of
the notice (or of the consent text) they showed."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from mitwirken.pages.models import SiteLinks, StandardPage
from mitwirken.privacy import seed as privacy_seed
from mitwirken.privacy import views
from mitwirken.privacy.models import PrivacyPage
from mitwirken.privacy.registry import Processing, processings
from mitwirken.seeding import seed_data
from participation.models import Statement
from tests.accounts.conftest import sign_up  # noqa: F401 (the fixture)
from tests.factories.pages import StandardPageFactory
from tests.factories.participation import ProcedurePageFactory
from tests.factories.privacy import PrivacyPageFactory
from tests.helpers import by_role, member_of, one, parsed, statement_data, text_of, ui

pytestmark = pytest.mark.django_db

ROWS = [
    Processing(
        key="test-accounts",
        what="Konto: E-Mail-Adresse und Anzeigename",
        purpose="Anmeldung und Beteiligung",
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
        retention=lambda: "bis Sie das Konto löschen",
        recipients="Ombudsstelle",
    ),
    Processing(
        key="test-statements",
        what="Stellungnahmen: Name und Anschrift",
        purpose="Förmliche Beteiligung nach § 3 BauGB",
        legal_basis="Art. 6 Abs. 1 lit. c DSGVO",
        retention="bis zum Ende der Aufbewahrungsfrist des Verfahrens",
        recipients="die bearbeitende Dienststelle",
    ),
]


@pytest.fixture
def privacy_page(home_page):
    """The notice, linked from the footer as the site's privacy page."""
    page = PrivacyPageFactory()
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    links.privacy_page = page
    links.save()
    return page


@pytest.fixture
def declared(monkeypatch):
    monkeypatch.setattr(views, "processings", lambda: ROWS)
    return ROWS


def processing_table(response):
    return one(response, "table", ui("Personal data on this portal"))


# The page ------------------------------------------------------------------------------------


def test_the_table_shows_what_why_legal_basis_how_long_and_who_of_each_row(
    client, privacy_page, declared
):
    table = processing_table(client.get("/datenschutz/"))

    headers = [text_of(th) for th in by_role(table, "columnheader")]
    assert headers == [ui("What"), ui("Why"), ui("Legal basis"), ui("How long"), ui("Who sees it")]
    rows = by_role(by_role(table, "rowgroup")[1], "row")
    assert [text_of(one(row, "rowheader")) for row in rows] == [row.what for row in ROWS]
    for row, declared_row in zip(rows, ROWS, strict=True):
        cells = [text_of(cell) for cell in by_role(row, "cell")]
        assert cells == [
            declared_row.purpose,
            declared_row.legal_basis,
            declared_row.retention_text,
            declared_row.recipients,
        ]
        # On a narrow screen each value stands under its column's name.
        assert [cell["data-label"] for cell in by_role(row, "cell")] == headers[1:]


def test_the_table_shows_every_processing_the_apps_declare(client, privacy_page):
    text = text_of(parsed(client.get("/datenschutz/")))

    for row in processings():
        assert str(row.what) in text and str(row.retention_text) in text


def test_the_page_names_controller_contact_and_data_protection_officer_and_its_version(
    client, privacy_page, declared
):
    page = parsed(client.get("/datenschutz/"))

    controller = page.find(id="privacy-controller").find_parent("section")
    assert "Stadt Dortmund" in text_of(controller) and "44135 Dortmund" in text_of(controller)
    contact = page.find(id="privacy-contact").find_parent("section")
    assert one(contact, "link", "ombudsstelle@dortmund.de", href="mailto:ombudsstelle@dortmund.de")
    assert one(contact, "link", "0231 50-0", href="tel:023150-0")
    dpo = page.find(id="privacy-dpo").find_parent("section")
    assert "Behördliche Datenschutzbeauftragte der Stadt Dortmund" in text_of(dpo)
    assert one(dpo, "link", "datenschutz@dortmund.de", href="mailto:datenschutz@dortmund.de")
    assert settings.PRIVACY_NOTICE_VERSION in text_of(page)


def test_the_english_page_has_the_same_table(client, privacy_page, declared):
    table = processing_table(client.get("/en/privacy/"))

    assert text_of(by_role(table, "columnheader")[0]) == ui("What", "en") == "What"
    assert len(by_role(by_role(table, "rowgroup")[1], "row")) == len(ROWS)


def test_the_site_has_one_privacy_page_directly_below_the_home_page(home_page, privacy_page):
    assert not PrivacyPage.can_create_at(home_page)
    assert not PrivacyPage.can_create_at(privacy_page)
    assert PrivacyPage.allowed_subpage_models() == []
    assert [model.__name__ for model in PrivacyPage.allowed_parent_page_models()] == ["HomePage"]


# Who edits it --------------------------------------------------------------------------------


def edit_form(page, **changes) -> dict:
    values = {
        "title_de": page.title_de,
        "title_en": page.title_en,
        "slug_de": page.slug_de,
        "slug_en": page.slug_en,
        "summary_de": "",
        "easy_language_summary_de": "",
        "intro_de": rich_text(page.intro_de),
        "intro_en": rich_text(""),
        "controller_name_de": page.controller_name_de,
        "controller_address_de": page.controller_address_de,
        "contact_name_de": page.contact_name_de,
        "contact_address_de": page.contact_address_de,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "dpo_name_de": page.dpo_name_de,
        "dpo_address_de": page.dpo_address_de,
        "dpo_email": page.dpo_email,
        "body_de": streamfield([]),
        "body_en": streamfield([]),
        "action-publish": "1",
    }
    return nested_form_data({**values, **changes})


def test_the_ombudsstelle_edits_and_publishes_the_privacy_page(
    client, ombudsstelle, privacy_page, declared
):
    client.force_login(ombudsstelle)
    url = reverse("wagtailadmin_pages:edit", args=[privacy_page.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, edit_form(privacy_page, dpo_email="dsb@stadtdo.de"))

    assert response.status_code == 302, response.context["form"].errors
    page = parsed(client.get("/datenschutz/"))
    assert one(page, "link", "dsb@stadtdo.de", href="mailto:dsb@stadtdo.de")


def test_a_district_council_may_not_edit_the_privacy_page(client, district_editor, privacy_page):
    client.force_login(district_editor)
    url = reverse("wagtailadmin_pages:edit", args=[privacy_page.pk])

    response = client.post(url, edit_form(privacy_page, dpo_email="dsb@stadtdo.de"))

    # Wagtail refuses by sending the person back to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert PrivacyPage.objects.get().dpo_email == "datenschutz@dortmund.de"
    client.force_login(member_of("Moderation", email="moderation-2@example.org"))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


# The forms that link to it -------------------------------------------------------------------


def notice_link(response):
    return one(response, "link", ui("privacy notice"), href=PrivacyPage.objects.get().url)


def test_the_sign_up_links_to_the_notice_names_its_version_and_stores_it(
    client,
    privacy_page,
    sign_up,  # noqa: F811
):
    response = client.get("/accounts/signup/")

    link = notice_link(response)
    assert settings.PRIVACY_NOTICE_VERSION in text_of(link.parent)
    sign_up()
    user = get_user_model().objects.get(email="kiezkind@example.org")
    assert user.privacy_version == settings.PRIVACY_NOTICE_VERSION


@pytest.fixture
def formal(home_page):
    return ProcedurePageFactory(title="Bebauungsplan Hö 250", kind="land_use")


def test_the_statement_form_links_to_the_notice_names_its_version_and_stores_it(
    client, privacy_page, formal
):
    url = f"{formal.url}stellungnahme/"
    response = client.get(url)

    link = notice_link(response)
    assert link.find_parent("form")["action"] == url
    assert settings.PRIVACY_NOTICE_VERSION in text_of(link.parent)
    client.post(url, statement_data(email="erika@example.org"))
    assert Statement.objects.get().privacy_version == settings.PRIVACY_NOTICE_VERSION


def test_the_subscription_form_names_the_version_of_the_consent_it_stores(
    client, privacy_page, settings
):
    settings.NOTIFICATIONS_CONSENT_VERSION = "2027-03"

    page = parsed(client.get(reverse("notifications:subscribe")))

    consent = page.find("input", attrs={"name": "consent"})
    hint = page.find(id=consent["aria-describedby"].split()[0])
    assert "2027-03" in text_of(hint)
    assert hint.find("a", href=PrivacyPage.objects.get().url)


# The demo ------------------------------------------------------------------------------------


def test_the_seed_puts_the_notice_where_the_standard_page_was_and_links_it(client, home_page):
    StandardPageFactory(title="Datenschutz", slug="datenschutz", slug_en="privacy")
    data = seed_data(Path(privacy_seed.__file__).parent, "privacy_page.yaml")

    privacy_seed.privacy_page(data)
    privacy_seed.privacy_page(data)  # a second run finds it again

    assert not StandardPage.objects.filter(slug_de="datenschutz").exists()
    page = PrivacyPage.objects.get()
    assert page.url == "/datenschutz/"
    assert page.contact_email == "ombudsstelle@dortmund.de"
    footer = parsed(client.get("/")).find("footer")
    assert one(footer, "link", page.title, href="/datenschutz/")


def test_the_page_makes_as_many_queries_for_20_rows_as_for_2(
    client, privacy_page, monkeypatch, without_page_cache, django_assert_max_num_queries
):
    client.get("/datenschutz/")  # the site's root paths and settings, cached once per process
    for size in (2, 20):
        monkeypatch.setattr(views, "processings", lambda size=size: (ROWS * 10)[:size])
        with django_assert_max_num_queries(6):
            page = client.get("/datenschutz/")
        assert len(by_role(by_role(page, "rowgroup")[1], "row")) == size
