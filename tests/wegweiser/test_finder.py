"""The finder at /wegweiser/: three questions, and the procedures, offerings and formats that fit,
each with the reason it fits; the Lotse when nothing does; errors for tampered answers."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from mitwirken.web.deadlines import deadline_text
from tests.factories.participation import current_consultation_phase, phase
from tests.helpers import by_role, ui
from wegweiser.selectors.finder import finder_matches

pytestmark = pytest.mark.django_db

FINDER = "/wegweiser/"


def results(response) -> dict[str, list[str]]:
    """The titles of each group of results, by the group's key, in the order shown."""
    return {
        group.key: [match.page.title for match in group.matches]
        for group in response.context["groups"]
    }


def reasons(response) -> dict[str, str]:
    return {
        match.page.title: match.reason
        for group in response.context["groups"]
        for match in group.matches
    }


def test_unanswered_the_finder_shows_the_three_questions_and_no_results(client, finder):
    response = client.get(FINDER)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["answered"] is False
    assert "groups" not in response.context
    assert not response.context["form"].errors
    assert by_role(html, "form", method="get", action="/wegweiser/")
    assert html.count('type="radio" name="intent"') == 6
    assert html.count('type="radio" name="district"') == 13
    assert 'value="gesamtstadt"' in html
    assert html.count('type="radio" name="how"') == 3
    assert html.count("<fieldset") == 3 and html.count("<legend") == 3
    # "either way" is preselected; nothing else is.
    assert 'value="either" checked' in html
    assert html.count(" checked") == 1
    # The A–Z index and the district hubs are one link away.
    assert 'href="/wegweiser/a-z/"' in html


def test_the_finder_links_the_district_hubs(client, finder, district_hub_index_page):
    html = client.get(FINDER).content.decode()
    assert 'href="/stadtbezirke/"' in html


def test_opinion_in_hoerde_in_person_mixes_procedures_and_offerings_of_hoerde_and_the_city(
    client, finder, hoerde, eving, offering_page_factory, procedure_page_factory
):
    offering_page_factory(title="Bürgersprechstunde Hörde", intents=["opinion"], districts=[hoerde])
    offering_page_factory(title="Stadtweites Bürgertelefon", intents=["opinion"], channel="both")
    offering_page_factory(title="Sprechstunde Eving", intents=["opinion"], districts=[eving])
    offering_page_factory(
        title="Online-Forum Hörde", intents=["opinion"], districts=[hoerde], channel="online"
    )
    offering_page_factory(title="Ideenbox Hörde", intents=["idea"], districts=[hoerde])
    procedure_page_factory(title="Phoenixsee-Ufer", districts=[hoerde], mode="hybrid")
    procedure_page_factory(
        title="Hörder Markt", districts=[hoerde], mode="in_person", phases=[phase(-1, 3)]
    )
    procedure_page_factory(title="Evinger Platz", districts=[eving], mode="in_person")
    procedure_page_factory(title="Nur online in Hörde", districts=[hoerde], mode="online")
    procedure_page_factory(title="Geplant in Hörde", districts=[hoerde], phases=[phase(10)])
    procedure_page_factory(title="Vorbei in Hörde", districts=[hoerde], phases=[phase(-30)])
    procedure_page_factory(title="Stadtweiter Haushalt", mode="hybrid")

    response = client.get(FINDER, {"intent": "opinion", "district": "hoerde", "how": "in_person"})

    assert response.status_code == 200
    assert response.context["answered"] is True
    # Procedures first, the one ending soonest first; then Hörde's offerings, then the city's.
    assert results(response) == {
        "procedures": ["Hörder Markt", "Phoenixsee-Ufer", "Stadtweiter Haushalt"],
        "district-offerings": ["Bürgersprechstunde Hörde"],
        "city-offerings": ["Stadtweites Bürgertelefon"],
    }
    html = response.content.decode()
    assert html.index("Hörder Markt") < html.index("Bürgersprechstunde Hörde")
    assert html.index("Bürgersprechstunde Hörde") < html.index("Stadtweites Bürgertelefon")
    for title in ["Evinger Platz", "Sprechstunde Eving", "Online-Forum Hörde", "Ideenbox Hörde"]:
        assert title not in html
    # Each result says why it fits, and the page shows it.
    why = reasons(response)
    assert "Hörde" in why["Phoenixsee-Ufer"]
    assert "Hörde" in why["Bürgersprechstunde Hörde"]
    assert "Hörde" not in why["Stadtweites Bürgertelefon"]
    for reason in why.values():
        assert reason in html
    # The answers stay chosen in the form below the results.
    for name, value in [("intent", "opinion"), ("district", "hoerde"), ("how", "in_person")]:
        assert f'name="{name}" id="id_{name}_' in html
        assert f'value="{value}" checked' in html
    assert 'href="#finder-form-heading"' in html


