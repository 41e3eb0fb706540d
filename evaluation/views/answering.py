"""Answering a survey: with a link, a printed code or signed in; saved to continue later.

Routes below the evaluation page (``/evaluation/``):

- ``umfrage/``: a form for the code of a printed invitation, which leads to its link;
- ``umfrage/<token>/``: the link of an invitation: the survey page by page (a section per page;
  a question that depends on an answer on the same page begins a new one), so its conditions
  are evaluated on the server between pages, without JavaScript. "Save and continue later"
  keeps the answers on the invitation, and the link continues them;
- ``umfrage/offen/<survey_id>/``: the same for a signed-in person without an invitation, the
  answers so far in their session;
- ``umfrage/danke/<survey_id>/``: the thanks, with the way to the public results.

Nothing of it is ever cached (``never_cache``: forms with a CSRF token, one person's answers).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mitwirken import limits
from mitwirken.pages.kit import page_route, route_url

from .. import forms, rules, services
from ..models import EvaluationIndexPage, Invitation, Survey

FORM_TEMPLATE = "evaluation/survey_form.html"
STATUS_TEMPLATE = "evaluation/survey_status.html"
CODE_TEMPLATE = "evaluation/survey_code.html"
PAGE_PARAMETER = "seite"


def _status(request, page, *, heading, text, survey=None, status=200, results=False):
    context = {
        "page": page,
        "self": page,
        "survey": survey,
        "heading": heading,
        "text": text,
        "results": results,
    }
    return TemplateResponse(request, STATUS_TEMPLATE, context, status=status)


class _Answering:
    """Where the answers so far are kept: on the invitation, or in the signed-in person's
    session."""

    def __init__(self, request, page, survey: Survey, invitation: Invitation | None = None):
        self.request, self.page, self.survey, self.invitation = request, page, survey, invitation
        self.session_key = f"evaluation.draft.{survey.pk}"

    @property
    def url(self) -> str:
        if self.invitation:
            return route_url(self.page, "survey_invitation", self.invitation.token)
        return route_url(self.page, "survey_open", self.survey.pk)

    def answers(self) -> dict:
        if self.invitation:
            return dict(self.invitation.draft or {})
        return dict(self.request.session.get(self.session_key, {}))

    def keep(self, answers: dict) -> None:
        if self.invitation:
            services.draft_save(invitation=self.invitation, answers=answers)
        else:
            self.request.session[self.session_key] = answers

    def submit(self, answers: dict):
        services.response_submit(
            survey=self.survey,
            answers=answers,
            invitation=self.invitation,
            user=None if self.invitation else self.request.user,
        )
        self.request.session.pop(self.session_key, None)

    def saved_text(self) -> str:
        if self.invitation and self.invitation.channel == Invitation.Channel.PAPER:
            return _(
                "Your answers are saved. To continue, enter the code of your printed "
                "invitation again on this website."
            )
        if self.invitation:
            return _(
                "Your answers are saved. To continue, open the link in your e-mail again: "
                "the survey continues where you left off."
            )
        return _(
            "Your answers are saved. To continue, open this survey again while logged in: it "
            "continues where you left off."
        )


def _visible(pages, answers) -> list[int]:
    return [number for number, survey_page in enumerate(pages) if survey_page.shown(answers)]


def _resume_at(pages, visible, answers) -> int:
    """The first page with nothing answered yet or with an answer missing, else the last."""
    for number in visible:
        questions = pages[number].shown(answers)
        if not any(question.key in answers for question in questions):
            return number
        if not forms.AnswerForm(questions, forms.answer_data(questions, answers)).is_valid():
            return number
    return visible[-1]


def _number(value, visible) -> int | None:
    """The visible page asked for, or the next visible one after it."""
    try:
        asked = int(value)
    except (TypeError, ValueError):
        return None
    return next((number for number in visible if number >= asked), visible[-1])


def _answer(request, answering: _Answering):
    page, survey = answering.page, answering.survey
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    user = None if answering.invitation else request.user
    reason = rules.can_answer(survey, invitation=answering.invitation, user=user)
    if reason:
        headings = {
            rules.ALREADY_ANSWERED: _("Thank you"),
            rules.CLOSED: _("This survey is closed"),
        }
        return _status(
            request,
            page,
            survey=survey,
            heading=headings.get(reason, survey.title),
            text=reason,
            results=reason != rules.TEMPLATE,
        )
    pages = survey.pages()
    answers = survey.answers_kept(answering.answers())
    visible = _visible(pages, answers)
    if not visible:
        return _status(
            request, page, survey=survey, heading=survey.title, text=_("This survey is empty.")
        )
    if request.method != "POST":
        number = _number(request.GET.get(PAGE_PARAMETER), visible)
        if number is None:
            number = _resume_at(pages, visible, answers)
        questions = pages[number].shown(answers)
        form = forms.AnswerForm(questions, initial=forms.answer_data(questions, answers))
        return _render(request, answering, pages, visible, number, form)

    number = _number(request.POST.get("page"), visible)
    number = visible[0] if number is None else number
    action = request.POST.get("action", "next")
    questions = pages[number].shown(answers)
    form = forms.AnswerForm(questions, request.POST, partial=action in ("back", "save"))
    valid = form.is_valid()
    keys = {question.key for question in questions}
    merged = survey.answers_kept(
        {key: value for key, value in answers.items() if key not in keys} | form.answers()
    )
    if action == "save":
        answering.keep(merged)
        return _status(
            request, page, survey=survey, heading=_("Saved"), text=answering.saved_text()
        )
    if action == "back":
        answering.keep(merged)
        earlier = [other for other in _visible(pages, merged) if other < number]
        return _redirect_to(answering, earlier[-1] if earlier else number)
    if not valid:
        return _render(request, answering, pages, visible, number, form)
    answering.keep(merged)
    later = [other for other in _visible(pages, merged) if other > number]
    if later and action != "send":
        return _redirect_to(answering, later[0])
    return _send(request, answering, merged)


def _send(request, answering: _Answering, answers: dict):
    page, survey = answering.page, answering.survey
    missing = forms.first_page_to_complete(survey, answers)
    if missing is not None:
        messages.error(request, _("Some answers are still missing. Please complete this page."))
        return _redirect_to(answering, missing)
    if limits.exceeded(request, "evaluation.answer", scope=str(survey.pk)):
        return _status(
            request, page, survey=survey, heading=survey.title, text=limits.MESSAGE, status=429
        )
    try:
        answering.submit(answers)
    except ValidationError as error:
        return _status(request, page, survey=survey, heading=_("Thank you"), text=error.messages[0])
    return HttpResponseRedirect(route_url(page, "survey_thanks", survey.pk))


def _redirect_to(answering: _Answering, number: int):
    return HttpResponseRedirect(f"{answering.url}?{PAGE_PARAMETER}={number}#survey")


def _render(request, answering: _Answering, pages, visible, number, form):
    position = visible.index(number) + 1 if number in visible else 1
    context = {
        "page": answering.page,
        "self": answering.page,
        "survey": answering.survey,
        "survey_page": pages[number],
        "form": form,
        "blocks": form.bound_blocks(),
        "number": number,
        "position": position,
        "count": len(visible),
        "first": position == 1,
        "last": position == len(visible),
        "action_url": answering.url,
        "invitation": answering.invitation,
    }
    return TemplateResponse(request, FORM_TEMPLATE, context)


@page_route(EvaluationIndexPage, "umfrage/", name="survey_code")
@never_cache
def survey_code(request, page):
    """GET: a form for the code of a printed invitation; POST: to its link when it fits."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = forms.CodeForm(request.POST if request.method == "POST" else None)
    too_many = ""
    if request.method == "POST":
        if limits.exceeded(request, "evaluation.code"):
            too_many = limits.MESSAGE
        elif form.is_valid():
            invitation = Invitation.objects.filter(code=form.cleaned_data["code"]).first()
            if invitation is not None:
                return HttpResponseRedirect(route_url(page, "survey_invitation", invitation.token))
            form.add_error(
                "code",
                _(
                    "No invitation has this code. Please check it against your printed "
                    "invitation: letters and digits are easily mixed up."
                ),
            )
    context = {"page": page, "self": page, "form": form, "too_many": too_many}
    return TemplateResponse(request, CODE_TEMPLATE, context, status=429 if too_many else 200)


