"""A procedure's workspace in the admin: the people responsible for a procedure handle its
contributions (filtered, answered, moderated, inspected), analog entry, statements,
registrations, statistics and exports on one page, for the procedures in their scope only."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from mitwirken.places.models import District
from participation.admin.menus import page_buttons
from participation.models import (
    Comment,
    EventRegistration,
    PollVote,
    Proposal,
    Report,
    Statement,
    Support,
)
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    CommentFactory,
    EventFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    ReportFactory,
    StatementFactory,
    SupportFactory,
)
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days(n: int) -> datetime.datetime:
    return NOW + datetime.timedelta(days=n)


#: Two phases: the collection of ideas is over, the consultation runs.
PHASES = [
    {"title": "Ideensammlung", "kind": "consultation", "start": days(-40), "end": days(-20)},
    {"title": "Beteiligungsphase", "kind": "consultation", "start": days(-20), "end": days(20)},
]


def district(slug: str) -> District:
    return District.objects.get(slug=slug)


def procedure_in(slug: str | None, **values):
    """A formal procedure with the two phases, in ``slug``'s folder (Gesamtstadt for None)."""
    districts = [district(slug)] if slug else []
    return ProcedurePageFactory(districts=districts, kind="land_use", phases=PHASES, **values)


def created(contribution, when: datetime.datetime):
    """``contribution`` as if it came in at ``when``."""
    type(contribution).objects.filter(pk=contribution.pk).update(created_at=when)
    return contribution


def workspace_url(procedure) -> str:
    return reverse("participation_admin:workspace", args=[procedure.pk])


@pytest.fixture
def staff(ombudsstelle):
    """Who enters paper contributions in these tests."""
    return ombudsstelle


@pytest.fixture
def hoerde(home_page, staff):
    """A Hörde procedure with one contribution of each sort the filters tell apart."""
    procedure = procedure_in("hoerde", title="Uferpromenade am Phoenix-See")
    kim = UserFactory(display_name="Kim aus Hörde")
    answered = created(
        ProposalFactory(
            procedure=procedure,
            author=kim,
            title="Bänke mit Rückenlehne",
            text="Entlang der Nordseite fehlen Sitzplätze mit Lehne.",
            status="accepted",
            response="Wird umgesetzt.",
        ),
        days(-30),
    )
    SupportFactory.create_batch(2, proposal=answered)
    on_paper = created(
        ProposalFactory(
            procedure=procedure,
            author=None,
            entered_by=staff,
            channel="paper",
            title="Trinkbrunnen am Steg",
            text="Per Brief: ein Trinkbrunnen am Steg zur Kulturinsel.",
        ),
        days(-5),
    )
    ReportFactory(contribution=on_paper, reason="Werbung.")
    hidden = created(
        CommentFactory(
            procedure=procedure,
            proposal=answered,
            author=kim,
            text="Beleidigender Kommentar zur Bank.",
            hidden_at=NOW,
            hidden_reason="Beleidigung",
        ),
        days(-4),
    )
    statement = created(
        StatementFactory(
            procedure=procedure, reference="ST-2026-000001", text="Einwendung zur Bauhöhe."
        ),
        days(-3),
    )
    return {
        "procedure": procedure,
        "answered": answered,
        "on_paper": on_paper,
        "hidden": hidden,
        "statement": statement,
    }


@pytest.fixture
def others(home_page):
    """A procedure in Aplerbeck and one of the whole city, each with a proposal and a comment."""
    result = {}
    for name, slug in (("aplerbeck", "aplerbeck"), ("gesamtstadt", None)):
        procedure = procedure_in(slug, title=f"Verfahren {name}")
        result[name] = {
            "procedure": procedure,
            "proposal": ProposalFactory(procedure=procedure, title=f"Vorschlag {name}"),
            "comment": CommentFactory(procedure=procedure),
        }
    return result


