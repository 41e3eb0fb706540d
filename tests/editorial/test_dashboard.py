"""The staff dashboard shows each person what needs their attention, and only what they may act
on: the Ombudsstelle everything, a Bezirksvertretung its own district's procedures, the
Moderation the reports. Each link leads to a page that person may open; the counts cost the same
number of queries however many things wait."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item
from mitwirken.places.models import District
from participation.models import Comment, Phase, ProcedurePage, Proposal, Report, Statement
from tests.factories.accounts import UserFactory
from tests.factories.notifications import MessageFactory, NotificationFactory
from tests.factories.pages import HomePageFactory
from tests.factories.participation import (
    CommentFactory,
    DistrictFolderPageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
    ReportFactory,
    StatementFactory,
    phase,
)
from tests.factories.toolkit import FormatPageFactory, ToolkitIndexPageFactory
from tests.helpers import by_role, parsed, text_of, ui
from toolkit.models import FormatSuggestion

pytestmark = pytest.mark.django_db

HOME = "wagtailadmin_home"


def said(singular: str, plural: str, count: int, **values) -> str:
    """A count in words, as the dashboard says it in the active language."""
    return translation.ngettext(singular, plural, count) % {"count": count, **values}


def reports(n):
    return said("%(count)s open report", "%(count)s open reports", n)


def proposals(n):
    return said(
        "%(count)s proposal without an official response",
        "%(count)s proposals without an official response",
        n,
    )


def comments(n):
    return said(
        "%(count)s comment on a procedure without a reply from staff",
        "%(count)s comments on procedures without a reply from staff",
        n,
    )


def statements(n):
    return said(
        "%(count)s formal statement not yet taken up",
        "%(count)s formal statements not yet taken up",
        n,
    )


def overdue(n):
    return said(
        "%(count)s procedure ended more than %(days)s days ago without results",
        "%(count)s procedures ended more than %(days)s days ago without results",
        n,
        days=30,
    )


def phases(n):
    return said(
        "%(count)s phase starts or ends within %(days)s days",
        "%(count)s phases start or end within %(days)s days",
        n,
        days=7,
    )


def formats_due(n):
    return said("%(count)s format due for review", "%(count)s formats due for review", n)


def suggestions(n):
    return said("%(count)s new format suggestion", "%(count)s new format suggestions", n)


def failed_mails(n):
    return said("%(count)s mail could not be sent", "%(count)s mails could not be sent", n)


def attention(response) -> dict[str, list[str]]:
    """The dashboard's panels of what needs attention, as a screen reader meets them: each
    section's heading and the counts it says, in the order of the page."""
    panels = {}
    for section in parsed(response).select("section[aria-labelledby]"):
        [heading] = by_role(section, "heading", level=2)
        counts = [text_of(strong) for strong in section.select("li > p > strong")]
        if counts:
            panels[text_of(heading)] = counts
    return panels


def headings(response) -> list[str]:
    return [text_of(heading) for heading in by_role(response, "heading", level=2)]


def attention_links(response) -> list[str]:
    return [
        link["href"]
        for section in parsed(response).select("section[aria-labelledby]")
        if section.select("li > p > strong")
        for link in by_role(section, "link")
        if not link["href"].startswith("#")
    ]


# The things that wait, in three places ----------------------------------------------------------


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def place(folder, name: str) -> dict:
    """In ``folder``: a procedure whose phase ends in three days, with a proposal without a
    response (and one answered, one hidden), two comments without a staff reply (and one with
    it, one on a proposal), a formal statement, an open report (and a resolved one); and a
    procedure that ended forty days ago without results."""
    procedure = ProcedurePageFactory(
        parent=folder, title=f"Spielplatz {name}", phases=[phase(-10, length=13)]
    )
    ProcedurePageFactory(
        parent=folder, title=f"Radweg {name}", phases=[phase(-60, length=20, allows_comments=False)]
    )
    waiting = ProposalFactory(procedure=procedure, title=f"Schaukel in {name}")
    ProposalFactory(procedure=procedure, status="accepted", response="Machen wir.")
    ProposalFactory(procedure=procedure, hidden_at=timezone.now(), hidden_reason="Spam")
    CommentFactory(procedure=procedure, text=f"Wann geht es los in {name}?")
    asked = CommentFactory(procedure=procedure)
    CommentFactory(procedure=procedure, parent=asked)  # a citizen's reply is no answer
    answered = CommentFactory(procedure=procedure)
    staff = UserFactory(is_staff=True)
    CommentFactory(procedure=procedure, parent=answered, author=staff)
    CommentFactory(procedure=procedure, proposal=waiting)
    StatementFactory(procedure=procedure, reference=f"ST-{name}")
    ReportFactory(contribution=waiting, reason=f"Unsinn aus {name}")
    ReportFactory(contribution=waiting, resolved_at=timezone.now())
    return {"procedure": procedure, "proposal": waiting}


