"""The page kit: a route's URL, and views registered for a page class."""

import pytest
from django.utils import translation

from mitwirken.pages.kit import route_format, route_url
from tests.factories.participation import ProcedurePageFactory
from tests.factories.toolkit import ToolkitIndexPageFactory

pytestmark = pytest.mark.django_db


def test_route_url_is_the_page_url_and_the_route_with_its_arguments(home_page):
    procedure = ProcedurePageFactory()

    assert route_url(procedure, "proposal_create") == f"{procedure.url}vorschlag/"
    assert route_url(procedure, "support_create", 7) == f"{procedure.url}vorschlag/7/unterstuetzen/"


def test_route_format_reverses_once_and_fills_in_each_items_arguments(home_page):
    procedure = ProcedurePageFactory()

    support = route_format(procedure, "support_create", "{}")
    report = route_format(procedure, "report_create", "comment", "{}")

    assert support.format(7) == route_url(procedure, "support_create", 7)
    assert report.format(12) == f"{procedure.url}melden/comment/12/"
    assert route_format(procedure, "proposal_create") == route_url(procedure, "proposal_create")


def test_route_url_follows_the_active_language(home_page):
    toolkit = ToolkitIndexPageFactory()

    assert route_url(toolkit, "compare") == "/instrumentenkoffer/vergleich/"
    with translation.override("en"):
        url = route_url(toolkit, "compare")
    assert url.startswith("/en/")
    assert url.endswith("/vergleich/")


def test_a_registered_route_answers_below_its_page(client, home_page):
    toolkit = ToolkitIndexPageFactory()

    response = client.get(route_url(toolkit, "compare"))

    assert response.status_code == 400  # the comparison without formats, with the reason
    assert response.context["page"] == toolkit
