"""Certificates of participation and "My trainings": a signed-in person's sessions with their
status, the buttons to cancel or confirm an offered place (answered by the module page's routes
in ``enrolments``), and the certificate's download once they attended; the public check of a
certificate's code.

The certificate is private: only its owner downloads it, never from a cache. The check shows
whether a code is valid, with the name, the module and the date, never the e-mail address; it
is rate-limited (``RATE_LIMITS["training.certificate_check"]``) so codes cannot be guessed.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mitwirken import limits
from mitwirken.pages.kit import page_route, route_format, route_url
from mitwirken.web.links import login_url
from mitwirken.web.messages import redirect_to_messages

from .. import rules, services
from ..certificates import certificate_pdf, participant_name
from ..forms import CertificateCheckForm, CertificateNameForm
from ..models import Enrolment, TrainingIndexPage

MY_TRAININGS_TEMPLATE = "training/my_trainings.html"
CHECK_TEMPLATE = "training/certificate_check.html"
CHECK_LIMIT = "training.certificate_check"


def my_enrolments(user):
    """The person's enrolments, the latest session first, with what the page shows: one
    query."""
    return (
        Enrolment.objects.filter(user=user)
        .select_related("session__module", "session__district")
        .order_by("-session__start", "-pk")
    )


def own_enrolment(request, enrolment_id: int) -> Enrolment:
    """The signed-in person's enrolment; anyone else's is not found."""
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Enrolment.objects.select_related("session__module", "user"),
        pk=enrolment_id,
        user=request.user,
    )


@page_route(TrainingIndexPage, "meine-schulungen/", name="my_trainings")
@never_cache
def my_trainings(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    if not request.user.is_authenticated:
        return HttpResponseRedirect(login_url(request))
    enrolments = list(my_enrolments(request.user))
    certificate_url = route_format(page, "my_certificate", "{}", request=request)
    for enrolment in enrolments:
        # Cancelling and confirming are the module page's (``enrolments``).
        module = enrolment.session.module
        enrolment.cancel_reason = rules.can_cancel(enrolment)
        enrolment.cancel_url = route_url(module, "enrol_cancel", enrolment.pk, request=request)
        if rules.can_confirm_offer(enrolment) is None:
            enrolment.confirm_url = route_url(
                module, "enrol_confirm", enrolment.pk, request=request
            )
        enrolment.certificate_url = certificate_url.format(enrolment.pk)
        if enrolment.attended and enrolment.certificate_code:
            enrolment.name_form = CertificateNameForm(
                initial={"name": participant_name(enrolment)},
                auto_id=f"certificate-{enrolment.pk}-%s",
            )
    context = {
        "page": page,
        "self": page,
        "enrolments": enrolments,
        "check_url": route_url(page, "certificate_check", request=request),
    }
    return TemplateResponse(request, MY_TRAININGS_TEMPLATE, context)


@page_route(
    TrainingIndexPage, "meine-schulungen/<int:enrolment_id>/bescheinigung/", name="my_certificate"
)
@never_cache
def my_certificate(request, page, enrolment_id: int):
    """The certificate as PDF: POST stores the name to print and downloads it, GET downloads it
    with the name stored. Only for the participant, once they attended."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    enrolment = own_enrolment(request, enrolment_id)
    if not (enrolment.attended and enrolment.certificate_code):
        raise Http404
    if request.method == "POST":
        form = CertificateNameForm(request.POST, auto_id=f"certificate-{enrolment.pk}-%s")
        if not form.is_valid():
            messages.error(request, _("Please enter the name to print on the certificate."))
            return redirect_to_messages(route_url(page, "my_trainings", request=request))
        services.certificate_name_set(enrolment=enrolment, name=form.cleaned_data["name"])
    response = HttpResponse(certificate_pdf(enrolment), content_type="application/pdf")
    filename = slugify(_("certificate")) + f"-{enrolment.certificate_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@page_route(TrainingIndexPage, "bescheinigung/", name="certificate_check")
@never_cache
def certificate_check(request, page):
    """The form for a code (GET); a code sent leads to its own address."""
    form = CertificateCheckForm(request.GET or None, auto_id="check-%s")
    if form.is_valid():
        code = services.certificate_code_normalize(form.cleaned_data["code"])
        return HttpResponseRedirect(route_url(page, "certificate_check_code", code))
    return _check_render(request, page, form)


@page_route(TrainingIndexPage, "bescheinigung/<str:code>/", name="certificate_check_code")
@never_cache
def certificate_check_code(request, page, code: str):
    """Whether ``code`` belongs to a certificate: the name on it, the module and the date."""
    form = CertificateCheckForm(initial={"code": code}, auto_id="check-%s")
    if limits.exceeded(request, CHECK_LIMIT):
        return _check_render(request, page, form, status=429, code=code, too_many=limits.MESSAGE)
    enrolment = (
        Enrolment.objects.filter(
            certificate_code=services.certificate_code_normalize(code), attended=True
        )
        .select_related("session__module", "user")
        .first()
    )
    return _check_render(
        request,
        page,
        form,
        status=200 if enrolment else 404,
        code=code,
        checked=True,
        certificate=enrolment,
        name=participant_name(enrolment) if enrolment else "",
    )


def _check_render(request, page, form, *, status=200, **context) -> TemplateResponse:
    context = {
        "page": page,
        "self": page,
        "form": form,
        "check_url": route_url(page, "certificate_check", request=request),
        **context,
    }
    return TemplateResponse(request, CHECK_TEMPLATE, context, status=status)
