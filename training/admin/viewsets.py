"""Sessions and trainers in the admin, in the menu "Schulungen".

Sessions are listed with their places and waiting list, filtered by module, upcoming or past
and district, and limited to the person's scope (``permissions``): the Ombudsstelle sees every
session, a trainer those they give. Each row links to its participants (``participants``).
"""

import django_filters
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mitwirken.places.models import District

from ..models import Session, Trainer, TrainingModulePage
from . import participants
from .permissions import ScopedSessionMixin, sessions_in_scope

UPCOMING, PAST = "upcoming", "past"


class SessionFilterSet(WagtailFilterSet):
    module = django_filters.ModelChoiceFilter(
        label=_("training module"), queryset=TrainingModulePage.objects.order_by("title")
    )
    when = django_filters.ChoiceFilter(
        label=_("when"),
        choices=[(UPCOMING, _("upcoming")), (PAST, _("past"))],
        method="filter_when",
    )
    district = django_filters.ModelChoiceFilter(
        label=_("district"), queryset=District.objects.order_by("name")
    )

    class Meta:
        model = Session
        fields = ["module", "when", "district"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the modules of the sessions the person sees.
        if self.request is not None:
            sessions = sessions_in_scope(Session.objects.all(), self.request.user)
            self.filters["module"].queryset = TrainingModulePage.objects.filter(
                pk__in=sessions.values("module_id")
            ).order_by("title")

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == UPCOMING:
            return queryset.filter(end__gt=now)
        if value == PAST:
            return queryset.filter(end__lte=now)
        return queryset


class PlacesColumn(Column):
    """``7 / 12`` places taken, and the waiting list when there is one."""

    def get_value(self, instance):
        value = f"{instance.taken} / {instance.capacity}"
        if instance.waiting:
            waiting = ngettext("%(count)s waiting", "%(count)s waiting", instance.waiting)
            value += " · " + waiting % {"count": instance.waiting}
        return value


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("module", "district")
        return sessions_in_scope(queryset, self.request.user).with_places()

    def get_list_more_buttons(self, instance):
        return [
            Button(
                _("Participants"),
                url=reverse(participants.URL_NAME, args=[instance.pk]),
                icon_name="group",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class SessionEditView(ScopedSessionMixin, generic.EditView):
    pass


class SessionDeleteView(ScopedSessionMixin, generic.DeleteView):
    pass


class SessionHistoryView(ScopedSessionMixin, history.HistoryView):
    pass


class SessionUsageView(ScopedSessionMixin, generic.UsageView):
    pass


class SessionViewSet(ModelViewSet):
    model = Session
    name = "training_sessions"
    icon = "date"
    menu_label = _("Sessions")
    menu_name = "training_sessions"
    url_prefix = "training/sessions"
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView
    filterset_class = SessionFilterSet
    copy_view_enabled = True
    search_backend_name = None
    ordering = ["-start", "-pk"]
    list_display = [
        TitleColumn(
            "module",
            label=capfirst(_("training module")),
            accessor="module",
            url_name=participants.URL_NAME,
        ),
        Column("start", label=capfirst(_("start")), accessor="start"),
        Column("mode", label=capfirst(_("how")), accessor="get_mode_display"),
        Column("district", label=capfirst(_("district")), accessor="district"),
        PlacesColumn("places", label=capfirst(_("places"))),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/participants/",
                participants.SessionParticipantsView.as_view(),
                name="participants",
            ),
            path(
                "<int:pk>/participants/csv/",
                participants.ParticipantsExportView.as_view(),
                name="participants_csv",
            ),
        ]


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    name = "training_trainers"
    icon = "user"
    menu_label = _("Trainers")
    menu_name = "training_trainers"
    url_prefix = "training/trainers"
    list_display = ["name", "role", Column("user", label=_("account"), accessor="user")]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Trainer.objects.select_related("user")


class TrainingViewSetGroup(SnippetViewSetGroup):
    """ "Schulungen" in the admin menu: sessions, trainers. The modules themselves are pages
    below the Schulungen."""

    items = (SessionViewSet, TrainerViewSet)
    menu_label = _("Training")
    menu_icon = "group"
    menu_name = "training"
    menu_order = 740