#: What identifies each contribution of ``hoerde`` in the listing.
MARKERS = {
    "answered": "Entlang der Nordseite",
    "on_paper": "Trinkbrunnen am Steg",
    "hidden": "Beleidigender Kommentar",
    "statement": "ST-2026-000001",
}


def contributions_section(response):
    return parsed(response).find(id="contributions")


def listed(response) -> set[str]:
    """The contributions of ``hoerde`` in the workspace's listing, by their names above."""
    section = contributions_section(response)
    cells = [text_of(row.find("td")) for row in section.select("tbody tr")]
    return {name for name, marker in MARKERS.items() if any(marker in cell for cell in cells)}


def section_row(response, marker: str):
    """The listing's row of the contribution identified by ``marker``."""
    section = contributions_section(response)
    [row] = [row for row in section.select("tbody tr") if marker in text_of(row.find("td"))]
    return row


# Who opens which workspace -------------------------------------------------------------------


def test_the_hoerde_editor_opens_the_workspace_of_a_hoerde_procedure(
    client, district_editor, hoerde
):
    client.force_login(district_editor)

    response = client.get(workspace_url(hoerde["procedure"]))

    assert response.status_code == 200
    assert listed(response) == set(MARKERS)
    page = parsed(response)
    assert one(page, "heading", "Uferpromenade am Phoenix-See", level=2)
    edit = reverse("wagtailadmin_pages:edit", args=[hoerde["procedure"].pk])
    assert by_role(page, "link", href=edit)
    assert by_role(page, "link", href=hoerde["procedure"].url)
    sections = one(page, "navigation", ui("Sections of the workspace"))
    assert [a["href"] for a in by_role(sections, "link")] == [
        "#contributions",
        "#analog",
        "#statements",
        "#registrations",
        "#statistics",
        "#exports",
    ]


def test_a_row_shows_what_staff_need_to_decide(client, district_editor, hoerde):
    client.force_login(district_editor)

    response = client.get(workspace_url(hoerde["procedure"]))

    answered = [
        text_of(cell) for cell in section_row(response, "Entlang der Nordseite").find_all("td")
    ]
    assert answered[1:3] == ["Kim aus Hörde", ui("online")]
    assert answered[4:6] == [ui("accepted"), "2"]  # official status, supports
    on_paper = section_row(response, "Trinkbrunnen")
    cells = [text_of(cell) for cell in on_paper.find_all("td")]
    assert cells[1] == "–" and cells[2].startswith(ui("paper"))
    assert ui("reported") in cells[0] and ui("hidden") not in cells[0]
    assert ui("hidden") in text_of(section_row(response, "Beleidigender").find("td"))


def test_each_row_offers_the_actions_the_editor_may_take(client, district_editor, hoerde):
    client.force_login(district_editor)

    response = client.get(workspace_url(hoerde["procedure"]))

    def hrefs(marker):
        return [a["href"] for a in by_role(section_row(response, marker), "link")]

    proposal = hoerde["answered"].pk
    answer, moderate, inspect = hrefs("Entlang der Nordseite")
    assert answer.startswith(reverse("participation_proposals:edit", args=[proposal]) + "?next=")
    assert moderate == reverse("participation_moderation:moderate", args=["proposal", proposal])
    assert inspect == reverse("participation_proposals:inspect", args=[proposal])
    comment = hoerde["hidden"].pk
    assert hrefs("Beleidigender") == [
        reverse("participation_moderation:moderate", args=["comment", comment]),
        reverse("participation_comments:inspect", args=[comment]),
    ]
    statement = hoerde["statement"].pk
    assert hrefs("ST-2026") == [reverse("participation_statements:inspect", args=[statement])]


def test_without_the_permissions_to_answer_and_moderate_a_row_offers_only_inspect(
    client, district_editor, hoerde
):
    from django.contrib.auth.models import Group, Permission

    Group.objects.get(name="Bezirksvertretung Hörde").permissions.remove(
        *Permission.objects.filter(codename__in=["change_proposal", "change_comment"])
    )
    client.force_login(district_editor)

    response = client.get(workspace_url(hoerde["procedure"]))

    proposal = hoerde["answered"].pk
    row = section_row(response, "Entlang der Nordseite")
    assert [a["href"] for a in by_role(row, "link")] == [
        reverse("participation_proposals:inspect", args=[proposal])
    ]


