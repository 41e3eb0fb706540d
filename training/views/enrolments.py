"""Registering, cancelling and confirming a place, also from the signed links of the mails.

The buttons of the module page post to its routes; each calls a service and goes back to the
page, which opens at a KERN alert that says how it went (post/redirect/get). A refusal (after
the deadline, twice, an internal session, a request sent twice at once) is such a message too,
and nothing changes. A place that is not the person's is not found (404).

The links of the mails (``training/tokens.py``) lead to ``/schulungen/anmeldung/<token>/``:
GET shows what will happen with one button (mail scanners open links, so GET never acts),
POST does it without logging in.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mitwirken import limits
from mitwirken.pages.kit import page_route
from mitwirken.web import messages as web_messages
from mitwirken.web.messages import redirect_to_messages

from .. import rules, services, tokens
from ..models import Enrolment, Session, TrainingIndexPage, TrainingModulePage

LINK_TEMPLATE = "training/enrolment_link.html"


def _done_message(enrolment: Enrolment) -> str:
    module = enrolment.session.module.title
    if enrolment.status == Enrolment.Status.CONFIRMED:
        return _("You are registered for “%(module)s”. We have sent you a confirmation.") % {
            "module": module
        }
    if enrolment.status == Enrolment.Status.WAITING:
        return _(
            "The session of “%(module)s” is fully booked: you are on the waiting list. If a "
            "place becomes free, we offer it to you by e-mail."
        ) % {"module": module}
    return _("Your registration for “%(module)s” is cancelled.") % {"module": module}


def _act(request, page, action, *, anchor: str):
    """Do ``action`` (a service call returning the enrolment) and go back to the page's
    sessions, with a message either way."""
    if limits.exceeded(request, "training.enrol"):
        messages.error(request, limits.MESSAGE)
        return redirect_to_messages(page.get_url(request))
    try:
        enrolment = action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        web_messages.success(request, _done_message(enrolment), anchor=anchor)
    return redirect_to_messages(page.get_url(request))


def _refused(request, page):
    """Not a POST, or not signed in: nothing happens."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request))
    return None


def _own_enrolment(request, page, enrolment_id: int) -> Enrolment:
    """The person's own place in a session of this module; anyone else's is not found."""
    return get_object_or_404(
        Enrolment.objects.select_related("session__module", "user"),
        pk=enrolment_id,
        user=request.user,
        session__module=page,
    )


@page_route(TrainingModulePage, "termin/<int:session_id>/anmelden/", name="enrol_register")
def enrol_register(request, page, session_id: int):
    if response := _refused(request, page):
        return response
    session = get_object_or_404(Session, pk=session_id, module=page)
    return _act(
        request,
        page,
        lambda: services.enrolment_register(session=session, user=request.user),
        anchor=f"session-{session.pk}",
    )


def _own_place_action(request, page, enrolment_id: int, service):
    """Cancel or confirm the person's own place (``service``); another's is not found."""
    if response := _refused(request, page):
        return response
    enrolment = _own_enrolment(request, page, enrolment_id)
    return _act(
        request,
        page,
        lambda: service(enrolment=enrolment),
        anchor=f"session-{enrolment.session_id}",
    )


@page_route(TrainingModulePage, "platz/<int:enrolment_id>/abmelden/", name="enrol_cancel")
def enrol_cancel(request, page, enrolment_id: int):
    return _own_place_action(request, page, enrolment_id, services.enrolment_cancel)


@page_route(TrainingModulePage, "platz/<int:enrolment_id>/bestaetigen/", name="enrol_confirm")
def enrol_confirm(request, page, enrolment_id: int):
    return _own_place_action(request, page, enrolment_id, services.offer_confirm)


# The signed links of the mails ----------------------------------------------------------------


def _link_render(request, page, *, enrolment=None, action="", reason="", status=200):
    context = {
        "page": page,
        "self": page,
        "enrolment": enrolment,
        "session": enrolment.session if enrolment else None,
        "module": enrolment.session.module if enrolment else None,
        "action": action,
        "reason": reason,
    }
    return TemplateResponse(request, LINK_TEMPLATE, context, status=status)


RULE_OF_ACTION = {"cancel": "training.cancel", "confirm": "training.confirm_offer"}
SERVICE_OF_ACTION = {"cancel": services.enrolment_cancel, "confirm": services.offer_confirm}


@page_route(TrainingIndexPage, "anmeldung/<str:token>/", name="enrolment_link")
@never_cache
def enrolment_link(request, page, token: str):
    """GET: what the link will do, with one button; POST: do it. A tampered or unknown link
    gives a page that says so (404) and changes nothing."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    found = tokens.enrolment_from_token(token)
    enrolment = None
    if found is not None:
        enrolment = (
            Enrolment.objects.select_related("session__module", "user")
            .filter(pk=found[0], session__module__live=True)
            .first()
        )
    if enrolment is None:
        reason = _("This link is not valid. Please use the link from your most recent e-mail.")
        return _link_render(request, page, reason=reason, status=404)
    action = found[1]
    reason = rules.RULES[RULE_OF_ACTION[action]](enrolment)
    if request.method != "POST" or reason:
        return _link_render(
            request,
            page,
            enrolment=enrolment,
            action=action,
            reason=reason or "",
            status=400 if request.method == "POST" else 200,
        )
    if limits.exceeded(request, "training.enrol"):
        return _link_render(
            request, page, enrolment=enrolment, action=action, reason=limits.MESSAGE, status=429
        )
    try:
        enrolment = SERVICE_OF_ACTION[action](enrolment=enrolment)
    except ValidationError as error:
        return _link_render(
            request,
            page,
            enrolment=enrolment,
            action=action,
            reason=" ".join(error.messages),
            status=400,
        )
    messages.success(request, _done_message(enrolment))
    return redirect_to_messages(enrolment.session.module.get_url(request))
