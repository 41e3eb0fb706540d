"""The citizen side: the listings of procedures and plans, a procedure page's context, the
routes of its forms and iCal files, and the home page's sections of open procedures and events.

Each function receives its page and is registered for the page's class with the page kit
(``page_context``, ``page_route``), so the models never import this module. Each POST calls a
service; on success it redirects back to the page with a message (post/redirect/get),
otherwise the page is shown again with the error beside the field. Everything works without
JavaScript.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from mitwirken import limits
from mitwirken.pages.kit import page_context, page_route
from mitwirken.pages.selectors import live_page_url
from mitwirken.web import messages as web_messages
from mitwirken.web.forms import FilterForm
from mitwirken.web.links import absolute_url, safe_next, site_root_url
from mitwirken.web.messages import redirect_to_messages

from . import rules, selectors, services, tokens
from .forms import (
    CommentForm,
    PlannedProjectFilterForm,
    PollForm,
    ProcedureFilterForm,
    ProposalForm,
    ReportForm,
    StatementForm,
)
from .models import (
    Comment,
    DistrictFolderPage,
    Event,
    PlannedProjectIndexPage,
    Poll,
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
#: The query parameters of the list of proposals that a form sent from it keeps.
LISTING_PARAMETERS = ("status", "page")

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


def _reply_form(comment, bound):
    slot = f"reply:{comment.pk}"
    if bound and bound.slot == slot:
        return bound.form
    return CommentForm(auto_id=f"reply-{comment.pk}-%s", initial={"parent": comment.pk})


def _attach_comment_forms(comments, *, can_comment: bool, bound) -> None:
    for comment in comments:
        comment.reply_form = _reply_form(comment, bound) if can_comment else None


def _listing_query(request) -> str:
    """``?status=…&page=…`` of the list of proposals the visitor is on, or ""."""
    kept = {key: request.GET[key] for key in LISTING_PARAMETERS if request.GET.get(key)}
    return f"?{urlencode(kept)}" if kept else ""


def _proposal_status(request) -> str:
    status = request.GET.get("status", "")
    return status if status in Proposal.Status.values else ""


@page_context(ProcedurePage)
def procedure_context(request, procedure, *, bound: Bound | None = None) -> dict:
    """Everything the procedure page shows; a fixed number of queries however much it holds."""
    user = request.user
    session_key = _session_key(request)
    proposal_status = _proposal_status(request)
    proposals = Paginator(
        selectors.procedure_proposals(procedure=procedure, status=proposal_status),
        PROPOSALS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    comments = selectors.procedure_comments(procedure=procedure)
    polls = selectors.procedure_polls(procedure=procedure)
    events = selectors.procedure_events(procedure=procedure)
    done = selectors.participation_for(procedure=procedure, user=user, session_key=session_key)

    proposal_reason = rules.can_add_proposal(user, procedure)
    comment_reason = rules.can_add_comment(user, procedure)
    phase = procedure.current_phase()
    open_for = procedure.open_for()
    support_open = "allows_support" in open_for
    for proposal in proposals:
        proposal.supported = proposal.pk in done.supported
        proposal.can_support = (
            support_open
            and rules.is_verified(user)
            and not proposal.supported
            and not proposal.is_hidden
            and proposal.author_id != user.pk
        )
        slot = f"comment:proposal:{proposal.pk}"
        if comment_reason is None and not proposal.is_hidden:
            proposal.comment_form = (
                bound.form
                if bound and bound.slot == slot
                else CommentForm(
                    auto_id=f"proposal-{proposal.pk}-comment-%s",
                    initial={"proposal": proposal.pk},
                )
            )
        _attach_comment_forms(
            proposal.comments.all(), can_comment=comment_reason is None, bound=bound
        )
    _attach_comment_forms(comments, can_comment=comment_reason is None, bound=bound)

    polls_open = "allows_polls" in open_for
    verified = rules.is_verified(user)
    for poll in polls:
        poll.voted = poll.pk in done.voted
        poll.reason = None
        if not poll.voted:
            if not polls_open:
                poll.reason = _("The poll is not open in the current phase.")
            elif not poll.allow_anonymous and not verified:
                poll.reason = rules.can_vote(user, poll, procedure=procedure)
        poll.show_results = poll.voted or not polls_open
        slot = f"poll:{poll.pk}"
        poll.form = (
            bound.form
            if bound and bound.slot == slot
            else PollForm(poll=poll, auto_id=f"poll-{poll.pk}-%s")
        )
        if poll.allow_anonymous and not verified and not poll.voted and poll.reason is None:
            # A visitor's vote needs this session and the form's signed token.
            voter_session = _voter_session_key(request, create=True)
            poll.form.token_set(tokens.poll_token(poll=poll, session_key=voter_session))

    for event in events:
        event.registered = event.pk in done.registered
        event.full = event.capacity is not None and event.registration_count >= event.capacity

    statement_reason = rules.can_add_statement(user, procedure) if procedure.is_formal else None

    def form_for(slot, factory):
        return bound.form if bound and bound.slot == slot else factory()

    status = procedure.status()
    # Ended: closed, or with results and nothing open any more (results may come early).
    ended = status in (ProcedureStatus.CLOSED, ProcedureStatus.RESULTS) and not open_for
    today = timezone.localdate()
    council_steps = list(procedure.council_steps.all())
    for step in council_steps:
        step.is_past = step.date < today
    return {
        "timeline": selectors.procedure_timeline(procedure),
        "current_phase": phase,
        "next_phase": procedure.next_phase(),
        "open_for": open_for,
        "open_now": selectors.procedure_open_now(procedure),
        "procedure_status": status,
        "participation_ended": ended,
        "participation_end": procedure.participation_end(),
        "results_summary": results_summary(procedure) if ended else None,
        "documents": list(procedure.documents.select_related("document")),
        "districts": list(procedure.procedure_districts.select_related("district")),
        "council_steps": council_steps,
        "statement_weighing": selectors.statement_weighing(procedure=procedure),
        "proposals": proposals,
        "proposal_status": proposal_status,
        "proposal_status_label": Proposal.Status(proposal_status).label if proposal_status else "",
        "listing_query": _listing_query(request),
        "listing_url": procedure.get_url(request) + _listing_query(request),
        "procedure_comments": comments,
        "polls": polls,
        "events": events,
        "proposal_reason": proposal_reason,
        "comment_reason": comment_reason,
        "statement_reason": statement_reason,
        "proposal_form": form_for("proposal", lambda: ProposalForm(auto_id="proposal-%s")),
        "comment_form": form_for(
            "comment:procedure", lambda: CommentForm(auto_id="procedure-comment-%s")
        ),
        "statement_form": form_for(
            "statement",
            lambda: StatementForm(auto_id="statement-%s", user=user),
        ),
    }


def _render(request, procedure, bound: Bound | None) -> TemplateResponse:
    context = procedure.get_context(request, bound=bound)
    return TemplateResponse(request, procedure.get_template(request), context)


def _redirect(procedure, request) -> HttpResponseRedirect:
    """Back to the procedure, on the page of proposals the form was sent from, opening at the
    message that says how it went (it links on to the place of the form)."""
    return redirect_to_messages(procedure.get_url(request) + _listing_query(request))


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """The service's errors beside their fields; rule errors above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _button(request, procedure, action, *, success: str, anchor: str) -> HttpResponseRedirect:
    """A one-button action: do it, say how it went, and go back to its place on the page."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        web_messages.success(request, success, anchor=anchor)
    return _redirect(procedure, request)


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def _too_many(request, procedure, bound: Bound) -> TemplateResponse:
    """Over an abuse limit (``mitwirken.limits``): nothing is stored, and the form comes back
    with the reason above it, status 429."""
    form = bound.form
    if form.is_bound:
        form.add_error(None, limits.MESSAGE)
    else:  # the statement form, refused before its body (the upload) was read
        form.errors[NON_FIELD_ERRORS] = form.error_class(
            [limits.MESSAGE], error_class="nonfield", renderer=form.renderer
        )
    response = _render(request, procedure, bound)
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


@page_route(ProcedurePage, "kommentar/", name="comment_create")
def comment_create(request, procedure):
    if response := _post_only(request):
        return response
    data = request.POST
    if data.get("parent"):
        slot, auto_id = f"reply:{data['parent']}", f"reply-{data['parent']}-%s"
    elif data.get("proposal"):
        slot = f"comment:proposal:{data['proposal']}"
        auto_id = f"proposal-{data['proposal']}-comment-%s"
    else:
        slot, auto_id = "comment:procedure", "procedure-comment-%s"
    form = CommentForm(data, procedure=procedure, auto_id=auto_id)
    if form.is_valid():
        if limits.exceeded(request, "participation.comment"):
            return _too_many(request, procedure, Bound(slot, form))
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
            return _redirect(procedure, request)
    return _render(request, procedure, Bound(slot, form))


@page_route(ProcedurePage, "vorschlag/<int:proposal_id>/unterstuetzen/", name="support_create")
def support_create(request, procedure, proposal_id: int):
    if response := _post_only(request):
        return response
    proposal = get_object_or_404(Proposal, procedure=procedure, pk=proposal_id)
    return _button(
        request,
        procedure,
        lambda: services.support_create(proposal=proposal, user=request.user),
        success=_("Thank you for your support."),
        anchor=f"proposal-{proposal.pk}",
    )


@page_route(ProcedurePage, "umfrage/<int:poll_id>/", name="poll_vote")
def poll_vote(request, procedure, poll_id: int):
    if response := _post_only(request):
        return response
    poll = get_object_or_404(
        Poll.objects.prefetch_related("questions__choices"), procedure=procedure, pk=poll_id
    )
    form = PollForm(request.POST, poll=poll, auto_id=f"poll-{poll.pk}-%s")
    bound = Bound(f"poll:{poll.pk}", form)
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
            return _too_many(request, procedure, bound)
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
    return _render(request, procedure, bound)


def statement_limit(user) -> str:
    """The abuse limit of a statement: per person and client with an account, per client
    without one (``RATE_LIMITS``)."""
    if user.is_authenticated:
        return "participation.statement"
    return "participation.statement_anonymous"


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
        response = _render(request, procedure, None)  # with the reason where the form would be
        response.status_code = 403
        return response
    if limits.exceeded(request, statement_limit(request.user)):
        form = StatementForm(auto_id="statement-%s", user=request.user)
        return _too_many(request, procedure, Bound("statement", form))
    request._statement_allowed = True
    return None


@page_route(ProcedurePage, "stellungnahme/", name="statement_create")
def statement_create(request, procedure):
    if response := _post_only(request):
        return response
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
    return _render(request, procedure, Bound("statement", form))


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
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="veranstaltung-{event.pk}.ics"'
    return response


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