def test_the_ombudsstelle_opens_every_workspace(client, ombudsstelle, hoerde, others):
    client.force_login(ombudsstelle)

    assert listed(client.get(workspace_url(hoerde["procedure"]))) == set(MARKERS)
    for other in others.values():
        response = client.get(workspace_url(other["procedure"]))
        assert response.status_code == 200
        assert other["proposal"].title in text_of(contributions_section(response))


def test_the_hoerde_editor_finds_nothing_of_aplerbeck_or_the_whole_city(
    client, district_editor, hoerde, others
):
    client.force_login(district_editor)

    for other in others.values():
        proposal, comment = other["proposal"].pk, other["comment"].pk
        for url in (
            workspace_url(other["procedure"]),
            reverse("participation_proposals:edit", args=[proposal]),
            reverse("participation_proposals:inspect", args=[proposal]),
            reverse("participation_comments:inspect", args=[comment]),
        ):
            assert client.get(url).status_code == 404, url
        assert (
            client.post(
                reverse("participation_proposals:edit", args=[proposal]),
                {"status": "rejected", "response": "Nein."},
            ).status_code
            == 404
        )
        assert Proposal.objects.get(pk=proposal).status == ""


def test_the_moderation_has_no_workspace(client, moderator, hoerde):
    client.force_login(moderator)

    assert client.get(workspace_url(hoerde["procedure"])).status_code == 404


def test_a_procedure_that_does_not_exist_is_not_found(client, ombudsstelle, hoerde):
    client.force_login(ombudsstelle)

    assert client.get(reverse("participation_admin:workspace", args=[999999])).status_code == 404


# Filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, set(MARKERS)),
        ({"kind": "comment"}, {"hidden"}),
        ({"kind": "statement"}, {"statement"}),
        ({"status": "unanswered"}, {"on_paper"}),
        ({"status": "accepted"}, {"answered"}),
        ({"channel": "paper"}, {"on_paper"}),
        ({"channel": "online"}, {"answered", "hidden", "statement"}),
        ({"phase": "Ideensammlung"}, {"answered"}),
        ({"phase": "Beteiligungsphase"}, {"on_paper", "hidden", "statement"}),
        ({"moderation": "reported"}, {"on_paper"}),
        ({"moderation": "hidden"}, {"hidden"}),
        ({"kind": "proposal", "channel": "online"}, {"answered"}),
    ],
)
def test_the_filters_narrow_the_contributions(client, district_editor, hoerde, query, expected):
    client.force_login(district_editor)
    if "phase" in query:
        phase = hoerde["procedure"].phases.get(title=query["phase"])
        query = {**query, "phase": phase.pk}

    response = client.get(workspace_url(hoerde["procedure"]), query)

    assert listed(response) == expected


def test_a_resolved_report_no_longer_counts_as_reported(client, district_editor, hoerde):
    Report.objects.update(resolved_at=NOW)
    client.force_login(district_editor)

    response = client.get(workspace_url(hoerde["procedure"]), {"moderation": "reported"})

    assert listed(response) == set()
    assert ui("No contributions match these filters.") in text_of(contributions_section(response))


def test_a_filter_value_that_is_not_offered_is_an_error_and_filters_nothing(
    client, district_editor, hoerde, others
):
    client.force_login(district_editor)
    aplerbeck_phase = others["aplerbeck"]["procedure"].phases.first()

    response = client.get(
        workspace_url(hoerde["procedure"]), {"phase": aplerbeck_phase.pk, "channel": "fax"}
    )

    assert response.status_code == 200
    form = response.context["filter_form"]
    assert set(form.errors) == {"phase", "channel"}
    assert listed(response) == set(MARKERS)