@page_route(EvaluationIndexPage, "umfrage/offen/<int:survey_id>/", name="survey_open")
@never_cache
def survey_open(request, page, survey_id: int):
    """A signed-in person answers without an invitation."""
    survey = get_object_or_404(Survey, pk=survey_id, standard=False)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _answer(request, _Answering(request, page, survey))


@page_route(EvaluationIndexPage, "umfrage/danke/<int:survey_id>/", name="survey_thanks")
@never_cache
def survey_thanks(request, page, survey_id: int):
    survey = get_object_or_404(Survey, pk=survey_id, standard=False)
    return _status(
        request,
        page,
        survey=survey,
        heading=_("Thank you for taking part!"),
        text=_(
            "Your answers are stored without your name, your e-mail address or your account. "
            "Together with the others' answers they show how participation in Dortmund works "
            "and what can be done better."
        ),
        results=True,
    )


@page_route(EvaluationIndexPage, "umfrage/<str:token>/", name="survey_invitation")
@never_cache
def survey_invitation(request, page, token: str):
    """The link of an invitation (also reached with a printed code). A tampered or unknown
    link gives a page that says so (404)."""
    invitation = (
        Invitation.objects.select_related("survey").filter(token=token).first()
        if len(token) <= 40
        else None
    )
    if invitation is None:
        return _status(
            request,
            page,
            heading=_("Link not valid"),
            text=_(
                "This link leads to no survey. Please copy the whole link from your e-mail, or "
                "enter the code of your printed invitation."
            ),
            status=404,
        )
    return _answer(request, _Answering(request, page, invitation.survey, invitation))
