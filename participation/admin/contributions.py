"""Contributions in the admin: one listing per kind, by channel and procedure, with a form for
analog input. Staff do not delete contributions or edit what citizens wrote (moderators hide
it instead); they answer proposals officially and weigh formal statements.

The five kinds differ only in their model, columns, filters and form, so one viewset class
serves them all, made once per kind.
"""

import django_filters
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from ..models import Channel, Comment, PollVote, ProcedurePage, Proposal, Statement, Support
from ..services import analog
from .analog import (
    AnalogCommentForm,
    AnalogProposalForm,
    AnalogStatementForm,
    AnalogSupportForm,
    AnalogVoteForm,
)
from .mixins import ServiceFormMixin
from .moderation import HIDEABLE
from .permissions import ScopedObjectMixin, in_scope, may_moderate, procedures_in_scope
from .responses import ProposalResponseForm, ProposalResponseView
from .statements import StatementInspectView, StatementProcessForm, StatementProcessView


def procedure_filter(field_name: str = "procedure"):
    return django_filters.ModelChoiceFilter(
        label=_("procedure"),
        queryset=ProcedurePage.objects.order_by("title"),
        field_name=field_name,
    )


class ContributionFilterSet(WagtailFilterSet):
    channel = django_filters.ChoiceFilter(label=_("channel"), choices=Channel.choices)
    procedure = procedure_filter()


def contribution_filterset(model, procedure_field="procedure", extra=()):
    """Channel and procedure (reached through ``procedure_field``), and the model's ``extra``
    fields."""
    meta = type("Meta", (), {"model": model, "fields": list(extra)})
    attrs = {"Meta": meta}
    if procedure_field != "procedure":
        attrs["procedure"] = procedure_filter(procedure_field)
    return type(f"{model.__name__}FilterSet", (ContributionFilterSet,), attrs)


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ContributionIndexView(generic.IndexView):
    related = ()
    annotations = {}
    procedure_field = "procedure"
    moderate_url_name = "participation_moderation:moderate"

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related(*self.related)
        queryset = in_scope(queryset, self.request.user, procedure_field=self.procedure_field)
        return queryset.annotate(**self.annotations)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        name = instance._meta.model_name
        if name in HIDEABLE and may_moderate(self.request.user, instance.procedure):
            buttons.append(
                Button(
                    _("Moderate"),
                    url=reverse(self.moderate_url_name, args=[name, instance.pk]),
                    icon_name="warning",
                    priority=20,
                )
            )
        return buttons


class AnalogCreateView(ServiceFormMixin, generic.CreateView):
    """Staff enter a contribution received offline; ``service``, one of
    ``participation.services.analog``, stores it.

    ``?procedure=<pk>`` (from a procedure's workspace) chooses that procedure and offers only
    its proposals and polls; a procedure outside the user's scope is not found."""

    service = None
    template_name = "participation/admin/analog_create.html"

    @cached_property
    def procedure(self):
        pk = self.request.GET.get("procedure")
        if pk is None:
            return None
        if not pk.isdigit():
            raise Http404
        return get_object_or_404(procedures_in_scope(self.request.user), pk=pk)

    def get_page_subtitle(self):
        subtitle = super().get_page_subtitle()
        if self.procedure is None:
            return subtitle
        return f"{subtitle}: {self.procedure.title}"

    def get_initial(self):
        initial = super().get_initial()
        if self.procedure is not None:
            initial["procedure"] = self.procedure.pk
        return initial

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "procedure": self.procedure}

    def save_instance(self):
        instance = self.service(**self.form.cleaned_data, entered_by=self.request.user)
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance

    def get_success_message(self, instance):
        return _("%(model_name)s entered.") % {
            "model_name": capfirst(self.model._meta.verbose_name)
        }


class ContributionViewSet(ModelViewSet):
    """A listing, an inspect view, history and a form for analog input (``form_class``, saved by
    ``service``); an edit view only where ``edit_view_class`` is given."""

    index_view_class = ContributionIndexView
    add_view_class = AnalogCreateView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    edit_view_class = None
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    #: Given per kind: what the listing loads with each row, the analog form and its service,
    #: and the form of the edit view.
    related = ("procedure", "author", "entered_by")
    annotations = {}
    #: The way from a row to its procedure, which decides who sees it.
    procedure_field = "procedure"
    form_class = None
    service = None
    edit_form_class = None

    def __init__(self, kind: str, **kwargs):
        super().__init__(f"participation_{kind}", url_prefix=f"participation/{kind}", **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(procedure_field=self.procedure_field, **kwargs)
        for name in ("delete", "copy", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        if self.edit_view_class is None:
            view_kwargs["edit_url_name"] = None
        return view_kwargs

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            related=self.related, annotations=self.annotations, **kwargs
        )

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(service=self.service, **kwargs)

    def get_form_class(self, for_update=False):
        return self.edit_form_class if for_update else self.form_class

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]
        if self.edit_view_class is not None:
            patterns.append(path("edit/<int:pk>/", self.edit_view, name="edit"))
        return patterns