@pytest.fixture
def places():
    HomePageFactory()
    ProcedureIndexPageFactory()
    return {
        name: place(DistrictFolderPageFactory(district=district), name)
        for name, district in (
            ("Hörde", District.objects.get(slug="hoerde")),
            ("Aplerbeck", District.objects.get(slug="aplerbeck")),
            ("Gesamtstadt", None),
        )
    }


@pytest.fixture
def upkeep():
    """A format never reviewed, one reviewed in time, a new suggestion, a failed mail."""
    ToolkitIndexPageFactory()
    FormatPageFactory(title="Zukunftswerkstatt", last_reviewed=None)
    FormatPageFactory(title="Bürgerrat")
    FormatSuggestion.objects.create(title="Kiezspaziergang", description="Wir gehen los.")
    FormatSuggestion.objects.create(
        title="Erledigt", description="…", status=FormatSuggestion.Status.DECLINED
    )
    NotificationFactory(
        status="failed", message=MessageFactory(subject="Ihre Stellungnahme ist eingegangen")
    )
    NotificationFactory(status="sent")


# Who sees what -----------------------------------------------------------------------------------


def test_the_ombudsstelle_sees_everything_that_waits_most_urgent_first(
    client, ombudsstelle, places, upkeep
):
    client.force_login(ombudsstelle)

    response = client.get(reverse(HOME))

    assert response.status_code == 200
    assert attention(response) == {
        ui("Reported contributions"): [reports(3)],
        ui("Results overdue"): [overdue(3)],
        ui("Waiting for a response"): [proposals(3), comments(6), statements(3)],
        ui("Coming up"): [phases(3)],
        ui("Outbox"): [failed_mails(1)],
        ui("Instrumentenkoffer"): [formats_due(1), suggestions(1)],
    }


def test_a_district_editor_sees_the_own_district_only(client, district_editor, places, upkeep):
    client.force_login(district_editor)

    response = client.get(reverse(HOME))

    assert attention(response) == {
        ui("Reported contributions"): [reports(1)],
        ui("Results overdue"): [overdue(1)],
        ui("Waiting for a response"): [proposals(1), comments(2), statements(1)],
        ui("Coming up"): [phases(1)],
    }
    html = response.content.decode()
    assert "Schaukel in Hörde" in html and "Unsinn aus Hörde" in html
    for other in ("Aplerbeck", "Gesamtstadt"):
        assert other not in html


def test_the_moderation_sees_the_reports_and_nothing_else(client, moderator, places, upkeep):
    client.force_login(moderator)

    response = client.get(reverse(HOME))

    assert attention(response) == {ui("Reported contributions"): [reports(3)]}
    html = response.content.decode()
    assert "Schaukel in" not in html and "ST-" not in html


@pytest.mark.parametrize("role", ["ombudsstelle", "district_editor", "moderator"])
def test_every_link_leads_to_a_page_the_person_may_open(client, role, request, places, upkeep):
    client.force_login(request.getfixturevalue(role))

    links = attention_links(client.get(reverse(HOME)))

    assert links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_links_lead_to_where_each_thing_is_handled(client, ombudsstelle, places, upkeep):
    client.force_login(ombudsstelle)
    hoerde = places["Hörde"]

    links = attention_links(client.get(reverse(HOME)))

    assert reverse("participation_moderation:index") in links
    assert reverse("participation_proposals:edit", args=[hoerde["proposal"].pk]) in links
    assert f"{reverse('participation_statements:index')}?status=received" in links
    assert reverse("wagtailadmin_pages:edit", args=[hoerde["procedure"].pk]) in links
    assert f"{reverse('outbox:index')}?status=failed" in links
    assert f"{reverse('toolkit_suggestions:index')}?status=new" in links
    assert reverse("toolkit_review_due") in links


