"""Formal statements carry names and addresses, and their PDF attachments are private files:
staff with the permission to view statements open them here, and nowhere else."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.views import View
from wagtail.admin.views.generic import InspectView

from mitwirken.files import private_file_response

from ..models import StatementAttachment
from .permissions import STATEMENT_VIEW_PERMISSION, ScopedObjectMixin, in_scope


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
