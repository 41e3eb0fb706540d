"""The citizen side: the listings of procedures and plans, a procedure page's context, the
routes of its forms and iCal files, and the home page's sections of open procedures and events.

Each function receives its page and is registered for the page's class with the page kit
(``page_context``, ``page_route``), so the models never import this module. Each POST calls a
service; on success it redirects back to the page with a message (post/redirect/get),
otherwise the page is shown again with the error beside the field. Everything works without
JavaScript.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mitwirken import limits
from mitwirken.pages.kit import page_context, page_route, route_format, route_url
from mitwirken.pages.selectors import live_page_url
from mitwirken.web import messages as web_messages
from mitwirken.web.forms import FilterForm
from mitwirken.web.ical import calendar_response
from mitwirken.web.links import absolute_url, safe_next, site_root_url
from mitwirken.web.messages import redirect_to_messages

from . import rules, selectors, services, tokens
from .feeds import procedure_feed_links
from .forms import (
    CommentForm,
    PlannedProjectFilterForm,
    PollForm,
    ProcedureFilterForm,
    ProposalFilterForm,
    ProposalForm,
    ReportForm,
    StatementForm,
)
from .models import (
    Comment,
    DistrictFolderPage,
    Event,
    PlannedProjectIndexPage,
    ProcedureIndexPage,
    ProcedurePage,
    Proposal,
)
from .models.plans import new_since
from .models.procedures import ProcedureStatus
from .services.moderation import report_create as moderation_report_create
from .services.results import results_summary

#: Proposals per page of a procedure (``?page=``), so a procedure with hundreds reads well.
PROPOSALS_PER_PAGE = 10
#: Threads of comments per page (``?comment_page=``): on the procedure, and on a proposal's page.
COMMENTS_PER_PAGE = 10
PROPOSAL_COMMENTS_PER_PAGE = 20
#: How many comments of its discussion (replies counted) each proposal in the list shows.
LATEST_COMMENTS = 3
#: How many words of a proposal's text (and of the city's response) the list shows.
EXCERPT_WORDS = 60
#: How many categories (the most used) the filter of proposals offers.
CATEGORY_CHOICES = 30
#: The query parameters of the list of proposals: a proposal's page keeps them for the way back.
PROPOSAL_LISTING = ("status", "category", "sort", "page")
#: The query parameters of the page a form was sent from, which it returns to.
LISTING_PARAMETERS = (*PROPOSAL_LISTING, "comment_page")

#: How many open procedures and upcoming events the home page shows.
HOME_PROCEDURES = 3
HOME_EVENTS = 3

# Listings -----------------------------------------------------------------------------------


@page_context(ProcedureIndexPage)
def procedure_index_context(request, page) -> dict:
    """Every procedure, filtered by the GET form (the page paginates them)."""
    form = ProcedureFilterForm(request.GET or None)
    filters = form.filters()
    return {
        "filter_form": form,
        "filtered": bool(form.is_bound and any(filters.values())),
        "procedures": selectors.procedure_list(parent=page, **filters),
        # The feeds of the chosen district and topic.
        "feeds": procedure_feed_links(
            request, district=filters.get("district"), topic=filters.get("topic")
        ),
        # The filter and the list are the same for everyone: kept per filters and page.
        "listing_key": form.fragment_key(request),
    }


@page_context(DistrictFolderPage)
def district_folder_context(request, page) -> dict:
    return {
        "procedures": selectors.procedure_list(parent=page),
        "listing_key": FilterForm().fragment_key(request),
    }


@page_context(PlannedProjectIndexPage)
def planned_project_index_context(request, page) -> dict:
    """The Vorhabenliste filtered by the GET form, and from when on an entry counts as new."""
    form = PlannedProjectFilterForm(request.GET or None)
    return {
        "filter_form": form,
        "plans": form.filter(page.listing().for_listing()),
        "new_since": new_since(),
        "listing_key": form.fragment_key(request),
    }


# The home page's sections (registered in wagtail_hooks) ---------------------------------------


def _index_url(request, query: str = "") -> str:
    url = live_page_url(request, ProcedureIndexPage)
    return f"{url}{query}" if url else ""


def open_procedures_section(request, page) -> str:
    """The open procedures with the nearest deadline, and a link to all open ones; when none is
    open, a sentence that says so with a link to all procedures ("" without an index page)."""
    procedures = list(selectors.procedures_open_by_deadline()[:HOME_PROCEDURES])
    query = f"?status={ProcedureStatus.OPEN}" if procedures else ""
    index_url = _index_url(request, query)
    if not procedures and not index_url:
        return ""
    return render_to_string(
        "participation/includes/home_procedures.html",
        {"procedures": procedures, "index_url": index_url},
        request=request,
    )


def events_section(request, page) -> str:
    """The next events of live procedures ("" when none is coming)."""
    events = list(selectors.events_upcoming(now=timezone.now())[:HOME_EVENTS])
    if not events:
        return ""
    return render_to_string(
        "participation/includes/home_events.html", {"events": events}, request=request
    )


# A procedure --------------------------------------------------------------------------------


@dataclass
class Bound:
    """The form a visitor just sent, shown again with its errors in its place on the page."""

    slot: str
    form: forms.Form


def _session_key(request) -> str:
    return request.session.session_key or "" if hasattr(request, "session") else ""


#: Set in a session this site created (or found) when it showed a visitor a poll form.
VOTER_SESSION = "participation.voter"


def _voter_session_key(request, *, create: bool = False) -> str:
    """The key of a session in which this site showed a poll form to a visitor, else "".

    Reading the session loads it, so a made-up session cookie reads as no session at all.
    With ``create``, such a session is made now (only for a page that shows a visitor a poll
    form they may send: other pages set no cookie).
    """
    session = getattr(request, "session", None)
    if session is None:
        return ""
    if session.get(VOTER_SESSION):
        return session.session_key or ""
    if not create:
        return ""
    session[VOTER_SESSION] = True
    session.save()
    return session.session_key


def _kept(request, keys=LISTING_PARAMETERS) -> dict[str, str]:
    return {key: request.GET[key] for key in keys if request.GET.get(key)}


def _poll_prepare(
    request, procedure, poll, *, polls_open: bool, voted: bool, own_page: bool = False, form=None
) -> None:
    """What ``poll`` shows this person: its results, the reason they may not vote, or its
    form (``form``: one sent with errors). A visitor's vote needs a session and the form's
    signed token (``tokens``); the procedure page, which visitors get from the page cache,
    sets no cookie, so visitors vote on the poll's ``own_page`` (``poll.elsewhere``)."""
    user = request.user
    verified = rules.is_verified(user)
    poll.voted = voted
    poll.reason = None
    if not voted:
        if not polls_open:
            poll.reason = _("The poll is not open in the current phase.")
        elif not poll.allow_anonymous and not verified:
            poll.reason = rules.can_vote(user, poll, procedure=procedure)
    poll.show_results = voted or not polls_open
    poll.form = form or PollForm(poll=poll, auto_id=f"poll-{poll.pk}-%s")
    poll.elsewhere = False
    if poll.allow_anonymous and not verified and not voted and poll.reason is None:
        if own_page or user.is_authenticated:  # a signed-in person's page is never cached
            voter_session = _voter_session_key(request, create=True)
            poll.form.token_set(tokens.poll_token(poll=poll, session_key=voter_session))
        else:
            poll.elsewhere = True