def test_staff_without_the_permission_to_view_statements_see_none(client, district_editor, hoerde):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.get(name="Bezirksvertretung Hörde")
    group.permissions.remove(Permission.objects.get(codename="view_statement"))
    client.force_login(district_editor)

    response = client.get(workspace_url(hoerde["procedure"]))

    assert listed(response) == {"answered", "on_paper", "hidden"}
    assert parsed(response).find(id="statements") is None
    kinds = response.context["filter_form"].fields["kind"].choices
    assert "statement" not in {value for value, _label in kinds}


def test_the_listing_is_paginated(client, district_editor, hoerde):
    procedure = hoerde["procedure"]
    Comment.objects.bulk_create(
        Comment(procedure=procedure, text=f"Kommentar Nummer {n}.") for n in range(25)
    )
    client.force_login(district_editor)

    first = client.get(workspace_url(procedure))
    second = client.get(workspace_url(procedure), {"p": 2})

    assert len(contributions_section(first).select("tbody tr")) == 20
    assert len(contributions_section(second).select("tbody tr")) == 9
    pagination = one(contributions_section(first), "navigation", ui("Pagination"))
    assert by_role(pagination, "link", href="?p=2")


# Answering -------------------------------------------------------------------------------------


def test_answering_from_the_workspace_shows_the_proposal_and_returns_to_the_workspace(
    client, district_editor, hoerde
):
    client.force_login(district_editor)
    proposal = hoerde["on_paper"]
    workspace = client.get(workspace_url(hoerde["procedure"]), {"status": "unanswered"})
    [answer_url] = [
        a["href"]
        for a in by_role(section_row(workspace, "Trinkbrunnen"), "link")
        if a["href"].startswith(reverse("participation_proposals:edit", args=[proposal.pk]))
    ]

    form = client.get(answer_url)

    assert form.status_code == 200
    shown = parsed(form).find(id="proposal-heading").parent
    assert one(shown, "heading", "Trinkbrunnen am Steg", level=3)
    assert "Per Brief: ein Trinkbrunnen am Steg zur Kulturinsel." in text_of(shown)
    facts = {text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in shown.find_all("dt")}
    assert facts[ui("Channel")].startswith(ui("paper"))
    assert facts[ui("Pseudonym")] == "–"
    assert (facts[ui("Supports")], facts[ui("Comments")]) == ("0", "0")
    assert facts[ui("Procedure")] == "Uferpromenade am Phoenix-See"

    response = client.post(answer_url, {"status": "accepted", "response": "Kommt 2027."})

    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{workspace_url(hoerde['procedure'])}?status=unanswered#contributions"
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.response) == ("accepted", "Kommt 2027.")
    assert listed(client.get(response["Location"])) == set()


def test_the_answer_form_shows_the_proposals_supports_and_comments(client, ombudsstelle, hoerde):
    client.force_login(ombudsstelle)

    form = client.get(reverse("participation_proposals:edit", args=[hoerde["answered"].pk]))

    shown = parsed(form).find(id="proposal-heading").parent
    facts = {text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in shown.find_all("dt")}
    assert (facts[ui("Pseudonym")], facts[ui("Supports")], facts[ui("Comments")]) == (
        "Kim aus Hörde",
        "2",
        "1",
    )


