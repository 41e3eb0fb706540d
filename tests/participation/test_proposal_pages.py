"""Procedure pages that do not grow: proposals sorted and filtered a page at a time, each with
its latest comments and a page of its own for the whole discussion; the comments on the
procedure a page of threads at a time; one comment form and at most one reply form a page."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import ngettext

from participation.models import Comment, Proposal, Support
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    CommentFactory,
    ProcedurePageFactory,
    ProposalFactory,
    SupportFactory,
)
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Phoenixsee-Ufer")


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return citizen


def proposal_url(procedure, proposal, query="") -> str:
    return f"{procedure.url}vorschlag/{proposal.pk}/{query}"


def proposal_titles(page) -> list[str]:
    """The titles of the proposals in the list, in the order a visitor reads them."""
    region = one(page, "region", ui("Proposals"))
    return [text_of(link) for link in region.select(".proposal-list h3 a")]


def counted(singular: str, plural: str, count: int) -> str:
    return ngettext(singular, plural, count) % {"counter": count}


def made_at(minutes_ago: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=minutes_ago)


def aged(contribution, minutes_ago: int):
    """``contribution`` as if written ``minutes_ago`` (``created_at`` is set on saving)."""
    type(contribution).objects.filter(pk=contribution.pk).update(created_at=made_at(minutes_ago))
    return contribution


# Sorting and filtering ----------------------------------------------------------------------------


@pytest.fixture
def three(procedure):
    """Three proposals: the newest with no support and no comment, the oldest most supported,
    the middle one most discussed."""
    old = aged(ProposalFactory(procedure=procedure, title="Alt, viel Unterstützung"), 30)
    middle = aged(ProposalFactory(procedure=procedure, title="Mittel, viel Diskussion"), 20)
    aged(ProposalFactory(procedure=procedure, title="Neu, noch still"), 10)
    SupportFactory.create_batch(3, proposal=old)
    SupportFactory(proposal=middle)
    thread = CommentFactory(procedure=procedure, proposal=middle)
    CommentFactory(procedure=procedure, proposal=middle, parent=thread)
    CommentFactory(procedure=procedure, proposal=old)
    return procedure


def test_proposals_come_newest_first_most_supported_or_most_discussed(client, three):
    newest = ["Neu, noch still", "Mittel, viel Diskussion", "Alt, viel Unterstützung"]
    assert proposal_titles(client.get(three.url)) == newest
    assert proposal_titles(client.get(three.url, {"sort": "supports"})) == [
        "Alt, viel Unterstützung",
        "Mittel, viel Diskussion",
        "Neu, noch still",
    ]
    page = client.get(three.url, {"sort": "comments"})
    assert proposal_titles(page) == [
        "Mittel, viel Diskussion",
        "Alt, viel Unterstützung",
        "Neu, noch still",
    ]
    assert ui("most discussed first") in text_of(one(page, "region", ui("Proposals")))
    # Any other value is the default order, not an error.
    assert proposal_titles(client.get(three.url, {"sort": "random"})) == newest


def test_the_sort_and_filter_form_is_a_get_form_that_shows_the_choice(client, three):
    page = client.get(three.url, {"sort": "supports", "status": "accepted"})

    form = one(page, "search", ui("Sort and filter proposals"))
    assert form.get("method") == "get"
    assert form["action"] == f"{three.url}#proposals-heading"
    assert form.find("select", attrs={"name": "sort"}).find("option", selected=True)["value"] == (
        "supports"
    )
    status = form.find("select", attrs={"name": "status"})
    assert status.find("option", selected=True)["value"] == "accepted"
    assert not form.find(attrs={"name": "category"})  # no proposal has a category
    assert ui("No proposals match the filter.") in text_of(one(page, "region", ui("Proposals")))


def test_proposals_are_filtered_by_status_and_category(client, procedure):
    ProposalFactory(procedure=procedure, title="Bänke", category="Grün", status="accepted")
    ProposalFactory(procedure=procedure, title="Ampel", category="Verkehr", status="accepted")
    ProposalFactory(procedure=procedure, title="Bäume", category="Grün")

    page = client.get(procedure.url, {"category": "Grün"})
    assert proposal_titles(page) == ["Bäume", "Bänke"]
    filters = one(page, "search", ui("Sort and filter proposals"))
    options = filters.find("select", attrs={"name": "category"}).find_all("option")
    assert [option["value"] for option in options] == ["", "Grün", "Verkehr"]
    page = client.get(procedure.url, {"category": "Grün", "status": "accepted"})
    assert proposal_titles(page) == ["Bänke"]
    # Unanswered proposals count as in review, as in the results.
    assert proposal_titles(client.get(procedure.url, {"status": "in_review"})) == ["Bäume"]


def test_paging_keeps_the_filter_and_the_filter_starts_on_the_first_page(client, procedure):
    for number in range(25):
        ProposalFactory(procedure=procedure, title=f"Vorschlag {number:02}", status="accepted")
    ProposalFactory(procedure=procedure, title="Abgelehnt", status="rejected")

    page = client.get(procedure.url, {"status": "accepted", "sort": "supports", "page": 2})

    region = one(page, "region", ui("Proposals"))
    titles = proposal_titles(page)
    assert len(titles) == 10 and "Abgelehnt" not in titles
    more = one(region, "link", ui("More proposals"))
    assert more["href"] == "?status=accepted&sort=supports&page=3#proposals-heading"
    back = one(region, "link", ui("Previous proposals"))
    assert back["href"] == "?status=accepted&sort=supports&page=1#proposals-heading"
    # The form sends what it shows, and no page: a new choice starts on the first page.
    form = one(page, "search", ui("Sort and filter proposals"))
    assert not form.find(attrs={"name": "page"})
    assert proposal_titles(client.get(procedure.url, {"status": "accepted", "page": 3})) == [
        "Vorschlag 04",
        "Vorschlag 03",
        "Vorschlag 02",
        "Vorschlag 01",
        "Vorschlag 00",
    ]


def test_supporting_returns_to_the_same_order_page_and_filter(client, procedure, signed_in):
    for _number in range(12):
        ProposalFactory(procedure=procedure)
    oldest = Proposal.objects.order_by("created_at", "pk").first()
    query = "?sort=supports&page=2"

    page = client.get(f"{procedure.url}{query}")
    form = one(
        page, "form", None, action=f"{procedure.url}vorschlag/{oldest.pk}/unterstuetzen/{query}"
    )
    response = client.post(form["action"])

    assert response["Location"] == f"{procedure.url}{query}#messages"
    assert Support.objects.get().proposal == oldest


# The latest comments of each proposal, and its own page -------------------------------------------


def test_each_proposal_shows_its_latest_comments_and_links_to_all_of_them(client, procedure):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten")
    for number in range(4):
        aged(
            CommentFactory(procedure=procedure, proposal=proposal, text=f"Faden {number}."),
            40 - number,
        )
    newest = Comment.objects.get(text="Faden 3.")
    aged(CommentFactory(procedure=procedure, proposal=proposal, parent=newest, text="Antwort."), 1)

    page = client.get(procedure.url)

    item = parsed(page).find(id=f"proposal-{proposal.pk}")
    # Three, replies counted, in reading order: the newest thread with its reply, then the next.
    shown = text_of(item.find(class_="comment-list"))
    assert "Faden 1." not in shown and "Faden 0." not in shown
    assert shown.index("Faden 3.") < shown.index("Antwort.") < shown.index("Faden 2.")
    all_five = counted("All %(counter)s comment", "All %(counter)s comments", 5)
    link = one(item, "link", f"{all_five} – Mehr Schatten")
    assert link["href"] == f"{proposal_url(procedure, proposal)}#comments-heading"

    own = client.get(link["href"])
    assert own.status_code == 200
    discussion = one(own, "region", None, aria_labelledby="comments-heading")
    for number in range(4):
        assert f"Faden {number}." in text_of(discussion)
    assert "Antwort." in text_of(discussion)


def test_the_list_has_no_comment_or_reply_form_but_links_to_the_proposals_page(
    client, procedure, signed_in
):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten")
    comment = CommentFactory(procedure=procedure, proposal=proposal)

    page = client.get(procedure.url)

    item = parsed(page).find(id=f"proposal-{proposal.pk}")
    assert not item.find("textarea")
    assert [form["action"] for form in item.find_all("form")] == [
        f"{procedure.url}vorschlag/{proposal.pk}/unterstuetzen/"
    ]
    [comment_link] = [
        link
        for link in by_role(item, "link")
        if text_of(link).startswith(ui("Comment on this proposal"))
    ]
    assert text_of(comment_link).endswith("Mehr Schatten")
    assert comment_link["href"] == f"{proposal_url(procedure, proposal)}#comment-form"
    reply = one(
        parsed(page).find(id=f"comment-{comment.pk}"),
        "link",
        None,
        href=(f"{proposal_url(procedure, proposal)}?reply={comment.pk}#reply-{comment.pk}-form"),
    )
    assert text_of(reply).startswith(ui("Reply"))
    # The page's own forms: a proposal, and a comment on the procedure.
    assert len(parsed(page).find_all("textarea", attrs={"name": "text"})) == 2


def test_the_proposals_page_has_a_title_a_heading_breadcrumbs_and_the_way_back(client, procedure):
    proposal = ProposalFactory(
        procedure=procedure,
        title="Mehr Schatten",
        text="Bäume am Ufer pflanzen.",
        status="accepted",
        response="Wir pflanzen zehn Bäume.",
        responded_at=timezone.now(),
    )
    SupportFactory.create_batch(2, proposal=proposal)

    page = client.get(proposal_url(procedure, proposal, "?sort=supports&page=2&comment_page=3"))

    assert page.status_code == 200
    html = parsed(page)
    assert html.title.string.startswith("Mehr Schatten – Phoenixsee-Ufer")
    one(page, "heading", "Mehr Schatten", level=1)
    crumbs = one(page, "navigation", ui("Breadcrumbs"))
    assert by_role(crumbs, "link", "Phoenixsee-Ufer", href=procedure.url)
    assert text_of(crumbs).endswith("Mehr Schatten")
    assert "Wir pflanzen zehn Bäume." in text_of(html) and ui("accepted") in text_of(html)
    assert "Bäume am Ufer pflanzen." in text_of(html)
    assert counted("%(counter)s supporter", "%(counter)s supporters", 2) in text_of(html)
    back = one(
        page, "link", ui("Back to the procedure “%(procedure)s”") % {"procedure": "Phoenixsee-Ufer"}
    )
    assert back["href"] == f"{procedure.url}?sort=supports&page=2#proposal-{proposal.pk}"
    assert "<script" not in page.content.decode()


def test_a_comment_on_the_proposals_page_returns_there_with_the_message(
    client, procedure, signed_in
):
    proposal = ProposalFactory(procedure=procedure)
    url = proposal_url(procedure, proposal, "?page=2")

    form = parsed(client.get(url)).find(id="comment-form").find("form")
    assert form["action"] == f"{procedure.url}kommentar/?page=2"
    response = client.post(
        form["action"], {"text": "Gute Idee!", "proposal": proposal.pk}, follow=True
    )

    assert response.redirect_chain == [
        (f"{proposal_url(procedure, proposal)}?page=2#messages", 302)
    ]
    message = parsed(response).find(id="messages")
    assert ui("Thank you! Your comment has been published.") in text_of(message)
    comment = Comment.objects.get()
    assert (
        message.find("a", string=ui("Back to where you were"))["href"] == f"#comment-{comment.pk}"
    )
    assert (comment.proposal, comment.author) == (proposal, signed_in)
    assert parsed(response).find(id=f"comment-{comment.pk}")


def test_a_bad_comment_comes_back_on_the_proposals_page_beside_the_field(
    client, procedure, signed_in
):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten")

    response = client.post(f"{procedure.url}kommentar/", {"text": "", "proposal": proposal.pk})

    assert response.status_code == 200
    one(response, "heading", "Mehr Schatten", level=1)
    html = parsed(response)
    assert html.find(id=f"proposal-{proposal.pk}-comment-text_error")
    assert html.find("textarea", attrs={"aria-invalid": "true"})
    assert not Comment.objects.exists()


def test_a_reply_on_the_proposals_page_opens_its_one_form_under_the_comment(
    client, procedure, signed_in
):
    proposal = ProposalFactory(procedure=procedure)
    first, second = CommentFactory.create_batch(2, procedure=procedure, proposal=proposal)

    page = client.get(proposal_url(procedure, proposal))
    assert len(parsed(page).find_all("textarea")) == 1  # the comment form only
    link = one(
        parsed(page).find(id=f"comment-{first.pk}"),
        "link",
        None,
        href=(f"?reply={first.pk}#reply-{first.pk}-form"),
    )
    page = client.get(proposal_url(procedure, proposal) + link["href"].split("#")[0])

    reply_form = parsed(page).find(id=f"reply-{first.pk}-form")
    assert reply_form.find_parent(id=f"comment-{first.pk}")
    assert not parsed(page).find(id=f"reply-{second.pk}-form")
    response = client.post(
        reply_form.find("form")["action"],
        {"text": "Stimme zu.", "parent": first.pk},
    )
    assert response["Location"] == f"{proposal_url(procedure, proposal)}#messages"
    reply = Comment.objects.get(text="Stimme zu.")
    assert (reply.parent, reply.proposal) == (first, proposal)


def test_a_reply_to_a_comment_on_the_procedure_is_written_on_the_procedures_page(
    client, procedure, signed_in
):
    comment = CommentFactory(procedure=procedure, text="Wann geht es los?")

    page = client.get(procedure.url)
    link = one(
        parsed(page).find(id=f"comment-{comment.pk}"),
        "link",
        None,
        href=(f"?reply={comment.pk}#reply-{comment.pk}-form"),
    )
    page = client.get(procedure.url + link["href"].split("#")[0])
    form = parsed(page).find(id=f"reply-{comment.pk}-form").find("form")
    response = client.post(form["action"], {"text": "Im Mai.", "parent": comment.pk}, follow=True)

    assert response.redirect_chain == [(f"{procedure.url}#messages", 302)]
    replies = (
        parsed(response).find(id=f"comment-{comment.pk}").find("ul", class_="comment-list--replies")
    )
    assert "Im Mai." in text_of(replies)
    assert not parsed(response).find(id=f"reply-{comment.pk}-form")


def test_a_visitor_sees_the_discussion_and_is_asked_to_log_in_to_comment(client, procedure):
    proposal = ProposalFactory(procedure=procedure)
    comment = CommentFactory(procedure=procedure, proposal=proposal)

    page = client.get(proposal_url(procedure, proposal, f"?reply={comment.pk}"))

    assert not parsed(page).find("textarea")
    assert ui("Please log in to take part.") in text_of(parsed(page).find(id="comment-form"))
    assert by_role(page, "link", ui("Log in"))
    assert not parsed(page).find(id=f"reply-{comment.pk}-form")


def test_support_on_the_proposals_page_returns_there(client, procedure, signed_in):
    proposal = ProposalFactory(procedure=procedure, title="Mehr Schatten")
    url = proposal_url(procedure, proposal, "?sort=comments")

    form = one(
        client.get(url),
        "form",
        None,
        action=(f"{procedure.url}vorschlag/{proposal.pk}/unterstuetzen/?sort=comments"),
    )
    response = client.post(form["action"], {"from": "proposal"}, follow=True)

    assert response.redirect_chain == [(f"{url}#messages", 302)]
    assert ui("You support this proposal.") in response.content.decode()
    assert Support.objects.get().user == signed_in


def test_a_hidden_proposals_page_says_it_is_hidden(client, procedure, signed_in):
    hidden = {"hidden_at": timezone.now(), "hidden_reason": "Werbung"}
    proposal = ProposalFactory(procedure=procedure, title="Kauft bei Laden X", **hidden)

    page = client.get(proposal_url(procedure, proposal))

    assert page.status_code == 200
    one(page, "heading", ui("Hidden proposal"), level=1)
    assert "Laden X" not in page.content.decode()
    assert ui("Hidden by the moderation: %(reason)s") % {"reason": "Werbung"} in text_of(
        parsed(page)
    )
    assert not parsed(page).find("textarea")
    assert not parsed(page).find("form", action=re.compile("unterstuetzen"))
    assert ui("This proposal was hidden by the moderation.") in text_of(
        parsed(page).find(id="comment-form")
    )


def test_a_visitors_proposal_page_comes_from_the_page_cache_until_a_comment_comes(
    client, procedure, citizen, django_assert_num_queries, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(procedure=procedure)
    url = proposal_url(procedure, proposal)
    first = Client().get(url)
    assert not first.cookies

    with django_assert_num_queries(0):
        assert Client().get(url).content == first.content
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{procedure.url}kommentar/", {"text": "Gute Idee!", "proposal": proposal.pk})

    assert "Gute Idee!" in Client().get(url).content.decode()


def test_a_proposal_of_another_procedure_is_not_found(client, procedure):
    other = ProposalFactory(procedure=ProcedurePageFactory())

    assert client.get(proposal_url(procedure, other)).status_code == 404
    assert client.get(f"{procedure.url}vorschlag/999999/").status_code == 404
    assert (
        client.post(proposal_url(procedure, ProposalFactory(procedure=procedure))).status_code
        == 405
    )


# The comments on the procedure --------------------------------------------------------------------


def test_comments_on_the_procedure_come_ten_threads_a_page_newest_first(client, procedure):
    for number in range(23):
        aged(CommentFactory(procedure=procedure, text=f"Frage Nummer {number:02}."), 100 - number)

    region = one(client.get(procedure.url, {"page": 2}), "region", ui("Comments on the procedure"))
    texts = [
        text_of(p) for p in region.select(".comment > article > p.kern-body:not(.kern-body--muted)")
    ]
    assert texts[0] == "Frage Nummer 22." and len(texts) == 10
    older = one(region, "link", ui("Older comments"))
    assert older["href"] == "?page=2&comment_page=2#comments-heading"  # the proposals' page kept

    region = one(
        client.get(procedure.url, {"comment_page": 3}), "region", ui("Comments on the procedure")
    )
    texts = [
        text_of(p) for p in region.select(".comment > article > p.kern-body:not(.kern-body--muted)")
    ]
    assert texts == ["Frage Nummer 02.", "Frage Nummer 01.", "Frage Nummer 00."]
    assert by_role(region, "link", ui("Newer comments"))


# Queries and size that do not grow with the data --------------------------------------------------


def fill(procedure, count, authors):
    """``count`` proposals with supports, a thread and a reply each, and ``count`` threads with
    a reply on the procedure."""
    for number in range(count):
        proposal = ProposalFactory(
            procedure=procedure, author=authors[number % 3], category=f"K{number % 4}"
        )
        SupportFactory(proposal=proposal, user=authors[(number + 1) % 3])
        thread = CommentFactory(procedure=procedure, proposal=proposal, author=authors[0])
        CommentFactory(procedure=procedure, proposal=proposal, parent=thread, author=authors[1])
        thread = CommentFactory(procedure=procedure, author=authors[2])
        CommentFactory(procedure=procedure, parent=thread, author=authors[0])


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["visitor", "citizen"])
@pytest.mark.parametrize("query", ["", "?sort=supports&page=2", "?sort=comments&status=in_review"])
def test_the_procedures_page_makes_as_many_queries_for_60_proposals_as_for_3(
    client, procedure, citizen, who, query, django_assert_max_num_queries, without_page_cache
):
    authors = UserFactory.create_batch(3)
    if who == "citizen":
        client.force_login(citizen)
    fill(procedure, 3, authors)
    baseline = queries(client, procedure.url + query)
    small = len(client.get(procedure.url + query).content)
    fill(procedure, 57, authors)

    with django_assert_max_num_queries(baseline):
        response = client.get(procedure.url + query)
    assert response.context["proposals"].paginator.count == 60
    # Ten proposals and ten threads, however many there are.
    assert len(response.content) < 2 * small + 30_000


@pytest.mark.parametrize("who", ["visitor", "citizen"])
def test_a_proposals_page_makes_as_many_queries_for_60_comments_as_for_3(
    client, procedure, citizen, who, django_assert_max_num_queries, without_page_cache
):
    authors = UserFactory.create_batch(3)
    proposal = ProposalFactory(procedure=procedure)
    if who == "citizen":
        client.force_login(citizen)

    def comment(count):
        for number in range(count):
            thread = CommentFactory(
                procedure=procedure, proposal=proposal, author=authors[number % 3]
            )
            CommentFactory(procedure=procedure, proposal=proposal, parent=thread, author=authors[1])
            SupportFactory(proposal=proposal, user=UserFactory())

    comment(3)
    url = proposal_url(procedure, proposal, "?comment_page=2")
    baseline = queries(client, url)
    comment(57)

    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert len(response.context["comments"]) == 20
