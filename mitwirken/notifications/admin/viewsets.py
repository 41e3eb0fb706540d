"""Staff see the outbox, follows and e-mail subscriptions in Wagtail's admin; none are edited
by hand. A failed mail can be sent again from the outbox."""

import django_filters
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from ..kinds import KINDS
from ..models import EmailSubscription, Follow, Notification
from .views import (
    EmailSubscriptionIndexView,
    FollowIndexView,
    OutboxIndexView,
    OutboxInspectView,
    ReadOnlyIndexView,
    ReadOnlyInspectView,
    ResendView,
    kind_label,
)


def kind_choices():
    return [(key, kind.label) for key, kind in KINDS.items()] + [("digest", _("Digest"))]


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


class NotificationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("kind"), field_name="message__kind", choices=kind_choices
    )

    class Meta:
        model = Notification
        fields = ["status", "reason"]


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
