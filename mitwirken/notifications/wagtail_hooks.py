"""Staff see the outbox, follows and e-mail subscriptions in Wagtail's admin; none are edited
by hand. A failed mail can be sent again from the outbox."""

import django_filters
from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from .kinds import KINDS
from .models import EmailSubscription, Follow, Notification
from .services import notification_resend

RESEND_ACTION = "notifications.resend"


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(RESEND_ACTION, _("Re-send"), _("Queued to be sent again"))


def kind_label(key: str) -> str:
    if key == "digest":
        return _("Digest")
    kind = KINDS.get(key)
    return kind.label if kind is not None else key


def kind_choices():
    return [(key, kind.label) for key, kind in KINDS.items()] + [("digest", _("Digest"))]


# Read-only listings ----------------------------------------------------------------------------


class ReadOnlyIndexView(generic.IndexView):
    any_permission_required = ["view", "change"]


class ReadOnlyInspectView(generic.InspectView):
    any_permission_required = ["view", "change"]


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing with an inspect view and nothing else: these rows are written by the services."""

    index_view_class = ReadOnlyIndexView
    inspect_view_class = ReadOnlyInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    #: The permissions staff can be given in the group settings.
    permission_actions = ("view",)
    #: Views besides index and inspect, as (route, view attribute, URL name).
    extra_views = ()

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "copy", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            *(
                path(route, getattr(self, view), name=name)
                for route, view, name in self.extra_views
            ),
        ]

    @property
    def url_finder_class(self):
        # Links from the admin's reports (e.g. the site history) lead to the inspect view.
        return type(
            "_InspectURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        codenames = [
            get_permission_codename(action, self.model_opts) for action in self.permission_actions
        ]
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), codename__in=codenames
        )


# Outbox ------------------------------------------------------------------------------------------


class NotificationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("kind"), field_name="message__kind", choices=kind_choices
    )

    class Meta:
        model = Notification
        fields = ["status", "reason"]


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


class OutboxViewSet(ReadOnlyModelViewSet):
    model = Notification
    name = "outbox"
    icon = "mail"
    menu_label = _("Outbox")
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    permission_actions = ("view", "change")
    extra_views = (("resend/<int:pk>/", "resend_view", "resend"),)
    list_display = [
        "message__subject",
        "email",
        Column(
            "kind", label=capfirst(_("kind")), accessor=lambda row: kind_label(row.message.kind)
        ),
        "status",
        "attempts",
        "created_at",
        "sent_at",
    ]
    filterset_class = NotificationFilterSet
    search_fields = ["email"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = [
        "message",
        "email",
        "user",
        "reason",
        "frequency",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
        "digest",
        "idempotency_key",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(resend_url_name=self.get_url_name("resend"), **kwargs)

    @property
    def resend_view(self):
        return self.construct_view(ResendView)


# Follows and e-mail subscriptions ----------------------------------------------------------------


class FollowIndexView(ReadOnlyIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user").prefetch_related("target")


class FollowViewSet(ReadOnlyModelViewSet):
    model = Follow
    name = "follows"
    icon = "view"
    index_view_class = FollowIndexView
    list_display = ["__str__", "created_at"]
    search_fields = ["user__email", "user__display_name"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_fields = ["user", "content_type", "object_id", "created_at"]


class EmailSubscriptionIndexView(ReadOnlyIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("target")


class EmailSubscriptionViewSet(ReadOnlyModelViewSet):
    model = EmailSubscription
    name = "email_subscriptions"
    icon = "mail"
    index_view_class = EmailSubscriptionIndexView
    list_display = [
        "email",
        Column("target", label=_("about"), accessor="target"),
        "language",
        "requested_at",
        "confirmed_at",
    ]
    search_fields = ["email"]
    search_backend_name = None
    ordering = ["-requested_at"]
    inspect_view_fields = [
        "email",
        "content_type",
        "object_id",
        "language",
        "consent_version",
        "requested_at",
        "confirmed_at",
    ]


class NotificationsViewSetGroup(ModelViewSetGroup):
    items = (OutboxViewSet, FollowViewSet, EmailSubscriptionViewSet)
    menu_label = _("Notifications")
    menu_icon = "mail"
    menu_name = "notifications"
    menu_order = 800


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NotificationsViewSetGroup()
