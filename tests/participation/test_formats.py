"""Procedures name the formats of the Instrumentenkoffer they use: the procedure page links them,
and a format's page lists the procedures that used it (through the ``toolkit_format_related``
hook, so the toolkit never imports participation)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail import hooks

from participation.wagtail_hooks import procedures_using_format
from tests.factories.participation import ProcedurePageFactory
from tests.factories.toolkit import FormatPageFactory

pytestmark = pytest.mark.django_db


def with_formats(procedure, formats):
    procedure.formats = list(formats)
    procedure.save_revision().publish()
    procedure.refresh_from_db()
    return procedure


def queries(client, url) -> int:
    """The queries of a request that builds every fragment (navigation, lists) anew."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_procedure_page_links_its_live_formats(client, home_page):
    used = FormatPageFactory(title="Digitaler Stadtteilspaziergang")
    draft = FormatPageFactory(title="Noch nicht veröffentlicht")
    draft.unpublish()
    procedure = with_formats(ProcedurePageFactory(), [used, draft])

    response = client.get(procedure.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="formats-heading"' in html
    assert f'href="{used.url}"' in html
    assert "Digitaler Stadtteilspaziergang" in html
    assert "Noch nicht veröffentlicht" not in html


def test_a_procedure_without_formats_has_no_such_section(client, home_page):
    procedure = ProcedurePageFactory()

    html = client.get(procedure.url).content.decode()

    assert 'id="formats-heading"' not in html


def test_the_procedure_page_makes_as_many_queries_for_five_formats_as_for_one(
    client, home_page, without_page_cache
):
    procedure = with_formats(ProcedurePageFactory(), [FormatPageFactory()])
    client.get(procedure.url)  # the first request fills the process's caches (content types)
    baseline = queries(client, procedure.url)

    with_formats(procedure, [FormatPageFactory() for _number in range(5)])

    assert queries(client, procedure.url) == baseline


def test_the_hook_lists_the_live_public_procedures_newest_first(home_page):
    used = FormatPageFactory()
    older = with_formats(ProcedurePageFactory(title="Älteres Verfahren"), [used])
    newer = with_formats(ProcedurePageFactory(title="Neueres Verfahren"), [used])
    hidden = with_formats(ProcedurePageFactory(title="Zurückgezogen"), [used])
    hidden.unpublish()
    with_formats(ProcedurePageFactory(title="Anderes Format"), [FormatPageFactory()])
    request = RequestFactory().get("/")

    heading, procedures = procedures_using_format(used, request)

    assert [procedure.pk for procedure in procedures] == [newer.pk, older.pk]
    with translation.override("en"):
        assert str(heading) == "Procedures that used this format"


def test_the_hook_gives_nothing_for_an_unused_format(home_page):
    assert procedures_using_format(FormatPageFactory(), RequestFactory().get("/")) is None


def test_the_hook_is_registered_for_the_toolkit():
    assert procedures_using_format in hooks.get_hooks("toolkit_format_related")


def test_the_preview_shows_formats_chosen_but_not_yet_saved(admin_client, home_page):
    procedure = ProcedurePageFactory()
    chosen = FormatPageFactory(title="Online-Umfrage")
    procedure.formats = [chosen]  # as the editor's form holds them, not saved yet

    response = procedure.make_preview_request(original_request=RequestFactory().get("/"))

    assert response.status_code == 200
    assert "Online-Umfrage" in response.rendered_content


def test_the_format_page_lists_the_procedures_that_used_it(client, home_page):
    used = FormatPageFactory(title="Digitale Sprechstunde")
    procedure = with_formats(ProcedurePageFactory(title="Spielplatz am Hafen"), [used])

    response = client.get(used.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{procedure.url}"' in html
    assert "Spielplatz am Hafen" in html


def test_a_format_page_without_procedures_has_no_such_list(client, home_page):
    unused = FormatPageFactory()
    ProcedurePageFactory(title="Ein anderes Verfahren")

    html = client.get(unused.url).content.decode()

    assert "Ein anderes Verfahren" not in html


def test_the_format_page_makes_as_many_queries_for_ten_procedures_as_for_one(
    client, home_page, without_page_cache
):
    format_page = FormatPageFactory()
    with_formats(ProcedurePageFactory(title="Erstes Verfahren"), [format_page])
    one = queries(client, format_page.url)

    for number in range(9):
        with_formats(ProcedurePageFactory(title=f"Verfahren {number}"), [format_page])

    assert queries(client, format_page.url) <= one
    assert client.get(format_page.url).content.decode().count("Verfahren ") >= 9