def _query(params: dict) -> str:
    return f"?{urlencode(params)}" if params else ""


def _listing_query(request, keys=LISTING_PARAMETERS) -> str:
    """``?status=…&page=…`` of the list the visitor is on, or ""."""
    return _query(_kept(request, keys))


def _links(request, procedure) -> dict[str, str]:
    """The routes of a list's items as patterns for ``fill`` (``{{ links.support|fill:pk }}``):
    reversed once per page, each item's URL is then a string formatted."""

    def route(name, *args):
        return route_format(procedure, name, *args, request=request)

    return {
        "procedure": procedure.get_url(request),
        "proposal": route("proposal_detail", "{}"),
        "support": route("support_create", "{}"),
        "report_proposal": route("report_create", "proposal", "{}"),
        "report_comment": route("report_create", "comment", "{}"),
        "comment_create": route("comment_create"),
    }


def _mark_supports(proposals, *, user, open_for: list[str], supported: set[int]) -> None:
    """Whether the visitor supports each proposal, and whether they may now."""
    may_support = "allows_support" in open_for and rules.is_verified(user)
    for proposal in proposals:
        proposal.supported = proposal.pk in supported
        proposal.can_support = (
            may_support
            and not proposal.supported
            and not proposal.is_hidden
            and proposal.author_id != user.pk
        )


