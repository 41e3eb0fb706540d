"""Staff enter contributions received on paper, by phone, by e-mail or at events in the admin;
they appear beside online ones and are counted by channel."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from participation.models import Comment, PollVote, Proposal, Statement, Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(ombudsstelle):
    return ombudsstelle


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_a_proposal_on_paper_is_stored_with_channel_and_who_entered_it(
    staff_client, staff, procedure_page
):
    response = staff_client.post(
        reverse("participation_proposals:add"),
        {
            "procedure": procedure_page.pk,
            "channel": "paper",
            "title": "Zebrastreifen an der Schule",
            "text": "Brief vom 3. März: ein Zebrastreifen vor der Grundschule.",
            "category": "",
        },
    )

    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.channel, proposal.entered_by, proposal.author) == ("paper", staff, None)
    assert ModelLogEntry.objects.filter(action="wagtail.create", user=staff).exists()


def test_online_cannot_be_chosen_for_analog_input(staff_client, procedure_page):
    response = staff_client.post(
        reverse("participation_proposals:add"),
        {
            "procedure": procedure_page.pk,
            "channel": "online",
            "title": "Zebrastreifen",
            "text": "Ein Zebrastreifen vor der Grundschule.",
        },
    )

    assert response.status_code == 200
    assert not Proposal.objects.exists()
    assert (
        'value="online"'
        not in staff_client.get(reverse("participation_proposals:add")).content.decode()
    )


def test_a_comment_by_phone(staff_client, staff, proposal):
    staff_client.post(
        reverse("participation_comments:add"),
        {
            "procedure": proposal.procedure.pk,
            "proposal": proposal.pk,
            "channel": "phone",
            "text": "Anruf: Bitte auch an Radfahrende denken.",
        },
    )

    comment = Comment.objects.get()
    assert (comment.channel, comment.entered_by, comment.proposal) == ("phone", staff, proposal)


def test_a_signature_list_counts_each_signature(staff_client, staff, proposal):
    staff_client.post(
        reverse("participation_supports:add"),
        {"proposal": proposal.pk, "channel": "event", "count": 12},
    )

    assert Support.objects.filter(channel="event", entered_by=staff, user=None).count() == 12


def test_a_paper_ballot(staff_client, staff, poll):
    choice = poll.questions.get().choices.get(text="Ja")

    staff_client.post(
        reverse("participation_votes:add"),
        {"poll": poll.pk, "channel": "paper", "choices": [choice.pk]},
    )

    vote = PollVote.objects.get()
    assert (vote.channel, vote.entered_by) == ("paper", staff)
    assert list(vote.choices.all()) == [choice]


def test_a_statement_by_email(staff_client, staff, procedure_page_factory):
    procedure = procedure_page_factory(kind="land_use")

    staff_client.post(
        reverse("participation_statements:add"),
        {
            "procedure": procedure.pk,
            "channel": "email",
            "text": "Ich erhebe Einwendungen gegen den Bebauungsplan.",
            "name": "Erika Mustermann",
            "street": "Friedensplatz 1",
            "postcode": "44135",
            "city": "Dortmund",
            "email": "",
        },
    )

    statement = Statement.objects.get()
    assert (statement.channel, statement.entered_by) == ("email", staff)
    assert statement.reference.startswith("ST-")


def test_analog_and_online_appear_together_and_filter_by_channel(
    staff_client, procedure_page, proposal_factory
):
    proposal_factory(procedure=procedure_page, title="Online-Idee")
    proposal_factory(procedure=procedure_page, title="Papier-Idee", channel="paper", author=None)
    proposal_factory(title="Anderes Verfahren", channel="paper", author=None)
    url = reverse("participation_proposals:index")

    everything = staff_client.get(url, {"procedure": procedure_page.pk}).content.decode()
    paper = staff_client.get(url, {"channel": "paper"}).content.decode()

    assert "Online-Idee" in everything and "Papier-Idee" in everything
    assert "Anderes Verfahren" not in everything
    assert "Papier-Idee" in paper and "Anderes Verfahren" in paper
    assert "Online-Idee" not in paper


def test_staff_without_the_permission_cannot_enter_input(client, user_factory, procedure_page):
    person = user_factory(is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(person)

    response = client.post(
        reverse("participation_proposals:add"),
        {"procedure": procedure_page.pk, "channel": "paper", "title": "Idee", "text": "Eine Idee."},
    )

    assert response.status_code == 302
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("name", ["proposals", "comments", "supports", "votes", "statements"])
def test_listings_make_as_many_queries_for_many_rows_as_for_few(
    staff_client,
    name,
    procedure_page,
    proposal_factory,
    comment_factory,
    support_factory,
    poll_factory,
    statement_factory,
):
    from participation.services.contributions import poll_vote

    poll = poll_factory(procedure=procedure_page)
    choice = poll.questions.get().choices.first()

    def add_rows(count):
        for _number in range(count):
            proposal = proposal_factory(procedure=procedure_page)
            comment_factory(procedure=procedure_page, proposal=proposal)
            support_factory(proposal=proposal)
            statement_factory(procedure=procedure_page)
            poll_vote(poll=poll, choices=[choice], channel="paper", entered_by=proposal.author)

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = staff_client.get(reverse(f"participation_{name}:index"))
        assert response.status_code == 200
        return len(context.captured_queries)

    add_rows(2)
    few = queries()
    add_rows(10)
    assert queries() == few
