"""Formal statements carry names and addresses, and their PDF attachments are private files:
staff with the permission to view statements open them here, and nowhere else. Staff who may
also change statements process them: status, anonymised summary, result of the weighing."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic import InspectView
from wagtail.log_actions import LogFormatter

from mitwirken.files import private_file_response

from ..models import Statement, StatementAttachment
from ..services import statements
from .mixins import ServiceFormMixin
from .permissions import STATEMENT_VIEW_PERMISSION, ScopedObjectMixin, in_scope

#: Processing a statement shows its name and address: who does it needs both.
STATEMENT_PROCESS_PERMISSIONS = (STATEMENT_VIEW_PERMISSION, "participation.change_statement")


class StatementAttachmentView(View):
    """A statement's PDF, for staff with the permission to view statements; it has no other
    address, and only for statements to procedures in the user's scope. Asked before the file
    is looked up, so nobody learns which numbers exist."""

    def get(self, request, pk: int):
        if not request.user.has_perm(STATEMENT_VIEW_PERMISSION):
            raise Http404
        attachments = in_scope(
            StatementAttachment.objects.all(), request.user, procedure_field="statement__procedure"
        )
        attachment = get_object_or_404(attachments, pk=pk)
        return private_file_response(
            attachment.file, name=attachment.name, content_type="application/pdf"
        )


class StatementInspectView(ScopedObjectMixin, InspectView):
    """A formal statement with its attachments: name and size, a link to each file for staff
    with the permission to view statements. Staff without it do not find the statement."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(STATEMENT_VIEW_PERMISSION):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_field_label(self, field_name, field):
        if field_name == "attachments":
            return capfirst(StatementAttachment._meta.verbose_name_plural)
        return super().get_field_label(field_name, field)

    def get_attachments_display_value(self):
        attachments = list(self.object.attachments.order_by("pk"))
        if not attachments:
            return "–"
        may_open = self.request.user.has_perm(STATEMENT_VIEW_PERMISSION)
        items = (
            (
                format_html(
                    '<a href="{}" download>{}</a>',
                    reverse("participation_admin:statement_attachment", args=[attachment.pk]),
                    attachment.name,
                )
                if may_open
                else attachment.name,
                filesizeformat(attachment.size),
            )
            for attachment in attachments
        )
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} ({})</li>", items))


class StatementProcessForm(WagtailAdminModelForm):
    class Meta:
        model = Statement
        fields = ["status", "summary", "weighing"]
        widgets = {
            "status": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "weighing": forms.Textarea(attrs={"rows": 10}),
        }


class StatementProcessView(ScopedObjectMixin, ServiceFormMixin, generic.EditView):
    """The statement as the citizen handed it in, next to the form that processes it. Staff
    without the permissions to view and change statements, or for another district's
    procedure, do not find it."""

    page_title = _("Process formal statement")
    template_name = "participation/admin/statement_process.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perms(
            STATEMENT_PROCESS_PERMISSIONS
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def stored(self) -> Statement:
        """The statement as stored: the form has set its fields on ``self.object``."""
        return (
            Statement.objects.select_related("procedure", "author", "entered_by", "weighed_by")
            .prefetch_related("attachments")
            .get(pk=self.object.pk)
        )

    def save_instance(self):
        data = self.form.cleaned_data
        return statements.statement_process(
            statement=self.stored(),
            status=data["status"],
            summary=data["summary"],
            weighing=data["weighing"],
            user=self.request.user,
        )

    def get_success_message(self, instance):
        return _("Statement %(reference)s: %(status)s.") % {
            "reference": instance.reference,
            "status": instance.get_status_display(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statement = self.stored()
        context["statement"] = statement
        context["attachments"] = [
            (
                reverse("participation_admin:statement_attachment", args=[attachment.pk]),
                attachment,
            )
            for attachment in sorted(statement.attachments.all(), key=lambda a: a.pk)
        ]
        return context


class StatementProcessedFormatter(LogFormatter):
    """``participation.weigh`` in a statement's history: the status it was given."""

    label = _("Process formal statement")

    def format_message(self, log_entry):
        status = (log_entry.data or {}).get("status", "")
        labels = dict(Statement.Status.choices)
        return _("Processing status set to “%(status)s”") % {"status": labels.get(status, status)}