@pytest.mark.parametrize(
    "next_url", ["https://elsewhere.example/", "//elsewhere.example/admin/", "javascript:x"]
)
def test_answering_never_leads_to_another_site(client, district_editor, hoerde, next_url):
    client.force_login(district_editor)
    url = reverse("participation_proposals:edit", args=[hoerde["on_paper"].pk])

    response = client.post(
        f"{url}?next={next_url}", {"status": "rejected", "response": "Nicht möglich."}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("participation_proposals:index")


# Analog entry ----------------------------------------------------------------------------------


def test_analog_entry_opens_each_form_with_the_procedure_chosen(client, district_editor, hoerde):
    procedure = hoerde["procedure"]
    PollFactory(procedure=procedure, title="Welche Bank?")
    client.force_login(district_editor)
    workspace = client.get(workspace_url(procedure))
    section = parsed(workspace).find(id="analog")
    links = {text_of(a): a["href"] for a in by_role(section, "link")}
    names = {
        model: capfirst(model._meta.verbose_name)
        for model in (Proposal, Comment, Support, PollVote, Statement)
    }
    assert set(links) == set(names.values())

    proposal_form = client.get(links[names[Proposal]])
    assert proposal_form.context["form"]["procedure"].value() == procedure.pk
    support_form = client.get(links[names[Support]])
    headings = [text_of(h) for h in by_role(support_form, "heading", level=2)]
    assert f"{names[Support]}: Uferpromenade am Phoenix-See" in headings
    offered = set(support_form.context["form"].fields["proposal"].queryset)
    assert offered == {hoerde["answered"], hoerde["on_paper"]}

    response = client.post(
        links[names[Proposal]],
        {
            "procedure": procedure.pk,
            "channel": "phone",
            "title": "Hundekotbeutel",
            "text": "Anruf: Spender für Hundekotbeutel an der Promenade.",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == workspace_url(procedure)
    assert Proposal.objects.get(title="Hundekotbeutel").entered_by == district_editor


def test_analog_entry_for_another_districts_procedure_is_not_found(client, district_editor, others):
    client.force_login(district_editor)
    aplerbeck = others["aplerbeck"]["procedure"]

    for kind in ("proposals", "supports"):
        url = reverse(f"participation_{kind}:add")
        assert client.get(url, {"procedure": aplerbeck.pk}).status_code == 404
        assert client.get(url, {"procedure": "x"}).status_code == 404


# Statements, registrations, exports -----------------------------------------------------------


def test_statements_are_counted_with_a_link_to_their_listing(client, district_editor, hoerde):
    client.force_login(district_editor)

    section = parsed(client.get(workspace_url(hoerde["procedure"]))).find(id="statements")

    listing = f"{reverse('participation_statements:index')}?procedure={hoerde['procedure'].pk}"
    assert by_role(section, "link", href=listing)
    assert "1" in text_of(section)
    assert client.get(listing).status_code == 200


def test_registrations_per_event_with_names_for_staff_who_may_see_them(
    client, district_editor, hoerde
):
    event = EventFactory(
        procedure=hoerde["procedure"],
        title="Bürgerabend im Burgsaal",
        capacity=40,
        registration_required=True,
    )
    EventRegistration.objects.create(
        event=event, user=UserFactory(first_name="Ada", last_name="Lange", email="ada@example.org")
    )
    EventRegistration.objects.create(event=event, user=UserFactory(display_name="Bo"))
    client.force_login(district_editor)

    section = parsed(client.get(workspace_url(hoerde["procedure"]))).find(id="registrations")

    table = one(section, "table", ui("Registrations per event"))
    [row] = table.select("tbody tr")
    assert text_of(row.find("th")) == "Bürgerabend im Burgsaal"
    cells = [text_of(cell) for cell in row.find_all("td")]
    assert cells[1:3] == ["2", "40"]
    assert "Ada Lange <ada@example.org>" in cells[3] and "Bo" in cells[3]


def test_without_the_permission_registrations_are_counted_without_names(
    client, district_editor, hoerde
):
    from django.contrib.auth.models import Group, Permission

    Group.objects.get(name="Bezirksvertretung Hörde").permissions.remove(
        Permission.objects.get(codename="view_eventregistration")
    )
    event = EventFactory(procedure=hoerde["procedure"], capacity=None)
    EventRegistration.objects.create(event=event, user=UserFactory(first_name="Ada"))
    client.force_login(district_editor)

    section = parsed(client.get(workspace_url(hoerde["procedure"]))).find(id="registrations")

    [row] = section.select("tbody tr")
    assert [text_of(cell) for cell in row.find_all("td")][1:] == [
        "1 (" + ui("no registration required") + ")",
        "–",
    ]
    assert "Ada" not in text_of(section)


def test_exports_of_this_procedure(client, district_editor, hoerde):
    client.force_login(district_editor)
    procedure = hoerde["procedure"]

    section = parsed(client.get(workspace_url(procedure))).find(id="exports")

    for format in ("csv", "json"):
        url = reverse(f"participation_admin:export_{format}", args=[procedure.pk])
        assert by_role(section, "link", href=url)
        assert client.get(url).status_code == 200


# Statistics ------------------------------------------------------------------------------------


@pytest.fixture
def counted(home_page, staff):
    """Two phases, online and on paper: in the collection of ideas Kim proposes online, staff
    enter a paper proposal, Alex supports Kim's; in the consultation Kim and Alex comment,
    two signatures come on paper for Kim's proposal, Alex votes online."""
    procedure = procedure_in("hoerde", title="Gezählt")
    kim, alex = UserFactory(), UserFactory()
    first, second = days(-30), days(-5)
    own = created(ProposalFactory(procedure=procedure, author=kim), first)
    created(
        ProposalFactory(procedure=procedure, author=None, entered_by=staff, channel="paper"),
        first,
    )
    created(SupportFactory(proposal=own, user=alex), first)
    created(CommentFactory(procedure=procedure, proposal=own, author=kim), second)
    created(CommentFactory(procedure=procedure, author=alex), second)
    for _ in range(2):
        created(SupportFactory(proposal=own, user=None, entered_by=staff, channel="paper"), second)
    poll = PollFactory(procedure=procedure)
    vote = PollVote.objects.create(poll=poll, user=alex)
    vote.choices.add(poll.questions.get().choices.first())
    created(vote, second)
    return procedure


def statistics_table(response, caption: str) -> dict[str, list[str]]:
    """The rows of the statistics table ``caption``: label → the numbers."""
    table = one(parsed(response), "table", ui(caption))
    return {
        text_of(row.find("th")): [text_of(cell) for cell in row.find_all("td")]
        for row in table.select("tbody tr, tfoot tr")
    }


def test_the_statistics_count_contributions_and_participants_per_phase_and_channel(
    client, district_editor, counted
):
    client.force_login(district_editor)

    response = client.get(workspace_url(counted))

    # proposals, comments, supports, votes, statements, all, participants, entered by staff
    assert statistics_table(response, "Contributions and participants per phase") == {
        "Ideensammlung": ["2", "0", "1", "0", "0", "3", "2", "1"],
        "Beteiligungsphase": ["0", "2", "2", "1", "0", "5", "2", "2"],
        ui("All"): ["2", "2", "3", "1", "0", "8", "2", "3"],
    }
    by_channel = statistics_table(response, "Contributions and participants per channel")
    assert by_channel[ui("online")] == ["1", "2", "1", "1", "0", "5", "2", "0"]
    assert by_channel[ui("paper")] == ["1", "0", "2", "0", "0", "3", "0", "3"]
    assert by_channel[ui("phone")] == ["0"] * 8
    assert by_channel[ui("All")] == ["2", "2", "3", "1", "0", "8", "2", "3"]
    tallies = text_of(contributions_section(response).find("ul"))
    assert f"{capfirst(Support._meta.verbose_name_plural)}: 3" in tallies
    assert f"{capfirst(PollVote._meta.verbose_name_plural)}: 1" in tallies


def test_contributions_outside_every_phase_have_a_row_of_their_own(
    client, district_editor, counted
):
    created(ProposalFactory(procedure=counted), days(-100))
    client.force_login(district_editor)

    table = statistics_table(
        client.get(workspace_url(counted)), "Contributions and participants per phase"
    )

    assert table[ui("outside every phase")] == ["1", "0", "0", "0", "0", "1", "1", "0"]
    assert table[ui("All")][5] == "9"


# The button on the page ------------------------------------------------------------------------


def test_the_workspace_button_is_on_a_hoerde_procedure_for_the_hoerde_editor(
    client, district_editor, hoerde
):
    client.force_login(district_editor)
    procedure = hoerde["procedure"]
    url = workspace_url(procedure)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk]))
    listing = client.get(reverse("wagtailadmin_explore", args=[procedure.get_parent().pk]))

    assert edit.status_code == 200 and listing.status_code == 200
    assert by_role(edit, "link", href=url)
    assert by_role(listing, "link", href=url)