def _excerpt(text: str) -> tuple[str, bool]:
    """The first ``EXCERPT_WORDS`` of a text for a list, and whether that is less than all."""
    if len(text.split(None, EXCERPT_WORDS)) <= EXCERPT_WORDS:
        return text, False
    return Truncator(text).words(EXCERPT_WORDS), True


def _latest(threads, limit: int) -> list:
    """The first ``limit`` comments of ``threads`` in reading order, replies counted: each
    thread shown with ``shown_replies``."""
    shown, left = [], limit
    for thread in threads:
        if left <= 0:
            break
        thread.shown_replies = thread.reply_list[: left - 1]
        left -= 1 + len(thread.shown_replies)
        shown.append(thread)
    return shown


def _discussion(request, *, bound, comment_reason, place: str, **initial) -> dict:
    """The forms of a page's discussion, for those who may comment: the comment form
    (``place`` names its slot and its ids), and the one reply form the visitor asked for with
    ``?reply=<comment>`` (or just sent), which the page shows under that comment. No form per
    comment: each has a link to its reply form (``reply_query`` and its pk)."""
    if comment_reason is not None:
        return {"comment_form": None, "reply_form": None, "reply_to": None}

    def sent(slot):
        return bound.form if bound and bound.slot == slot else None

    if bound and bound.slot.startswith("reply:"):
        asked = bound.form.data.get("parent")
    else:
        asked = request.GET.get("reply")
    reply_to = int(asked) if str(asked or "").isdigit() else None
    reply_form = None
    if reply_to:
        reply_form = sent(f"reply:{reply_to}") or CommentForm(
            auto_id=f"reply-{reply_to}-%s", initial={"parent": reply_to}
        )
    comment_form = sent(f"comment:{place}") or CommentForm(
        auto_id=f"{place.replace(':', '-')}-comment-%s", initial=initial
    )
    return {
        "comment_form": comment_form,
        "reply_form": reply_form,
        "reply_to": reply_to,
        "reply_query": _query({**_kept(request), "reply": ""}),
    }


def _next_query(url: str) -> str:
    """``?next=`` the page a report link was followed from, built once per page."""
    return f"?next={quote(url, safe='/')}"


