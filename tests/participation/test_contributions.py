"""Citizens contribute: proposals, comments, support, polls and formal statements, with every
kind of bad input refused with a clear message and nothing stored."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from mitwirken.notifications.models import Notification
from participation import services
from participation.models import (
    Channel,
    Comment,
    PollVote,
    Proposal,
    Statement,
    StatementAttachment,
    Support,
)
from tests.factories.accounts import UserFactory
from tests.factories.files import pdf_bytes
from tests.factories.participation import (
    CommentFactory,
    PollFactory,
    ProcedurePageFactory,
    ProposalFactory,
    phase,
)
from tests.helpers import parsed, statement_data, ui

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


@pytest.fixture
def citizen(client, citizen):
    """The citizen, logged in."""
    client.force_login(citizen)
    return citizen


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def poll_token_in(response, poll) -> str:
    """The signed token in the form of ``poll`` on the page."""
    html = response.content.decode()
    match = re.search(
        rf'<input type="hidden" name="token" value="([^"]+)" id="poll-{poll.pk}-token"', html
    )
    assert match, "the poll form carries no token"
    return match.group(1)


# Proposals ----------------------------------------------------------------------------------


def test_a_verified_citizen_proposes_and_is_redirected_with_a_message(client, procedure, citizen):
    response = client.post(
        f"{procedure.url}vorschlag/",
        {"title": "Mehr Bänke", "text": "Am Teich fehlen Bänke zum Ausruhen."},
        follow=True,
    )

    proposal = Proposal.objects.get()
    assert response.redirect_chain == [(f"{procedure.url}#messages", 302)]
    assert ui("Thank you! Your proposal has been published.") in messages_of(response)
    assert "Am Teich fehlen Bänke zum Ausruhen." in response.content.decode()
    assert (proposal.author, proposal.channel, proposal.entered_by) == (citizen, "online", None)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "Bänke", "text": ""}, "text", "Please write a text."),
        ({"title": "Bänke", "text": "   "}, "text", "Please write a text."),
        (
            {"title": "", "text": "Am Teich fehlen Bänke."},
            "title",
            "Please give your proposal a title.",
        ),
        ({"title": "Bänke", "text": "x" * 10_000}, "text", None),
    ],
)
def test_bad_proposal_input_is_refused_beside_the_field(
    client, procedure, citizen, data, field, message
):
    response = client.post(f"{procedure.url}vorschlag/", data)

    assert response.status_code == 200
    form = response.context["proposal_form"]
    assert form.errors[field]
    if message:
        assert ui(message) in form.errors[field]
    html = response.content.decode()
    assert f'id="proposal-{field}_error"' in html
    assert parsed(html).find(attrs={"name": field, "aria-invalid": "true"})
    assert not Proposal.objects.exists()


def test_an_unverified_user_cannot_propose(client, procedure):
    client.force_login(UserFactory(verified=False))
    html = client.get(procedure.url).content.decode()
    assert ui("Please confirm your e-mail address first: we sent you a link.") in html
    assert f'action="{procedure.url}vorschlag/"' not in html

    response = client.post(
        f"{procedure.url}vorschlag/", {"title": "Bänke", "text": "Mehr Bänke bitte."}
    )
    assert (
        ui("Please confirm your e-mail address first: we sent you a link.")
        in response.content.decode()
    )
    assert not Proposal.objects.exists()


def test_a_visitor_is_asked_to_log_in(client, procedure):
    html = client.get(procedure.url).content.decode()
    assert ui("Please log in to take part.") in html
    assert "/accounts/login/?next=" in html
    client.post(f"{procedure.url}vorschlag/", {"title": "Bänke", "text": "Mehr Bänke bitte."})
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    "phases",
    [
        [phase(-30)],  # over
        [phase(5)],  # not started
        [phase(-1, allows_proposals=False)],  # running, but not for proposals
    ],
)
def test_no_proposals_outside_a_phase_open_for_them(client, citizen, home_page, phases):
    procedure = ProcedurePageFactory(phases=phases)
    response = client.post(
        f"{procedure.url}vorschlag/", {"title": "Bänke", "text": "Mehr Bänke bitte."}
    )
    assert ui("Proposals are not open in the current phase.") in response.content.decode()
    assert not Proposal.objects.exists()


def test_staff_enter_a_proposal_that_came_on_paper_even_after_the_phase(home_page):
    procedure = ProcedurePageFactory(phases=[phase(-30)])
    staff = UserFactory(is_staff=True)
    proposal = services.proposal_create(
        procedure=procedure,
        author=None,
        title="Per Brief",
        text="Ein Vorschlag, der per Post kam.",
        channel=Channel.PAPER,
        entered_by=staff,
    )
    assert (proposal.channel, proposal.entered_by, proposal.author) == ("paper", staff, None)


def test_the_service_refuses_bad_input_with_field_errors(procedure, citizen):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(
            procedure=procedure, author=citizen, title="Ok!", text="x" * 10_000
        )
    assert "text" in error.value.message_dict
    assert not Proposal.objects.exists()


# Comments -----------------------------------------------------------------------------------


def test_comments_on_the_procedure_on_a_proposal_and_one_level_of_replies(
    client, procedure, citizen
):
    proposal = ProposalFactory(procedure=procedure)

    client.post(f"{procedure.url}kommentar/", {"text": "Zum Verfahren."})
    client.post(f"{procedure.url}kommentar/", {"text": "Zum Vorschlag.", "proposal": proposal.pk})
    top = Comment.objects.get(text="Zum Vorschlag.")
    response = client.post(
        f"{procedure.url}kommentar/", {"text": "Antwort.", "parent": top.pk}, follow=True
    )
    reply = Comment.objects.get(text="Antwort.")
    client.post(f"{procedure.url}kommentar/", {"text": "Antwort auf Antwort.", "parent": reply.pk})

    assert ui("Thank you! Your comment has been published.") in messages_of(response)
    assert Comment.objects.get(text="Zum Verfahren.").proposal is None
    assert top.proposal == proposal and top.parent is None
    assert (reply.parent, reply.proposal) == (top, proposal)
    # A reply to a reply stays one level deep.
    assert Comment.objects.get(text="Antwort auf Antwort.").parent == top
    assert all(c.channel == "online" and c.author == citizen for c in Comment.objects.all())


@pytest.mark.parametrize("text", ["", "x" * 10_000])
def test_an_empty_or_too_long_comment_is_refused(client, procedure, citizen, text):
    response = client.post(f"{procedure.url}kommentar/", {"text": text})
    assert response.context["comment_form"].errors["text"]
    assert 'id="procedure-comment-text_error"' in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_on_a_proposal_of_another_procedure_is_refused(client, procedure, citizen):
    other = ProposalFactory(procedure=ProcedurePageFactory())
    client.post(f"{procedure.url}kommentar/", {"text": "Hallo.", "proposal": other.pk})
    assert not Comment.objects.exists()


def test_comments_outside_an_open_phase_are_refused(client, citizen, home_page):
    procedure = ProcedurePageFactory(phases=[phase(-1, allows_comments=False)])
    response = client.post(f"{procedure.url}kommentar/", {"text": "Hallo zusammen."})
    assert ui("Comments are not open in the current phase.") in response.content.decode()
    assert not Comment.objects.exists()


# Support ------------------------------------------------------------------------------------


def test_support_once_per_user_and_not_for_ones_own_proposal(client, procedure, citizen):
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}vorschlag/{proposal.pk}/unterstuetzen/"

    response = client.post(url, follow=True)
    assert ui("Thank you for your support.") in messages_of(response)
    assert ui("You support this proposal.") in response.content.decode()
    response = client.post(url, follow=True)
    assert ui("You already support this proposal.") in messages_of(response)
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert Support.objects.get().channel == "online"

    own = ProposalFactory(procedure=procedure, author=citizen)
    response = client.post(f"{procedure.url}vorschlag/{own.pk}/unterstuetzen/", follow=True)
    assert ui("You cannot support your own proposal.") in messages_of(response)
    assert not Support.objects.filter(proposal=own).exists()


def test_support_needs_a_verified_account_and_an_open_phase(client, home_page):
    procedure = ProcedurePageFactory(phases=[phase(-1, allows_support=False)])
    proposal = ProposalFactory(procedure=procedure)
    url = f"{procedure.url}vorschlag/{proposal.pk}/unterstuetzen/"
    client.post(url)
    client.force_login(UserFactory(verified=False))
    client.post(url)
    client.force_login(UserFactory())
    response = client.post(url, follow=True)
    assert ui("Support is not open in the current phase.") in messages_of(response)
    assert not Support.objects.exists()
    assert client.get(url).status_code == 405


# Polls --------------------------------------------------------------------------------------


def test_a_citizen_votes_once_and_then_sees_the_results(client, procedure, citizen):
    poll = PollFactory(procedure=procedure, title="Neuer Spielplatz?")
    question = poll.questions.get()
    yes = question.choices.get(text="Ja")
    url = f"{procedure.url}umfrage/{poll.pk}/"

    html = client.get(procedure.url).content.decode()
    assert "<legend" in html and "Soll der Platz umgestaltet werden?" in html

    response = client.post(url, {f"question_{question.pk}": yes.pk}, follow=True)
    assert ui("Thank you for taking part in the poll.") in messages_of(response)
    html = response.content.decode()
    assert "(100 %)" in html
    vote = PollVote.objects.get()
    assert (vote.user, list(vote.choices.all())) == (citizen, [yes])

    client.post(url, {f"question_{question.pk}": yes.pk})
    assert PollVote.objects.count() == 1


def test_a_poll_needs_an_answer_to_every_question_and_one_where_one_is_asked(
    client, procedure, citizen
):
    poll = PollFactory(
        procedure=procedure,
        questions=[("Einzeln?", ["A", "B"]), ("Mehrere?", ["X", "Y", "Z"], True)],
    )
    single, multiple = poll.questions.all()
    a, b = single.choices.all()
    x, y, _z = multiple.choices.all()
    url = f"{procedure.url}umfrage/{poll.pk}/"

    response = client.post(url, {f"question_{single.pk}": a.pk})
    assert ui("Please answer this question.") in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.poll_vote(poll=poll, choices=[a, b, x], user=citizen)
    assert error.value.message_dict == {
        f"question_{single.pk}": [ui("Please choose one answer only.")]
    }
    assert not PollVote.objects.exists()

    client.post(url, {f"question_{single.pk}": b.pk, f"question_{multiple.pk}": [x.pk, y.pk]})
    assert set(PollVote.objects.get().choices.all()) == {b, x, y}


def test_anonymous_votes_once_per_browser_session_where_the_poll_allows_them(client, procedure):
    poll = PollFactory(procedure=procedure, allow_anonymous=True)
    question = poll.questions.get()
    url = f"{procedure.url}umfrage/{poll.pk}/"
    token = poll_token_in(client.get(url), poll)
    data = {f"question_{question.pk}": question.choices.first().pk, "token": token}

    client.post(url, data)
    response = client.post(url, data, follow=True)
    assert ui("You have already taken part in this poll.") in response.content.decode()
    assert PollVote.objects.count() == 1
    assert PollVote.objects.get().user is None

    closed_poll = PollFactory(procedure=procedure)
    question = closed_poll.questions.get()
    client.logout()
    response = client.post(
        f"{procedure.url}umfrage/{closed_poll.pk}/",
        {f"question_{question.pk}": question.choices.first().pk},
    )
    assert ui("Please log in to take part.") in response.content.decode()
    assert PollVote.objects.count() == 1


# Formal statements --------------------------------------------------------------------------


@pytest.fixture
def formal(home_page):
    return ProcedurePageFactory(title="Bebauungsplan Hö 123", kind="land_use")


def test_a_formal_statement_with_pdf_gets_a_reference_number_and_a_receipt(client, formal, citizen):
    pdf = SimpleUploadedFile("einwendung.pdf", PDF, content_type="application/pdf")
    response = client.post(
        f"{formal.url}stellungnahme/", statement_data(attachments=[pdf]), follow=True
    )

    statement = Statement.objects.get()
    assert statement.reference == f"ST-{timezone.now():%Y}-{statement.pk:06d}"
    assert statement.reference in " ".join(messages_of(response))
    assert response.redirect_chain == [(f"{formal.url}#messages", 302)]
    attachment = StatementAttachment.objects.get()
    assert attachment.name == "einwendung.pdf" and attachment.file.read().startswith(b"%PDF")
    receipt = Notification.objects.get(message__kind="participation.statement_received")
    assert receipt.email == citizen.email
    assert statement.reference in receipt.message.subject
    assert statement.reference in receipt.message.text


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("brief.pdf", b"GIF89a not a pdf")], "%(name)s is not a PDF file."),
        ([("gross.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024))], "%(name)s is larger than 10 MB."),
        ([(f"teil{n}.pdf", PDF) for n in range(4)], "Please attach at most %(count)d files."),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_stored(client, formal, citizen, files, message):
    uploads = [
        SimpleUploadedFile(name, content, content_type="application/pdf") for name, content in files
    ]
    response = client.post(f"{formal.url}stellungnahme/", statement_data(attachments=uploads))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="statement-attachments_error"' in html
    errors = response.context["statement_form"].errors["attachments"]
    assert errors == [translation.gettext(message) % {"count": 3, "name": files[0][0]}]
    assert not Statement.objects.exists()
    assert not StatementAttachment.objects.exists()


@pytest.mark.parametrize("missing", ["name", "street", "postcode", "city", "text"])
def test_name_postal_address_and_text_are_required(client, formal, citizen, missing):
    response = client.post(f"{formal.url}stellungnahme/", statement_data(**{missing: ""}))
    assert response.context["statement_form"].errors[missing]
    assert not Statement.objects.exists()
    assert not Notification.objects.exists()


def test_no_statements_in_an_informal_procedure(client, procedure, citizen):
    assert ui("Formal statement") not in client.get(procedure.url).content.decode()
    assert client.post(f"{procedure.url}stellungnahme/", statement_data()).status_code == 404
    with pytest.raises(ValidationError) as error:
        services.statement_create(procedure=procedure, author=citizen, **statement_data())
    assert error.value.messages == [ui("Formal statements are only possible in formal procedures.")]
    assert not Statement.objects.exists()


def test_html_in_a_comment_is_text(client, procedure, citizen):
    client.post(f"{procedure.url}kommentar/", {"text": "<script>alert(1)</script> Hallo"})
    html = client.get(procedure.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hallo" in html
    assert "<script>alert(1)" not in html


def test_the_services_are_atomic(procedure, citizen, monkeypatch):
    """When the receipt cannot be queued, the statement is not stored either."""
    from participation.services import contributions

    def broken(**kwargs):
        raise RuntimeError("outbox down")

    monkeypatch.setattr(contributions, "_statement_receipt", broken)
    formal = ProcedurePageFactory(kind="land_use")
    with pytest.raises(RuntimeError):
        services.statement_create(procedure=formal, author=citizen, **statement_data())
    assert not Statement.objects.exists()
    assert not CommentFactory._meta.model.objects.exists()
