"""The open data page as a visitor sees it: each dataset's downloads (or that they are not
built yet), the licence the Ombudsstelle chose, the API's documentation and the fields."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitwirken.opendata.services import dumps_build
from tests.factories.opendata import OpenDataPageFactory
from tests.helpers import ui


def test_the_page_lists_the_downloads_the_licence_and_the_fields(
    client, db, home_page, django_capture_on_commit_callbacks
):
    page = OpenDataPageFactory()
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert ui("not built yet") in html
    with django_capture_on_commit_callbacks(execute=True):
        dumps = {(d.dataset, d.format): d for d in dumps_build()}
    html = client.get(page.url).content.decode()
    assert ui("not built yet") not in html
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    assert f'href="{dumps["procedures", "csv"].file.url}"' in html
    assert f'href="{dumps["procedures", "json"].file.url}"' in html
    assert "<code>contributions.proposals</code>" in html
    assert 'href="/api/v1/docs/"' in html


def test_the_page_makes_as_many_queries_with_every_download_built_as_without(
    client, db, home_page, django_capture_on_commit_callbacks, without_page_cache
):
    page = OpenDataPageFactory()
    page.save_revision().publish()
    client.get(page.url)  # the process's own caches filled
    with CaptureQueriesContext(connection) as unbuilt:
        client.get(page.url)
    with django_capture_on_commit_callbacks(execute=True):
        built = dumps_build()
    assert len(built) > 2
    client.get(page.url)  # the fragments the build's new generation dropped, built again
    with CaptureQueriesContext(connection) as with_downloads:
        client.get(page.url)
    assert len(with_downloads) <= len(unbuilt)