def test_the_workspace_button_is_not_on_other_pages(district_editor, ombudsstelle, hoerde, others):
    def workspace_buttons(page, user):
        return [
            button
            for button in page_buttons(page, user)
            if button.url.startswith(reverse("participation_admin:workspace", args=[page.pk]))
        ]

    for other in others.values():
        assert workspace_buttons(other["procedure"], district_editor) == []
        assert len(workspace_buttons(other["procedure"], ombudsstelle)) == 1
    folder = hoerde["procedure"].get_parent()
    assert workspace_buttons(folder, district_editor) == []
    [button] = workspace_buttons(hoerde["procedure"], district_editor)
    assert button.label == ui("Workspace")


# Query counts ----------------------------------------------------------------------------------


def contributions_round(procedure, people, staff, number: int) -> None:
    """Ten contributions: five proposals (every other one answered, every third reported, each
    with a signature on paper), three comments (one hidden), two statements."""
    proposals = Proposal.objects.bulk_create(
        Proposal(
            procedure=procedure,
            author=people[n % 3],
            title=f"Vorschlag {number}-{n}",
            text="Ein Vorschlag mit genug Text.",
            status="accepted" if n % 2 else "",
        )
        for n in range(5)
    )
    Support.objects.bulk_create(
        Support(proposal=proposal, channel="paper", entered_by=staff) for proposal in proposals
    )
    proposal_type = ContentType.objects.get_for_model(Proposal)
    Report.objects.bulk_create(
        Report(content_type=proposal_type, object_id=proposal.pk, reason="Werbung.")
        for proposal in proposals[::3]
    )
    Comment.objects.bulk_create(
        Comment(
            procedure=procedure,
            proposal=proposals[n],
            author=people[n % 3],
            text=f"Kommentar {number}-{n}",
            hidden_at=NOW if n == 0 else None,
        )
        for n in range(3)
    )
    Statement.objects.bulk_create(
        Statement(
            procedure=procedure,
            reference=f"ST-Q-{number}-{n}",
            text="Eine förmliche Stellungnahme.",
            name="Erika Mustermann",
            street="Friedensplatz 1",
            postcode="44135",
            city="Dortmund",
        )
        for n in range(2)
    )


@pytest.mark.parametrize("count", [10, 100])
def test_the_workspace_makes_the_same_number_of_queries_for_10_and_100_contributions(
    client, district_editor, home_page, staff, django_assert_max_num_queries, count
):
    procedure = procedure_in("hoerde")
    people = UserFactory.create_batch(3)
    for number in range(count // 10):  # rounds of ten, so that every page shows every kind
        contributions_round(procedure, people, staff, number)
    event = EventFactory(procedure=procedure)
    EventRegistration.objects.bulk_create(
        EventRegistration(event=event, user=person) for person in people
    )
    client.force_login(district_editor)
    client.get(workspace_url(procedure))  # warm Wagtail's caches

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(workspace_url(procedure))

    assert response.status_code == 200
    rows = [text_of(row.find("td")) for row in contributions_section(response).select("tbody tr")]
    assert len(rows) == min(count, 20)
    kinds = (Proposal, Comment, Statement)
    assert all(any(str(capfirst(m._meta.verbose_name)) in row for row in rows) for m in kinds)


#: The workspace's queries, however many contributions: session and user, permissions, the
#: procedure with its phases, the listing's count and page, one query per kind on the page,
#: the statistics (one per kind), the events with their registrations, statements.
QUERY_BUDGET = 30
