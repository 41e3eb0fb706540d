"""A session's participants: who registered, who was offered a place, the waiting list in its
order, who cancelled; the attendance form (one checkbox per registered participant, saved by
``services.attendance_record``) and the CSV export.

Found only for a session in the person's scope (``permissions``); read with a fixed number of
queries however many people registered.
"""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import rules, services
from ..models import Enrolment
from .permissions import (
    VIEW_PARTICIPANTS_PERMISSION,
    may_export,
    may_record_attendance,
    session_in_scope,
)

URL_NAME = "training_sessions:participants"
CSV_URL_NAME = "training_sessions:participants_csv"


def session_enrolments(session) -> dict[str, list[Enrolment]]:
    """The session's enrolments with their accounts, by status, each in the waiting list's
    order: one query."""
    groups = {status: [] for status in Enrolment.Status.values}
    for enrolment in session.enrolments.select_related("user").order_by("queued_at", "pk"):
        groups[enrolment.status].append(enrolment)
    return groups


class SessionScopeMixin:
    """The session of the URL, for people who may see participants, in their scope."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PARTICIPANTS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def session(self):
        return session_in_scope(self.request.user, self.kwargs["pk"])


class SessionParticipantsView(SessionScopeMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/admin/session_participants.html"
    page_title = _("Participants")
    header_icon = "group"

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_sessions:index"), "label": gettext("Sessions")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.session
        user = self.request.user
        groups = session_enrolments(session)
        confirmed = groups[Enrolment.Status.CONFIRMED]
        offered = groups[Enrolment.Status.OFFERED]
        context.update(
            session=session,
            confirmed=confirmed,
            offered=offered,
            waiting=groups[Enrolment.Status.WAITING],
            lists=self.lists(groups),
            attendance_reason=rules.can_record_attendance(session),
            may_record_attendance=may_record_attendance(user),
            export_url=reverse(CSV_URL_NAME, args=[session.pk]) if may_export(user) else "",
            edit_url=reverse("training_sessions:edit", args=[session.pk])
            if user.has_perm("training.change_session")
            else "",
        )
        return context

    @staticmethod
    def lists(groups) -> list[dict]:
        """The enrolments besides the registered ones: offered, waiting (in order), cancelled,
        each with the moment that matters for it."""
        return [
            {
                "id": status,
                "heading": heading,
                "moment_label": moment_label,
                "rows": [(row, getattr(row, field)) for row in groups[status]],
                "numbered": status == Enrolment.Status.WAITING,
                "empty": empty,
            }
            for status, heading, moment_label, field, empty in (
                (
                    Enrolment.Status.OFFERED,
                    _("Places offered from the waiting list"),
                    _("Offer valid until"),
                    "offered_until",
                    _("None."),
                ),
                (
                    Enrolment.Status.WAITING,
                    _("Waiting list"),
                    _("Waiting since"),
                    "queued_at",
                    _("Nobody is waiting."),
                ),
                (
                    Enrolment.Status.CANCELLED,
                    _("Cancelled"),
                    _("Cancelled on"),
                    "cancelled_at",
                    _("None."),
                ),
            )
        ]

    def post(self, request, pk: int):
        if not may_record_attendance(request.user):
            raise PermissionDenied
        session = self.session
        attended = [value for value in request.POST.getlist("attended") if value.isdigit()]
        try:
            attendees = services.attendance_record(
                session=session, attended_ids=attended, by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                gettext("Attendance saved: %(count)s of %(total)s attended.")
                % {
                    "count": len(attendees),
                    "total": session.enrolments.filter(status=Enrolment.Status.CONFIRMED).count(),
                },
            )
        return redirect(reverse(URL_NAME, args=[session.pk]) + "#attendance")


#: The columns of the CSV export.
CSV_COLUMNS = (
    _("Status"),
    _("Position on the waiting list"),
    _("Name"),
    _("E-mail"),
    _("Registered"),
    _("Attended"),
    _("Certificate code"),
)


def _moment(value) -> str:
    return date_format(timezone.localtime(value), "Y-m-d H:i") if value else ""


def participants_csv(session) -> str:
    """Every enrolment of ``session``: registered, offered, waiting (with their position),
    cancelled."""
    groups = session_enrolments(session)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(column) for column in CSV_COLUMNS])
    yes, no = gettext("yes"), gettext("no")
    for status in Enrolment.Status:
        for position, enrolment in enumerate(groups[status.value], start=1):
            attended = {True: yes, False: no}.get(enrolment.attended, "")
            writer.writerow(
                [
                    status.label,
                    position if status == Enrolment.Status.WAITING else "",
                    enrolment.user.display_name,
                    enrolment.user.email,
                    _moment(enrolment.created_at),
                    attended,
                    enrolment.certificate_code or "",
                ]
            )
    return buffer.getvalue()


class ParticipantsExportView(SessionScopeMixin, View):
    def get(self, request, pk: int):
        if not may_export(request.user):
            raise PermissionDenied
        session = self.session
        start = timezone.localtime(session.start)
        filename = f"{slugify(session.module.title) or session.module_id}-{start:%Y-%m-%d}"
        response = HttpResponse(
            "\ufeff" + participants_csv(session), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response