def test_the_oldest_come_first_with_their_age(client, ombudsstelle, places):
    procedure = places["Hörde"]["procedure"]
    old = ProposalFactory(procedure=procedure, title="Der älteste Vorschlag")
    Proposal.objects.filter(pk=old.pk).update(created_at=days_ago(12))
    client.force_login(ombudsstelle)

    response = client.get(reverse(HOME))

    [section] = [
        section
        for section in parsed(response).select("section[aria-labelledby]")
        if by_role(section, "heading", ui("Waiting for a response"))
    ]
    [oldest, *_] = by_role(section, "list", ui("The oldest"))
    first = by_role(oldest, "listitem")[0]
    assert text_of(by_role(first, "link")[0]) == "Der älteste Vorschlag"
    assert first.find("time")["datetime"].startswith(days_ago(12).date().isoformat())
    age = translation.gettext("%(age)s old") % {"age": "1 Woche"}
    assert text_of(first.find("time")) == age


ALL_CLEAR = "Nothing needs your attention right now."


def test_a_person_with_nothing_to_do_sees_one_calm_line(client, ombudsstelle):
    HomePageFactory()
    client.force_login(ombudsstelle)

    response = client.get(reverse(HOME))

    assert response.status_code == 200
    assert attention(response) == {}
    assert ui(ALL_CLEAR) in text_of(parsed(response))


def test_the_calm_line_is_not_shown_while_something_waits(client, moderator, places):
    client.force_login(moderator)

    response = client.get(reverse(HOME))

    assert attention(response) == {ui("Reported contributions"): [reports(3)]}
    assert ui(ALL_CLEAR) not in text_of(parsed(response))


def test_late_items_are_marked_and_counts_are_sentences():
    panel = AttentionPanel(
        name="test",
        heading="Überfällig",
        items=[
            Item(count=0, text="%(count)s nichts", url="/a/", link_text="A"),
            Item(count=2, text="%(count)s späte Dinge", url="/b/", link_text="B", warning=True),
        ],
    )

    html = panel.render_html({})

    assert [item.sentence for item in panel.items] == ["2 späte Dinge"]
    [section] = parsed(html).select("section")
    assert text_of(by_role(section, "heading", level=2)[0]) == "Überfällig"
    [item] = section.select("ul > li")
    assert "attention__item--warning" in item["class"]
    assert by_role(item, "link", "B")[0]["href"] == "/b/"
    assert AttentionPanel(name="none", heading="Nichts", items=[]).render_html({}) == ""


def test_an_entry_shows_its_age():
    entry = Entry(label="Alt", url="/", since=days_ago(3))
    with translation.override("en"):
        assert entry.age == "3\xa0days"


# Workflow tasks ---------------------------------------------------------------------------------


def test_the_ombudsstelle_reviews_a_hoerde_page_between_the_urgent_and_the_answers(
    client, ombudsstelle, district_editor, places
):
    folder = DistrictFolderPageFactory(district=District.objects.get(slug="hoerde"))
    procedure = ProcedurePageFactory(parent=folder, title="Zur Prüfung", slug="zur-pruefung")
    procedure.save_revision(user=district_editor)
    procedure.unpublish()
    procedure.get_workflow().start(procedure, district_editor)
    client.force_login(ombudsstelle)

    response = client.get(reverse(HOME))

    order = headings(response)
    review = ui("Awaiting your review")
    assert review in order
    assert (
        order.index(ui("Reported contributions"))
        < order.index(ui("Results overdue"))
        < order.index(review)
        < order.index(ui("Waiting for a response"))
        < order.index(ui("Coming up"))
    )
    assert "Zur Prüfung" in text_of(parsed(response).find(id="awaiting-review-section"))


def test_a_task_to_review_is_something_to_do(client, ombudsstelle, district_editor):
    HomePageFactory()
    ProcedureIndexPageFactory()
    folder = DistrictFolderPageFactory(district=District.objects.get(slug="hoerde"))
    procedure = ProcedurePageFactory(parent=folder, slug="nur-pruefung", phases=[])
    procedure.save_revision(user=district_editor)
    procedure.unpublish()
    procedure.get_workflow().start(procedure, district_editor)
    client.force_login(ombudsstelle)

    response = client.get(reverse(HOME))

    assert attention(response) == {}
    assert ui("Awaiting your review") in headings(response)
    assert ui(ALL_CLEAR) not in text_of(parsed(response))