@page_context(ProcedurePage)
def procedure_context(request, procedure, *, bound: Bound | None = None) -> dict:
    """Everything the procedure page shows; a fixed number of queries however much it holds,
    and a page of each list: ten proposals with their latest comments, ten threads."""
    user = request.user
    session_key = _session_key(request)
    filter_form = ProposalFilterForm(
        request.GET or None,
        categories=selectors.proposal_categories(procedure=procedure, limit=CATEGORY_CHOICES),
    )
    listing = filter_form.listing()
    proposals = Paginator(
        selectors.procedure_proposals(procedure=procedure, comments=LATEST_COMMENTS, **listing),
        PROPOSALS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    comments = Paginator(
        selectors.procedure_comments(procedure=procedure), COMMENTS_PER_PAGE
    ).get_page(request.GET.get("comment_page"))
    polls = selectors.procedure_polls(procedure=procedure)
    events = selectors.procedure_events(procedure=procedure)
    done = selectors.participation_for(procedure=procedure, user=user, session_key=session_key)

    proposal_reason = rules.can_add_proposal(user, procedure)
    comment_reason = rules.can_add_comment(user, procedure)
    phase = procedure.current_phase()
    open_for = procedure.open_for()
    _mark_supports(proposals, user=user, open_for=open_for, supported=done.supported)
    links = _links(request, procedure)
    proposal_query = _listing_query(request, PROPOSAL_LISTING)
    reply_query = _query({**_kept(request, PROPOSAL_LISTING), "reply": ""})
    for proposal in proposals:
        proposal.url = links["proposal"].format(proposal.pk)
        proposal.excerpt, proposal.shortened = _excerpt(proposal.text)
        proposal.response_excerpt, response_shortened = _excerpt(proposal.response)
        proposal.shortened = proposal.shortened or response_shortened
        proposal.latest = _latest(proposal.latest_comments, LATEST_COMMENTS)
        shown = sum(1 + len(comment.shown_replies) for comment in proposal.latest)
        proposal.more_comments = proposal.comment_count > shown
        proposal.may_comment = comment_reason is None and not proposal.is_hidden
        proposal.reply_url = proposal.url + reply_query if proposal.may_comment else ""
    polls_open = "allows_polls" in open_for
    for poll in polls:
        _poll_prepare(request, procedure, poll, polls_open=polls_open, voted=poll.pk in done.voted)

    for event in events:
        event.registered = event.pk in done.registered
        event.full = event.capacity is not None and event.registration_count >= event.capacity

    statement_reason = rules.can_add_statement(user, procedure) if procedure.is_formal else None

    def form_for(slot, factory):
        return bound.form if bound and bound.slot == slot else factory()

    status = procedure.status()
    # Ended: closed, or with results and nothing open any more (results may come early).
    ended = status in (ProcedureStatus.CLOSED, ProcedureStatus.RESULTS) and not open_for

    return {
        # Shown in the kept "procedure-about" fragment: read only when it is built anew.
        "timeline": SimpleLazyObject(lambda: selectors.procedure_timeline(procedure)),
        "current_phase": phase,
        "next_phase": procedure.next_phase(),
        "open_for": open_for,
        "open_now": selectors.procedure_open_now(procedure),
        "procedure_status": status,
        "participation_ended": ended,
        "participation_end": procedure.participation_end(),
        "results_summary": results_summary(procedure) if ended else None,
        "documents": SimpleLazyObject(lambda: list(procedure.documents.select_related("document"))),
        "districts": SimpleLazyObject(
            lambda: list(procedure.procedure_districts.select_related("district"))
        ),
        "council": SimpleLazyObject(lambda: selectors.procedure_council(procedure)),
        "statement_weighing": selectors.statement_weighing(procedure=procedure),
        "proposals": proposals,
        "filter_form": filter_form,
        "filtered": bool(listing["status"] or listing["category"]),
        "proposal_order": Proposal.Sort(listing["sort"]).label,
        "listing_query": _listing_query(request),
        # The list of proposals as it is, for the links to a proposal's page and back.
        "proposal_query": proposal_query,
        "report_next": _next_query(links["procedure"] + _listing_query(request)),
        "links": links,
        "procedure_comments": comments,
        "polls": polls,
        "events": events,
        "proposal_reason": proposal_reason,
        "comment_reason": comment_reason,
        "statement_reason": statement_reason,
        "proposal_form": form_for("proposal", lambda: ProposalForm(auto_id="proposal-%s")),
        **_discussion(request, bound=bound, comment_reason=comment_reason, place="procedure"),
    }


PROPOSAL_TEMPLATE = "participation/proposal_page.html"


def proposal_page_context(request, procedure, proposal, *, bound: Bound | None = None) -> dict:
    """A proposal's own page: the proposal with its response and supporters, its whole
    discussion a page of threads at a time (``?comment_page=``), and the comment form. The
    list it was opened from (``PROPOSAL_LISTING``) is kept for the way back. A fixed number
    of queries however long the discussion."""
    comments = Paginator(
        selectors.proposal_comments(proposal=proposal), PROPOSAL_COMMENTS_PER_PAGE
    ).get_page(request.GET.get("comment_page"))
    supported = selectors.proposals_supported(procedure=procedure, user=request.user)
    open_for = procedure.open_for()
    _mark_supports([proposal], user=request.user, open_for=open_for, supported=supported)
    comment_reason = rules.can_add_comment(request.user, procedure)
    if comment_reason is None and proposal.is_hidden:
        comment_reason = _("This proposal was hidden by the moderation.")
    links = _links(request, procedure)
    here = links["proposal"].format(proposal.pk)
    place = f"proposal:{proposal.pk}"
    return {
        "page": procedure,
        "self": procedure,
        "proposal": proposal,
        "comments": comments,
        "open_for": open_for,
        "comment_reason": comment_reason,
        **_discussion(
            request, bound=bound, comment_reason=comment_reason, place=place, proposal=proposal.pk
        ),
        "links": links,
        "listing_query": _listing_query(request),
        "report_next": _next_query(here + _listing_query(request)),
        "back_url": f"{links['procedure']}{_listing_query(request, PROPOSAL_LISTING)}"
        f"#proposal-{proposal.pk}",
    }


def _render(request, procedure, bound: Bound | None, *, proposal=None) -> TemplateResponse:
    """The procedure's page, or ``proposal``'s page, with the form just sent in its place."""
    if proposal is not None:
        context = proposal_page_context(request, procedure, proposal, bound=bound)
        return TemplateResponse(request, PROPOSAL_TEMPLATE, context)
    context = procedure.get_context(request, bound=bound)
    return TemplateResponse(request, procedure.get_template(request), context)


def _redirect(procedure, request, *, proposal_id: int | None = None, keys=LISTING_PARAMETERS):
    """Back to the page the form was sent from, opening at the message that says how it went
    (it links on to the place of the form): the procedure, or the page of the proposal
    ``proposal_id``, with the list of proposals (``keys`` of it) the visitor was on."""
    if proposal_id is None:
        url = procedure.get_url(request)
    else:
        url = route_url(procedure, "proposal_detail", proposal_id, request=request)
    return redirect_to_messages(url + _listing_query(request, keys))


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """The service's errors beside their fields; rule errors above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _button(
    request, procedure, action, *, success: str, anchor: str, proposal_id: int | None = None
) -> HttpResponseRedirect:
    """A one-button action: do it, say how it went, and go back to its place on the page (on
    the page of the proposal ``proposal_id``, when given)."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        web_messages.success(request, success, anchor=anchor)
    return _redirect(procedure, request, proposal_id=proposal_id)


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def _over_limit(form: forms.Form) -> forms.Form:
    """Over an abuse limit (``mitwirken.limits``): nothing is stored, and the form comes back
    with the reason above it (with status 429)."""
    if form.is_bound:
        form.add_error(None, limits.MESSAGE)
    else:  # the statement form, refused before its body (the upload) was read
        form.errors[NON_FIELD_ERRORS] = form.error_class(
            [limits.MESSAGE], error_class="nonfield", renderer=form.renderer
        )
    return form


def _too_many(request, procedure, bound: Bound, *, proposal=None) -> TemplateResponse:
    _over_limit(bound.form)
    response = _render(request, procedure, bound, proposal=proposal)
    response.status_code = 429
    return response


@page_route(ProcedurePage, "vorschlag/", name="proposal_create")
def proposal_create(request, procedure):
    if response := _post_only(request):
        return response
    form = ProposalForm(request.POST, auto_id="proposal-%s")
    if form.is_valid():
        if limits.exceeded(request, "participation.proposal"):
            return _too_many(request, procedure, Bound("proposal", form))
        try:
            proposal = services.proposal_create(
                procedure=procedure, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            web_messages.success(
                request,
                _("Thank you! Your proposal has been published."),
                anchor=f"proposal-{proposal.pk}",
            )
            return _redirect(procedure, request)
    return _render(request, procedure, Bound("proposal", form))


@page_route(ProcedurePage, "vorschlag/<int:proposal_id>/", name="proposal_detail")
def proposal_detail(request, procedure, proposal_id: int):
    """A proposal's own page (``proposal_page_context``), the place of its discussion."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    proposal = get_object_or_404(selectors.proposals_counted(procedure=procedure), pk=proposal_id)
    return _render(request, procedure, None, proposal=proposal)


def _comment_place(procedure, data) -> tuple[str, str, Proposal | None]:
    """The slot and ids of the form a comment was sent with, and the proposal on whose page
    that form is (``None``: the procedure's page)."""
    parent, proposal = str(data.get("parent") or ""), str(data.get("proposal") or "")
    proposals = selectors.proposals_counted(procedure=procedure)
    if parent.isdigit():
        on = proposals.filter(comments__pk=parent).first()
        return f"reply:{parent}", f"reply-{parent}-%s", on
    if proposal.isdigit() and (on := proposals.filter(pk=proposal).first()):
        return f"comment:proposal:{proposal}", f"proposal-{proposal}-comment-%s", on
    return "comment:procedure", "procedure-comment-%s", None


@page_route(ProcedurePage, "kommentar/", name="comment_create")
def comment_create(request, procedure):
    """A comment on the procedure, on a proposal, or a reply: sent from the procedure's page or
    a proposal's, it returns there."""
    if response := _post_only(request):
        return response
    slot, auto_id, proposal = _comment_place(procedure, request.POST)
    form = CommentForm(request.POST, procedure=procedure, auto_id=auto_id)
    bound = Bound(slot, form)
    if form.is_valid():
        if limits.exceeded(request, "participation.comment"):
            return _too_many(request, procedure, bound, proposal=proposal)
        try:
            comment = services.comment_create(
                procedure=procedure,
                author=request.user,
                text=form.cleaned_data["text"],
                proposal=form.cleaned_data["proposal"],
                parent=form.cleaned_data["parent"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            web_messages.success(
                request,
                _("Thank you! Your comment has been published."),
                anchor=f"comment-{comment.pk}",
            )
            # A new thread is at the top of the first page of threads; a reply under its own.
            keys = LISTING_PARAMETERS if comment.parent_id else PROPOSAL_LISTING
            return _redirect(procedure, request, proposal_id=comment.proposal_id, keys=keys)
    return _render(request, procedure, bound, proposal=proposal)


@page_route(ProcedurePage, "vorschlag/<int:proposal_id>/unterstuetzen/", name="support_create")
def support_create(request, procedure, proposal_id: int):
    """Support a proposal, from the list (back to it) or from the proposal's page
    (``from=proposal`` in the form: back there)."""
    if response := _post_only(request):
        return response
    proposal = get_object_or_404(Proposal, procedure=procedure, pk=proposal_id)
    return _button(
        request,
        procedure,
        lambda: services.support_create(proposal=proposal, user=request.user),
        success=_("Thank you for your support."),
        anchor=f"proposal-{proposal.pk}",
        proposal_id=proposal.pk if request.POST.get("from") == "proposal" else None,
    )


POLL_TEMPLATE = "participation/poll_page.html"


def _poll_render(request, procedure, poll, form=None, *, status: int = 200) -> TemplateResponse:
    """The poll's own page: its form (with a token for a visitor, in a session made now), the
    reason one may not vote, or its results."""
    done = selectors.participation_for(
        procedure=procedure, user=request.user, session_key=_session_key(request)
    )
    polls_open = "allows_polls" in procedure.open_for()
    _poll_prepare(
        request,
        procedure,
        poll,
        polls_open=polls_open,
        voted=poll.pk in done.voted,
        own_page=True,
        form=form,
    )
    context = {
        "page": procedure,
        "self": procedure,
        "poll": poll,
        "back_url": f"{procedure.get_url(request)}#poll-{poll.pk}",
    }
    return TemplateResponse(request, POLL_TEMPLATE, context, status=status)


@page_route(ProcedurePage, "umfrage/<int:poll_id>/", name="poll_vote")
@never_cache
def poll_vote(request, procedure, poll_id: int):
    """A poll on a page of its own: GET shows its form, POST counts the answers and goes back
    to the procedure; a form with errors comes back here."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    polls = selectors.procedure_polls(procedure=procedure, poll_id=poll_id)
    if not polls:
        raise Http404
    poll = polls[0]
    if request.method != "POST":
        return _poll_render(request, procedure, poll)
    form = PollForm(request.POST, poll=poll, auto_id=f"poll-{poll.pk}-%s")
    if form.is_valid():
        session_key = _voter_session_key(request)
        anonymous = poll.allow_anonymous and not rules.is_verified(request.user)
        # A visitor's vote with a valid token counts against the limit per client and poll
        # (a vote without one is refused by the service, and counts against nothing).
        if (
            anonymous
            and tokens.poll_token_valid(poll=poll, session_key=session_key, token=form.token())
            and limits.exceeded(request, "participation.poll_anonymous", scope=str(poll.pk))
        ):
            return _poll_render(request, procedure, poll, _over_limit(form), status=429)
        try:
            services.poll_vote(
                poll=poll,
                choices=form.chosen(),
                user=request.user,
                session_key=session_key if anonymous else "",
                token=form.token(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            web_messages.success(
                request, _("Thank you for taking part in the poll."), anchor=f"poll-{poll.pk}"
            )
            return _redirect(procedure, request)
    return _poll_render(request, procedure, poll, form)


def statement_limit(user) -> str:
    """The abuse limit of a statement: per person and client with an account, per client
    without one (``RATE_LIMITS``)."""
    if user.is_authenticated:
        return "participation.statement"
    return "participation.statement_anonymous"


STATEMENT_TEMPLATE = "participation/statement_page.html"


def _statement_render(request, procedure, form=None, *, status: int = 200) -> TemplateResponse:
    """The statement form on its own page (never cached: each showing has its own
    ``submission``), or the reason why one may not hand in a statement now."""
    context = {
        "page": procedure,
        "self": procedure,
        "statement_reason": rules.can_add_statement(request.user, procedure),
        "statement_form": form or StatementForm(auto_id="statement-%s", user=request.user),
        "back_url": f"{procedure.get_url(request)}#statement",
    }
    return TemplateResponse(request, STATEMENT_TEMPLATE, context, status=status)


def statement_refusal(request, procedure) -> HttpResponse | None:
    """The answer to a statement that is not to be received: 403 with the rule's reason where
    the form would be, or 429 over the limit; ``None`` when it may come in.

    Asked before anything reads the body, which is the upload: by
    ``participation.middleware.RulesBeforeUploadMiddleware`` ahead of the CSRF check (which
    reads it), then by the view. It counts against the limit once per request.
    """
    if getattr(request, "_statement_allowed", False):
        return None
    if not procedure.is_formal:
        raise Http404
    if rules.can_add_statement(request.user, procedure) is not None:
        return _statement_render(request, procedure, status=403)  # with the reason
    if limits.exceeded(request, statement_limit(request.user)):
        form = StatementForm(auto_id="statement-%s", user=request.user)
        return _statement_render(request, procedure, _over_limit(form), status=429)
    request._statement_allowed = True
    return None


@page_route(ProcedurePage, "stellungnahme/", name="statement_create")
@never_cache
def statement_create(request, procedure):
    """The formal statement on a page of its own: GET shows the form, POST receives it and
    goes back to the procedure; a form with errors comes back here."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not procedure.is_formal:
        raise Http404
    if request.method != "POST":
        return _statement_render(request, procedure)
    # The rule and the limit come before the body is read: whoever may not hand in a
    # statement (or has sent too many) is not received at all.
    if response := statement_refusal(request, procedure):
        return response
    user = request.user
    form = StatementForm(request.POST, request.FILES, auto_id="statement-%s", user=user)
    if form.is_valid():
        try:
            statement = services.statement_create(
                procedure=procedure,
                author=user if user.is_authenticated else None,
                **form.statement_data(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            web_messages.success(
                request,
                _(
                    "Thank you! We received your statement under the reference number "
                    "%(reference)s and sent you a receipt by e-mail."
                )
                % {"reference": statement.reference},
                anchor="statement",
            )
            return _redirect(procedure, request)
    return _statement_render(request, procedure, form)


def _event_button(request, procedure, event_id: int, service, success: str):
    """Register or unregister: ``service`` for the event, ``success`` naming it."""
    if response := _post_only(request):
        return response
    event = get_object_or_404(Event, procedure=procedure, pk=event_id)
    return _button(
        request,
        procedure,
        lambda: service(event=event, user=request.user),
        success=success % {"event": event},
        anchor=f"event-{event.pk}",
    )


@page_route(ProcedurePage, "veranstaltung/<int:event_id>/anmelden/", name="event_register")
def event_register(request, procedure, event_id: int):
    return _event_button(
        request,
        procedure,
        event_id,
        services.event_register,
        _("You are registered for “%(event)s”."),
    )


@page_route(ProcedurePage, "veranstaltung/<int:event_id>/abmelden/", name="event_unregister")
def event_unregister(request, procedure, event_id: int):
    return _event_button(
        request,
        procedure,
        event_id,
        services.event_unregister,
        _("You are no longer registered for “%(event)s”."),
    )


@page_route(ProcedurePage, "veranstaltung/<int:event_id>/ical/", name="event_ical")
def event_ical(request, procedure, event_id: int):
    event = get_object_or_404(Event, procedure=procedure, pk=event_id)
    registered = (
        request.user.is_authenticated and event.registrations.filter(user=request.user).exists()
    )
    root = site_root_url()
    content = services.event_ical(
        event=event,
        url=absolute_url(procedure.get_url(request), root=root),
        online_link=event.online_link if registered else "",
        host=urlsplit(root).hostname,
    )
    return calendar_response(content, filename=f"veranstaltung-{event.pk}.ics")


REPORTABLE = {"proposal": Proposal, "comment": Comment}
REPORT_TEMPLATE = "participation/report_page.html"


def _return_url(request, procedure, anchor: str) -> str:
    """Where the visitor came from (``next``: a path of this procedure's page, such as its
    second page of proposals), else the procedure, at the contribution's ``anchor``."""
    base = procedure.get_url(request)
    url = safe_next(request, request.POST.get("next") or request.GET.get("next")).split("#")[0]
    if not url.startswith(base):
        url = base
    return f"{url}#{anchor}"


def _report_render(request, procedure, contribution, form, *, status=200) -> TemplateResponse:
    kind = contribution._meta.model_name
    context = {
        "page": procedure,
        "self": procedure,
        "contribution": contribution,
        "kind": kind,
        "form": form,
        "reason": rules.can_report(request.user, contribution),
        "back_url": _return_url(request, procedure, f"{kind}-{contribution.pk}"),
    }
    return TemplateResponse(request, REPORT_TEMPLATE, context, status=status)


@page_route(ProcedurePage, "melden/<str:kind>/<int:pk>/", name="report_create")
@never_cache
def report_create(request, procedure, kind: str, pk: int):
    """Report a contribution to the moderation on a page of its own: GET shows the form, POST
    stores the report and goes back to the contribution."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    model = REPORTABLE.get(kind)
    if model is None:
        raise Http404
    contribution = get_object_or_404(
        model.objects.select_related("author"), procedure=procedure, pk=pk
    )
    auto_id = f"report-{kind}-{pk}-%s"
    if request.method != "POST":
        return _report_render(request, procedure, contribution, ReportForm(auto_id=auto_id))
    form = ReportForm(request.POST, auto_id=auto_id)
    if form.is_valid():
        if limits.exceeded(request, "participation.report"):
            form.add_error(None, limits.MESSAGE)
            return _report_render(request, procedure, contribution, form, status=429)
        try:
            rules.require("participation.report", request.user, contribution)
            moderation_report_create(
                contribution=contribution,
                reason=form.cleaned_data["reason"],
                reporter=request.user if request.user.is_authenticated else None,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            web_messages.success(
                request,
                _("Thank you. The moderation will look at this contribution."),
                anchor=f"{kind}-{pk}",
            )
            return redirect_to_messages(_return_url(request, procedure, f"{kind}-{pk}"))
    return _report_render(request, procedure, contribution, form)