def test_the_reasons_name_what_is_open_until_when_where_and_how(
    finder, hoerde, offering_page_factory, procedure_page_factory
):
    end = timezone.now() + datetime.timedelta(days=5)
    procedure_page_factory(
        title="Phoenixsee-Ufer",
        districts=[hoerde],
        mode="in_person",
        phases=[current_consultation_phase(end=end, allows_proposals=False)],
    )
    procedure_page_factory(title="Teils in Hörde", districts=[(hoerde, True)], mode="in_person")
    offering_page_factory(title="Sprechstunde", intents=["opinion"], districts=[hoerde])
    offering_page_factory(title="Bürgertelefon", intents=["opinion"], channel="both")
    with translation.override("en"):
        groups = finder_matches(intent="opinion", district=hoerde, how="in_person")
        why = {match.page.title: match.reason for group in groups for match in group.matches}
        until = deadline_text(end)
    assert until.startswith("until ")
    assert why["Phoenixsee-Ufer"] == f"Open for comments {until}, for Hörde, in person."
    assert why["Teils in Hörde"].endswith(", for part of Hörde, in person.")
    assert why["Sprechstunde"] == "Offered in Hörde, in person, for giving your opinion."
    assert why["Bürgertelefon"] == (
        "Offered for the whole city, online and in person, for giving your opinion."
    )


def test_a_proposal_phase_is_named_for_proposing_an_idea(finder, hoerde, procedure_page_factory):
    procedure_page_factory(title="Ideen für Hörde", districts=[hoerde])
    with translation.override("en"):
        groups = finder_matches(intent="idea", district=hoerde, how="either")
        [match] = groups[0].matches
    assert match.kind == "procedure"
    assert match.reason.startswith("Open for proposals until ")


def test_get_informed_for_the_whole_city_online_shows_open_and_planned_city_wide_procedures(
    client, finder, hoerde, offering_page_factory, procedure_page_factory
):
    procedure_page_factory(title="Geplanter Haushalt", mode="online", phases=[phase(10)])
    procedure_page_factory(title="Offene Klimastrategie", mode="hybrid")
    procedure_page_factory(title="Vor Ort geplant", mode="in_person", phases=[phase(5)])
    procedure_page_factory(title="Nur in Hörde", districts=[hoerde], mode="online")
    offering_page_factory(title="Newsletter", intents=["inform"], channel="online")
    offering_page_factory(title="Infotheke Hörde", intents=["inform"], districts=[hoerde])
    offering_page_factory(title="Aushang", intents=["inform"], channel="in_person")

    response = client.get(FINDER, {"intent": "inform", "district": "gesamtstadt", "how": "online"})

    # Open before planned; city-wide only, since the whole city was chosen; online or hybrid.
    assert results(response) == {
        "procedures": ["Offene Klimastrategie", "Geplanter Haushalt"],
        "city-offerings": ["Newsletter"],
    }
    with translation.override("en"):
        groups = finder_matches(intent="inform", district=None, how="online")
    planned = groups[0].matches[1]
    assert planned.reason.startswith("Planned to start on ")
    assert planned.reason.endswith(", for the whole city, online.")


def test_learn_online_shows_digital_and_hybrid_formats_and_no_procedures(
    client, finder, hoerde, format_page_factory, procedure_page_factory, offering_page_factory
):
    format_page_factory(title="Online-Umfrage", mode="digital", purpose="consult")
    format_page_factory(title="Hybride Werkstatt", mode="hybrid", purpose="involve")
    format_page_factory(title="Stadtteilspaziergang", mode="analog", purpose="involve")
    format_page_factory(title="Postkartenaktion", mode="distance", purpose="consult")
    offering_page_factory(title="Beteiligungsschule", intents=["learn"], channel="online")
    procedure_page_factory(title="Offenes Verfahren", districts=[hoerde], mode="online")

    response = client.get(FINDER, {"intent": "learn", "district": "hoerde", "how": "online"})

    assert results(response) == {
        "city-offerings": ["Beteiligungsschule"],
        "formats": ["Hybride Werkstatt", "Online-Umfrage"],
    }
    assert [match.kind for match in response.context["groups"][-1].matches] == [
        "format",
        "format",
    ]
    with translation.override("en"):
        groups = finder_matches(intent="learn", district=hoerde, how="online")
    assert [match.reason for match in groups[-1].matches] == [
        "A format for learning how participation works, online and in person.",
        "A format for learning how participation works, online.",
    ]


def test_learn_in_person_shows_analog_hybrid_and_distance_formats(
    client, finder, format_page_factory
):
    format_page_factory(title="Online-Umfrage", mode="digital")
    format_page_factory(title="Hybride Werkstatt", mode="hybrid")
    format_page_factory(title="Stadtteilspaziergang", mode="analog")
    format_page_factory(title="Postkartenaktion", mode="distance")

    response = client.get(FINDER, {"intent": "learn", "district": "eving", "how": "in_person"})

    assert results(response) == {
        "formats": ["Hybride Werkstatt", "Postkartenaktion", "Stadtteilspaziergang"]
    }