def author_column():
    return Column(
        "author",
        label=_("pseudonym"),
        accessor=lambda row: row.author.display_name if row.author_id else "–",
    )


def tally_viewset(kind: str, *, model, parent: str, **kwargs) -> ContributionViewSet:
    """Supports and votes: no text and no author shown, counted for their ``parent`` (the
    proposal or the poll), which belongs to the procedure."""
    procedure = f"{parent}__procedure"
    return ContributionViewSet(
        kind,
        model=model,
        related=(procedure, "entered_by"),
        procedure_field=procedure,
        filterset_class=contribution_filterset(model, procedure_field=procedure),
        list_display=[
            parent,
            Column("procedure", label=_("procedure"), accessor=f"{parent}.procedure"),
            "channel",
            "entered_by",
            "created_at",
        ],
        inspect_view_fields=[parent, "channel", "entered_by", "created_at"],
        **kwargs,
    )


def contribution_viewsets() -> list[ContributionViewSet]:
    """The five kinds, in the order of the admin menu."""
    return [
        ContributionViewSet(
            "proposals",
            model=Proposal,
            icon="pick",
            annotations={"support_count": Count("supports")},
            form_class=AnalogProposalForm,
            service=analog.proposal_enter,
            edit_view_class=ProposalResponseView,
            edit_form_class=ProposalResponseForm,
            filterset_class=contribution_filterset(Proposal, extra=["status"]),
            list_display=[
                "title",
                "procedure",
                "channel",
                author_column(),
                Column("support_count", label=_("supports"), accessor="support_count"),
                "status",
                "created_at",
            ],
            search_fields=["title", "text"],
            inspect_view_fields=[
                "title",
                "text",
                "category",
                "procedure",
                "channel",
                "entered_by",
                "created_at",
                "status",
                "response",
                "responded_at",
                "hidden_reason",
                "hidden_at",
            ],
        ),
        ContributionViewSet(
            "comments",
            model=Comment,
            icon="comment",
            related=("procedure", "author", "entered_by", "proposal"),
            form_class=AnalogCommentForm,
            service=analog.comment_enter,
            filterset_class=contribution_filterset(Comment),
            list_display=[
                "__str__",
                "procedure",
                "proposal",
                "channel",
                author_column(),
                "created_at",
            ],
            search_fields=["text"],
            inspect_view_fields=[
                "text",
                "procedure",
                "proposal",
                "channel",
                "entered_by",
                "created_at",
            ],
        ),
        tally_viewset(
            "supports",
            model=Support,
            parent="proposal",
            icon="success",
            form_class=AnalogSupportForm,
            service=analog.support_enter,
        ),
        tally_viewset(
            "votes",
            model=PollVote,
            parent="poll",
            icon="tasks",
            form_class=AnalogVoteForm,
            service=analog.vote_enter,
        ),
        # Formal statements carry names and addresses: staff with the permission to view them
        # see them here, and process them (status, summary, weighing) next to their text; the
        # public export leaves names and addresses out, the internal one is for the weighing.
        ContributionViewSet(
            "statements",
            model=Statement,
            icon="doc-full",
            form_class=AnalogStatementForm,
            service=analog.statement_enter,
            edit_view_class=StatementProcessView,
            edit_form_class=StatementProcessForm,
            filterset_class=contribution_filterset(Statement, extra=["status"]),
            list_display=["reference", "procedure", "channel", "status", "created_at"],
            search_fields=["reference", "text"],
            inspect_view_class=StatementInspectView,
            inspect_view_fields=[
                "reference",
                "procedure",
                "channel",
                "text",
                "name",
                "street",
                "postcode",
                "city",
                "email",
                "attachments",
                "entered_by",
                "created_at",
                "hidden_reason",
                "status",
                "summary",
                "weighing",
                "weighed_by",
                "weighed_at",
            ],
        ),
    ]
