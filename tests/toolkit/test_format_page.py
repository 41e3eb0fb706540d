"""A format's page: its attributes, how it works, examples, platforms, established format and
digital alternatives, the notes, the review date, and the sections other apps add by hook."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from tests.helpers import by_role, one, parsed, text_of, ui
from toolkit.models import FormatExample

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit(home_page, toolkit_index_page):
    return toolkit_index_page


def main(response) -> str:
    return response.content.decode().split('id="main"')[1].split("</main>")[0]


def test_the_page_shows_every_attribute(client, toolkit, format_page_factory, user):
    user.display_name = "Renate Redaktion"
    user.save()
    format_page = format_page_factory(
        title="Online-Bürgerdialog",
        category__name="Digitale Alternativen",
        category__slug="digitale-alternativen",
        mode="hybrid",
        purpose="involve",
        openness="limited",
        recruitment="random",
        group_size_min=20,
        group_size_max=None,
        duration="3 Abende",
        preparation_effort="high",
        staff_effort="low",
        cost_level="medium",
        facilitation="professional",
        equipment_participants="Ein Telefon oder ein Computer",
        equipment_organisers="Videokonferenz-Software",
        skills="Moderation im Netz",
        target_groups="Jugendliche und Berufstätige",
        accessibility_notes="Mit Untertiteln und Gebärdensprache.",
        data_protection_notes="Server in Dortmund, keine Aufzeichnung.",
        easy_language_summary="Sie reden im Internet mit.",
        last_reviewed=datetime.date(2026, 3, 14),
        reviewer=user,
    )

    response = client.get(format_page.url)
    html = main(response)

    assert response.status_code == 200
    for text in (
        "Online-Bürgerdialog",
        "Digitale Alternativen",
        "20",
        "3 Abende",
        "Ein Telefon oder ein Computer",
        "Videokonferenz-Software",
        "Moderation im Netz",
        "Jugendliche und Berufstätige",
        "Mit Untertiteln und Gebärdensprache.",
        "Server in Dortmund, keine Aufzeichnung.",
        "Sie reden im Internet mit.",
        '<time datetime="2026-03-14">',
    ):
        assert text in html
    assert len(parsed(html).find_all("dt")) >= 15  # a term and its description per fact
    assert "Renate Redaktion" not in response.content.decode()


def test_english_labels_of_the_attributes(client, toolkit, format_page_factory):
    format_page = format_page_factory(
        mode="analog", cost_level="high", group_size_min=5, group_size_max=None
    )

    html = main(client.get(f"/en{format_page.url}"))

    for text in ("At a glance", "Participants", "5 or more", "Analog", "High", "Last reviewed on"):
        assert text in html


def test_how_it_works_numbers_the_steps(client, toolkit, format_page_factory):
    format_page = format_page_factory(
        how_it_works=[
            ("step", {"heading": "Einladen", "text": "<p>Aushänge im Quartier.</p>"}),
            ("step", {"heading": "Treffen", "text": "<p>Im Park, mit Abstand.</p>"}),
            ("paragraph", "<p>Zwischendurch: eine Pause.</p>"),
            ("step", {"heading": "Auswerten", "text": "<p>Ergebnisse aufschreiben.</p>"}),
        ]
    )

    html = main(client.get(format_page.url))

    first = one(html, "list", start="1")
    assert by_role(first, "heading", "Einladen") and by_role(first, "heading", "Treffen")
    assert "Aushänge im Quartier." in text_of(first)
    assert "Zwischendurch: eine Pause." in html
    assert by_role(one(html, "list", start="3"), "heading", "Auswerten")


def test_examples_show_place_year_description_and_source(client, toolkit, format_page_factory):
    format_page = format_page_factory()
    FormatExample.objects.create(
        page=format_page,
        title="Balkonkonzert-Dialog",
        place="Wien, Österreich",
        year=2020,
        description="Nachbarn sprachen von Balkon zu Balkon.",
        source_url="https://example.org/wien-balkon",
    )

    html = main(client.get(format_page.url))

    for text in (
        "Balkonkonzert-Dialog",
        "Wien, Österreich, 2020",
        "Nachbarn sprachen von Balkon zu Balkon.",
        'href="https://example.org/wien-balkon"',
    ):
        assert text in html


def test_platforms_are_linked_and_unpublished_ones_left_out(
    client, toolkit, format_page_factory, platform_page_factory
):
    decidim = platform_page_factory(title="Decidim")
    hidden = platform_page_factory(title="Verborgen")
    hidden.unpublish()
    format_page = format_page_factory(platforms=[decidim, hidden])

    html = main(client.get(format_page.url))

    assert by_role(html, "link", "Decidim", href=decidim.url)
    assert "Verborgen" not in html


def test_counterpart_and_digital_alternatives_link_each_other(client, toolkit, format_page_factory):
    analog = format_page_factory(title="Bürgerversammlung", mode="analog")
    digital = format_page_factory(
        title="Online-Versammlung", counterpart=analog, counterpart_relation="replaces"
    )
    draft = format_page_factory(
        title="Entwurf", counterpart=analog, counterpart_relation="complements"
    )
    draft.unpublish()

    digital_html = main(client.get(digital.url))
    analog_html = main(client.get(analog.url))

    assert by_role(digital_html, "link", "Bürgerversammlung", href=analog.url)
    assert by_role(analog_html, "link", "Online-Versammlung", href=digital.url)
    assert "Entwurf" not in analog_html
    assert 'id="format-counterpart-heading"' not in analog_html


def test_hooks_add_sections_of_related_pages(
    client, toolkit, format_page_factory, standard_page_factory
):
    format_page = format_page_factory()
    other = format_page_factory()
    used = standard_page_factory(title="Spielplatz Hörde", summary="Wie der Platz entstand.")

    def procedures(page, request):
        if page.pk == format_page.pk:
            return ("Verfahren mit diesem Format", [used])
        return None

    def nothing(page, request):
        return None

    def empty(page, request):
        return ("Leere Liste", [])

    with (
        hooks.register_temporarily("toolkit_format_related", procedures),
        hooks.register_temporarily("toolkit_format_related", nothing),
        hooks.register_temporarily("toolkit_format_related", empty),
    ):
        html = main(client.get(format_page.url))
        other_html = main(client.get(other.url))

    section = html.split('id="format-related-1">')[1]
    assert section.startswith("Verfahren mit diesem Format</h2>")
    assert by_role(section, "link", "Spielplatz Hörde", href=used.url)
    assert "Wie der Platz entstand." in section
    assert "Leere Liste" not in html
    assert "format-related-" not in other_html


def test_the_format_page_needs_few_queries(
    client, toolkit, format_page_factory, platform_page_factory, django_assert_max_num_queries
):
    analog = format_page_factory(mode="analog")
    format_page = format_page_factory(
        platforms=[platform_page_factory() for _ in range(3)],
        counterpart=analog,
        counterpart_relation="complements",
    )
    for number in range(3):
        FormatExample.objects.create(
            page=format_page, title=f"Beispiel {number}", place="Ort", source_url="https://a.b/"
        )
    client.get(format_page.url)

    with django_assert_max_num_queries(25):
        assert client.get(format_page.url).status_code == 200


def test_the_format_page_needs_as_many_queries_with_ten_examples_platforms_and_alternatives(
    client,
    toolkit,
    format_page_factory,
    platform_page_factory,
    django_assert_max_num_queries,
    without_page_cache,
):
    format_page = format_page_factory(mode="analog")

    def add(count):
        for number in range(count):
            FormatExample.objects.create(
                page=format_page, title=f"Beispiel {number}", place="Ort", source_url="https://a.b/"
            )
            format_page_factory(counterpart=format_page, counterpart_relation="complements")
        format_page.platforms.add(*[platform_page_factory() for _ in range(count)])
        format_page.save_revision().publish()

    add(1)
    cache.clear()  # fragments built anew each time: their queries are counted too
    with CaptureQueriesContext(connection) as few:
        client.get(format_page.url)
    add(10)

    cache.clear()
    with django_assert_max_num_queries(len(few)):
        response = client.get(format_page.url)
    assert response.content.decode().count("Beispiel ") >= 11


# Trainings on this format (the training app's hook) --------------------------------------------


def in_days(days: float) -> datetime.datetime:
    from django.utils import timezone

    return timezone.now() + datetime.timedelta(days=days)


def trainings_section(html: str):
    heading = one(html, "heading", ui("Trainings on this format"), level=2)
    return heading.find_parent("section")


def test_the_modules_that_teach_a_format_show_with_their_next_date(
    client, toolkit, format_page_factory, training_module_page_factory, session_factory
):
    format_page = format_page_factory()
    moderating = training_module_page_factory(
        title="Digitale Bürgerdialoge moderieren", formats=[format_page]
    )
    session_factory(module=moderating, start=in_days(20))
    session_factory(module=moderating, start=in_days(10), mode="hybrid", place="Rathaus")
    session_factory(module=moderating, start=in_days(5), internal=True)
    session_factory(module=moderating, start=in_days(-3), registration_deadline=in_days(-4))
    training_module_page_factory(title="Barrierefrei online", formats=[format_page])
    training_module_page_factory(title="Anderes Format")
    draft = training_module_page_factory(title="Entwurf", formats=[format_page])
    draft.unpublish()

    section = trainings_section(main(client.get(format_page.url)))

    links = [text_of(link) for link in by_role(section, "link")]
    assert links == ["Barrierefrei online", "Digitale Bürgerdialoge moderieren"]
    assert one(section, "link", "Digitale Bürgerdialoge moderieren")["href"] == moderating.url
    text = text_of(section)
    assert ui("No date planned at the moment.") in text
    assert ui("hybrid") in text  # the next public date, not the internal one


def test_a_format_nobody_teaches_has_no_training_section(client, toolkit, format_page_factory):
    html = main(client.get(format_page_factory().url))
    assert ui("Trainings on this format") not in html


def test_the_training_section_needs_as_many_queries_for_ten_modules_as_for_two(
    client,
    toolkit,
    format_page_factory,
    training_module_page_factory,
    session_factory,
    enrolment_factory,
    without_page_cache,
):
    from toolkit.views import format_related_sections

    format_page = format_page_factory()
    request = client.get(format_page.url).wsgi_request

    def add(count):
        for _n in range(count):
            module = training_module_page_factory(formats=[format_page])
            enrolment_factory(session=session_factory(module=module))

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            sections = format_related_sections(request, format_page)
        (modules,) = [
            pages for heading, pages in sections if heading == ui("Trainings on this format")
        ]
        return len(queries), len(modules)

    add(2)
    few = count_queries()
    add(8)
    assert count_queries() == (few[0], 10)
