"""The admin's views of the outbox, follows and e-mail subscriptions: read-only listings and
inspect views, and re-sending a failed mail."""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from ..kinds import KINDS
from ..models import Notification
from ..services import notification_resend

RESEND_ACTION = "notifications.resend"


def kind_label(key: str) -> str:
    if key == "digest":
        return _("Digest")
    kind = KINDS.get(key)
    return kind.label if kind is not None else key


class ReadOnlyIndexView(generic.IndexView):
    any_permission_required = ["view", "change"]


class ReadOnlyInspectView(generic.InspectView):
    any_permission_required = ["view", "change"]


class OutboxIndexView(ReadOnlyIndexView):
    resend_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("message")

    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].label = capfirst(_("subject"))  # rather than "message subject"
        return columns

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Notification.Status.FAILED and self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Re-send"),
                    url=reverse(self.resend_url_name, args=[quote(instance.pk)]),
                    icon_name="mail",
                    priority=15,
                )
            )
        return buttons


class OutboxInspectView(ReadOnlyInspectView):
    template_name = "notifications/admin/notification_inspect.html"
    resend_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(Notification.objects.select_related("message"), pk=self.pk)

    def get_message_display_value(self):
        message = self.object.message
        return f"{message.subject} ({kind_label(message.kind)})"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status == Notification.Status.FAILED and self.user_has_permission("change"):
            context["resend_url"] = reverse(self.resend_url_name, args=[quote(self.object.pk)])
        return context


class ResendView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks, POST puts a failed row back into the outbox with a fresh count of attempts."""

    model = Notification
    permission_required = "change"
    template_name = "notifications/admin/notification_resend.html"
    page_title = _("Re-send")
    header_icon = "mail"
    index_url_name = None
    inspect_url_name = None
    resend_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Notification.objects.select_related("message"), pk=kwargs["pk"]
        )

    def dispatch(self, request, *args, **kwargs):
        if self.object.status != Notification.Status.FAILED:
            messages.error(request, _("Only failed notifications can be re-sent."))
            return redirect(self.inspect_url)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Outbox")},
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            resend_url=reverse(self.resend_url_name, args=[quote(self.object.pk)]),
            inspect_url=self.inspect_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        notification_resend(notification=self.object)
        log(instance=self.object, action=RESEND_ACTION, user=request.user)
        messages.success(
            request,
            _("The e-mail to %(email)s is queued to be sent again.") % {"email": self.object.email},
        )
        return redirect(reverse(self.index_url_name))


class FollowIndexView(ReadOnlyIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user").prefetch_related("target")


class EmailSubscriptionIndexView(ReadOnlyIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("target")