def test_neighbourhood_shows_formats_for_working_together_and_open_procedures(
    client, finder, hoerde, format_page_factory, procedure_page_factory
):
    format_page_factory(title="Quartiersfonds", mode="analog", purpose="empower")
    format_page_factory(title="Zukunftswerkstatt", mode="hybrid", purpose="collaborate")
    format_page_factory(title="Umfrage", mode="analog", purpose="consult")
    procedure_page_factory(title="Spielplatz Hörde", districts=[hoerde], mode="in_person")

    response = client.get(
        FINDER, {"intent": "neighbourhood", "district": "hoerde", "how": "either"}
    )

    assert results(response) == {
        "procedures": ["Spielplatz Hörde"],
        "formats": ["Quartiersfonds", "Zukunftswerkstatt"],
    }


def test_nothing_matches_points_to_the_lotse_with_phone_and_e_mail(
    client, finder, offering_page_factory
):
    guide = offering_page_factory(
        title="Ombudsstelle für Bürger*inneninteressen",
        phone="0231 50-2 22 22",
        email="ombudsstelle@example.org",
    )
    finder.refresh_from_db()  # it has a child now; publishing a stale copy would undo that
    finder.guide = guide
    finder.save_revision().publish()

    response = client.get(FINDER, {"intent": "idea", "district": "mengede", "how": "online"})
    html = response.content.decode()

    assert response.status_code == 200
    assert response.context["total"] == 0
    assert response.context["groups"] == []
    assert response.context["guide"] == guide
    assert f'href="{guide.url}"' in html
    assert 'href="tel:02315022222"' in html
    assert 'href="mailto:ombudsstelle@example.org"' in html
    assert 'id="finder-guide-heading"' in html


def test_nothing_matches_without_a_guide_still_explains_where_to_turn(client, finder):
    response = client.get(FINDER, {"intent": "idea", "district": "mengede", "how": "online"})
    html = response.content.decode()
    assert response.context["guide"] is None
    assert 'id="finder-guide-heading"' in html
    assert (
        ui(
            "The Ombudsstelle is not a complaints office: individual complaints go to the "
            "Büro für Anregungen, Beschwerden und Chancengleichheit."
        )
        in html
    )


def test_a_complaint_is_told_apart_from_the_ombudsstelle(client, finder, offering_page_factory):
    offering_page_factory(
        title="Büro für Anregungen, Beschwerden und Chancengleichheit",
        intents=["complaint"],
        channel="both",
    )
    response = client.get(FINDER, {"intent": "complaint", "district": "hoerde", "how": "either"})
    html = response.content.decode()
    assert response.context["complaint"] is True
    assert results(response) == {
        "city-offerings": ["Büro für Anregungen, Beschwerden und Chancengleichheit"]
    }
    assert 'id="finder-complaints"' in html
    assert html.index('id="finder-complaints"') < html.index('id="finder-group-city-offerings"')


def test_a_preset_district_fills_in_the_form_without_errors_or_results(client, finder):
    response = client.get(FINDER, {"district": "hoerde"})
    html = response.content.decode()
    assert response.context["answered"] is False
    assert not response.context["form"].errors
    assert 'value="hoerde" checked' in html
    assert 'role="alert"' not in html


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ({"intent": "foo", "district": "hoerde", "how": "online"}, {"intent"}),
        ({"intent": "opinion", "district": "atlantis", "how": "online"}, {"district"}),
        ({"intent": "opinion", "district": "hoerde", "how": "fly"}, {"how"}),
        ({"intent": "opinion", "district": "hoerde", "how": ["online", "fly"]}, {"how"}),
        ({"intent": ["opinion", "idea"], "district": "hoerde", "how": "online"}, {"intent"}),
        ({"intent": "x" * 5000, "district": "é" * 3000, "how": "online"}, {"intent", "district"}),
        ({"intent": "opinion"}, {"district", "how"}),
        ({"district": "atlantis"}, {"district", "intent", "how"}),
        ({"intent": "", "district": "", "how": ""}, {"intent", "district", "how"}),
        ({"intent": "opinion' OR 1=1 --", "district": "hoerde", "how": "online"}, {"intent"}),
    ],
)
def test_tampered_answers_show_the_form_with_an_error_per_field_and_no_results(
    client, finder, offering_page_factory, query, fields
):
    offering_page_factory(title="Sprechstunde", intents=["opinion"], channel="both")
    response = client.get(FINDER, query)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["answered"] is False
    assert set(response.context["form"].errors) == fields
    assert "groups" not in response.context
    assert "Sprechstunde" not in html
    assert 'role="alert"' in html
    for name in fields:
        assert f'id="id_{name}_error"' in html
        assert f'href="#id_{name}_0"' in html
    # The rejected value is not echoed in the page's content (the language switcher keeps the
    # query string, escaped, and that is all).
    main = html.split("<main")[1].split("</main>")[0]
    assert "x" * 100 not in main