def test_the_editor_who_submitted_does_not_review(client, district_editor, places):
    folder = DistrictFolderPageFactory(district=District.objects.get(slug="hoerde"))
    procedure = ProcedurePageFactory(parent=folder, slug="eingereicht")
    procedure.save_revision(user=district_editor)
    procedure.unpublish()
    procedure.get_workflow().start(procedure, district_editor)
    procedure.save_revision(user=district_editor, log_action=True)
    client.force_login(district_editor)

    order = headings(client.get(reverse(HOME)))

    assert ui("Awaiting your review") not in order
    # What only informs comes after what needs attention.
    assert (
        order.index(ui("Waiting for a response"))
        < order.index(ui("Your pages and snippets in a workflow"))
        < order.index(ui("Your most recent edits"))
    )


def test_the_site_summary_is_left_out(client, ombudsstelle, places):
    client.force_login(ombudsstelle)

    response = client.get(reverse(HOME))

    assert ui("Site summary") not in headings(response)
    assert not parsed(response).select("section[aria-labelledby=header-title]")


# Queries ------------------------------------------------------------------------------------------


def add_waiting(places: dict, n: int) -> None:
    """``n`` more of every kind of thing that waits, in Hörde."""
    procedure = places["Hörde"]["procedure"]
    folder = procedure.get_parent()
    author = UserFactory()
    new_proposals = Proposal.objects.bulk_create(
        Proposal(procedure=procedure, author=author, title=f"Mehr {i}", text="Noch ein Vorschlag.")
        for i in range(n)
    )
    Comment.objects.bulk_create(
        Comment(procedure=procedure, author=author, text=f"Frage {i}") for i in range(n)
    )
    Statement.objects.bulk_create(
        Statement(
            procedure=procedure,
            reference=f"ST-MEHR-{n}-{i}",
            text="Ich erhebe Einwendungen.",
            name="Erika Mustermann",
            street="Friedensplatz 1",
            postcode="44135",
            city="Dortmund",
        )
        for i in range(n)
    )
    proposal_type = ContentType.objects.get_for_model(Proposal)
    Report.objects.bulk_create(
        Report(content_type=proposal_type, object_id=proposal.pk, reason="Spam.")
        for proposal in new_proposals
    )
    Phase.objects.bulk_create(
        Phase(procedure=procedure, sort_order=9, **phase(2, length=30, title=f"Phase {i}"))
        for i in range(n)
    )
    for i in range(n):
        ended = ProcedurePage(
            title=f"Vorbei {n}-{i}",
            slug=f"vorbei-{n}-{i}",
            responsible_office="Amt",
            live=True,
            phases=[Phase(**phase(-90, length=10))],
        )
        folder.add_child(instance=ended)
    index = ToolkitIndexPageFactory()
    category = FormatPageFactory._meta.declarations["category"].get_factory()(
        name="Abstandsformate", slug="abstandsformate"
    )
    for i in range(n):
        index.add_child(
            instance=FormatPageFactory.build(
                title=f"Alt {n}-{i}",
                slug=f"alt-{n}-{i}",
                category=category,
                last_reviewed=None,
                live=True,
            )
        )
    FormatSuggestion.objects.bulk_create(
        FormatSuggestion(title=f"Idee {i}", description="…") for i in range(n)
    )
    message = MessageFactory()
    NotificationFactory.create_batch(n, message=message, status="failed")


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(HOME)).status_code == 200
    return len(queries)


def test_the_counts_cost_the_same_queries_for_10_and_100_of_each(
    client, ombudsstelle, places, upkeep, django_assert_max_num_queries
):
    client.force_login(ombudsstelle)
    add_waiting(places, 10)
    client.get(reverse(HOME))  # caches warm, as on every later visit
    with_10 = dashboard_queries(client)

    add_waiting(places, 90)
    with django_assert_max_num_queries(with_10):
        response = client.get(reverse(HOME))

    assert attention(response)[ui("Reported contributions")] == [reports(103)]
    assert attention(response)[ui("Instrumentenkoffer")] == [formats_due(101), suggestions(101)]