def test_a_repeated_answer_is_an_error_even_when_both_values_are_valid(client, finder):
    response = client.get(
        FINDER, {"intent": "opinion", "district": ["hoerde", "eving"], "how": "online"}
    )
    assert list(response.context["form"].errors) == ["district"]


def test_groups_are_capped_with_a_link_to_the_rest(client, finder, offering_page_factory):
    for number in range(12):
        offering_page_factory(title=f"Angebot {number:02d}", intents=["inform"])
    response = client.get(FINDER, {"intent": "inform", "district": "gesamtstadt", "how": "either"})
    [group] = response.context["groups"]
    assert len(group.matches) == 10 and group.has_more
    assert group.more_url == "/wegweiser/a-z/"
    assert 'href="/wegweiser/a-z/"' in response.content.decode()


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_the_finder_makes_as_many_queries_for_80_offerings_as_for_20(
    client,
    finder,
    hoerde,
    offering_page_factory,
    procedure_page_factory,
    format_page_factory,
    django_assert_max_num_queries,
):
    def make(count):
        for number in range(count):
            offering_page_factory(
                intents=["opinion", "neighbourhood"],
                districts=[hoerde] if number % 2 else [],
                channel="both",
            )

    make(20)
    for _number in range(3):
        procedure_page_factory(districts=[hoerde], mode="hybrid")
        format_page_factory(mode="hybrid", purpose="collaborate")
    answers = {
        "opinion": {"intent": "opinion", "district": "hoerde", "how": "in_person"},
        "neighbourhood": {"intent": "neighbourhood", "district": "hoerde", "how": "either"},
        "city": {"intent": "opinion", "district": "gesamtstadt", "how": "online"},
    }
    baseline = {name: _queries(client, FINDER, query) for name, query in answers.items()}
    baseline["form"] = _queries(client, FINDER)
    make(60)
    for name, query in answers.items():
        with django_assert_max_num_queries(baseline[name]):
            response = client.get(FINDER, query)
        assert sum(len(group.matches) for group in response.context["groups"]) >= 10
    with django_assert_max_num_queries(baseline["form"]):
        client.get(FINDER)


def test_the_finder_makes_as_many_queries_when_every_group_is_cut_as_when_none_is(
    client,
    finder,
    hoerde,
    procedure_index_page,
    toolkit_index_page,
    offering_page_factory,
    procedure_page_factory,
    format_page_factory,
):
    def make(count):
        for number in range(count):
            procedure_page_factory(districts=[hoerde] if number % 2 else [], mode="hybrid")
            format_page_factory(mode="hybrid", purpose="collaborate")
            offering_page_factory(intents=["neighbourhood"], districts=[hoerde], channel="both")
            offering_page_factory(intents=["neighbourhood"], channel="both")

    answer = {"intent": "neighbourhood", "district": "hoerde", "how": "either"}
    make(2)
    client.get(FINDER, answer)  # the process's caches (content types) filled
    cache.clear()  # the kept fragments and URLs too: counted on both sides
    few = _queries(client, FINDER, answer)
    make(10)
    cache.clear()

    with CaptureQueriesContext(connection) as many:
        response = client.get(FINDER, answer)

    assert len(many) <= few
    groups = response.context["groups"]
    assert [group.key for group in groups if group.has_more] == [
        "procedures",
        "district-offerings",
        "city-offerings",
        "formats",
    ]
    assert all(group.more_url for group in groups)


def test_each_answer_has_its_own_kept_results_and_a_wrong_one_is_never_kept(
    client, finder, hoerde, offering_page_factory
):
    offering_page_factory(title="Sprechstunde Hörde", intents=["opinion"], districts=[hoerde])
    offering_page_factory(title="Stadtweites Forum", intents=["opinion"])
    answer = {"intent": "opinion", "district": "hoerde", "how": "either"}

    in_hoerde = client.get(FINDER, answer).content.decode()
    city = client.get(FINDER, {**answer, "district": "gesamtstadt"}).content.decode()
    wrong = client.get(FINDER, {**answer, "how": "fly"}).content.decode()

    assert "Sprechstunde Hörde" in in_hoerde and "Sprechstunde Hörde" not in city
    assert "Stadtweites Forum" in city
    assert ui("Please check your answers") in wrong and "Stadtweites Forum" not in wrong
    assert client.get(FINDER, answer).content.decode() == in_hoerde
    assert ui("Please check your answers") not in client.get(FINDER).content.decode()
