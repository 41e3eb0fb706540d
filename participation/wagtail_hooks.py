"""The back office of participation in Wagtail's admin: the moderators' queue, contributions
with their channel (staff enter analog ones here), official responses to proposals, exports.

Nothing here deletes a contribution: moderators hide it with a public reason and may restore it.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from . import (
    admin_urls,
    publishing_hooks,  # noqa: F401 - district publishing and Vorhabenliste hooks
)
from .models import (
    Channel,
    Comment,
    PollChoice,
    PollVote,
    ProcedurePage,
    Proposal,
    Report,
    Statement,
    Support,
)
from .services import moderation, results
from .views_admin import EXPORT_PERMISSION, StatementInspectView

#: Contributions moderators can hide, by model name as it appears in the queue's URLs. Not
#: formal statements: they are never public, and carry names and addresses that only staff
#: with the permission to view statements see.
HIDEABLE = {model._meta.model_name: model for model in (Proposal, Comment)}
ANALOG_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.ONLINE]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(moderation.REPORT_ACTION, _("Report"), _("Reported to the moderation"))
    actions.register_action(moderation.HIDE_ACTION, _("Hide"), _("Hidden by the moderation"))
    actions.register_action(
        moderation.RESTORE_ACTION, _("Restore"), _("Restored by the moderation")
    )
    actions.register_action(
        moderation.DISMISS_ACTION, _("Dismiss report"), _("Report dismissed by the moderation")
    )
    actions.register_action(
        results.RESPOND_ACTION, _("Official response"), _("Official status and response set")
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("participation/", include(admin_urls, namespace="participation_admin"))]


@hooks.register("register_admin_menu_item")
def register_exports_menu_item():
    return ExportsMenuItem(
        _("Exports"),
        reverse("participation_admin:exports"),
        icon_name="download",
        order=720,
    )


class ExportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)


# Moderation --------------------------------------------------------------------------------------


class ModerationPermissionPolicy(BasePermissionPolicy):
    """Reports, the queue and its actions: everything needs the permission to moderate."""

    def user_has_permission(self, user, action):
        return user.is_active and user.has_perm(moderation.MODERATE_PERMISSION)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return moderation.moderators()


register_permission_policy(Report, ModerationPermissionPolicy(Report), exact_class=True)


def contribution_kind(contribution) -> str:
    return capfirst(contribution._meta.verbose_name) if contribution is not None else "–"


def contribution_excerpt(contribution) -> str:
    if contribution is None:
        return "–"
    title = getattr(contribution, "title", "")
    text = Truncator(contribution.text).chars(140)
    return f"{title}: {text}" if title else text


def procedure_of(contribution):
    return contribution.procedure if contribution is not None else None


class ReportFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"),
        choices=[("open", _("open")), ("resolved", _("resolved"))],
        method="filter_state",
        empty_label=_("all"),
    )

    class Meta:
        model = Report
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(resolved_at__isnull=value == "open")


class ReportIndexView(generic.IndexView):
    any_permission_required = ["view"]
    moderate_url_name = None

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("reporter", "content_type")
        if not self.request.GET.get("state"):
            queryset = queryset.filter(resolved_at__isnull=True)
        return queryset.prefetch_related(
            GenericPrefetch(
                "contribution",
                [model.objects.select_related("procedure") for model in HIDEABLE.values()],
            )
        )

    def get_edit_url(self, instance):
        return self.moderate_url(instance)

    def moderate_url(self, instance):
        return reverse(
            self.moderate_url_name,
            args=[instance.content_type.model, quote(instance.object_id)],
        )

    def get_list_more_buttons(self, instance):
        return [
            Button(_("Moderate"), url=self.moderate_url(instance), icon_name="warning", priority=10)
        ]


class ModerateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One contribution with its reports and history: hide it with a public reason, restore it,
    or dismiss its reports."""

    model = Report
    permission_required = "change"
    template_name = "participation/admin/moderate.html"
    page_title = _("Moderate")
    header_icon = "warning"
    index_url_name = None
    moderate_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        model = HIDEABLE.get(kwargs["model_name"])
        if model is None:
            from django.http import Http404

            raise Http404
        self.contribution = get_object_or_404(
            model.objects.select_related("procedure", "author", "entered_by"), pk=kwargs["pk"]
        )

    @cached_property
    def reports(self):
        return list(
            Report.objects.filter(
                content_type__app_label="participation",
                content_type__model=self.kwargs["model_name"],
                object_id=self.contribution.pk,
            )
            .select_related("reporter", "resolved_by")
            .order_by("-created_at")
        )

    @cached_property
    def moderate_url(self):
        return reverse(
            self.moderate_url_name, args=[self.kwargs["model_name"], self.contribution.pk]
        )

    def get_page_subtitle(self):
        return contribution_excerpt(self.contribution)[:80]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Moderation")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        procedure = self.contribution.procedure
        context.update(
            contribution=self.contribution,
            kind=contribution_kind(self.contribution),
            procedure=procedure,
            procedure_url=procedure.get_url(request=self.request),
            procedure_edit_url=reverse("wagtailadmin_pages:edit", args=[procedure.pk]),
            reports=self.reports,
            open_reports=[report for report in self.reports if report.resolved_at is None],
            history=ModelLogEntry.objects.for_instance(self.contribution)
            .select_related("user")
            .order_by("-timestamp"),
            moderate_url=self.moderate_url,
            reason_error=kwargs.get("reason_error"),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        reason = request.POST.get("reason", "")
        if action == "hide":
            try:
                moderation.contribution_hide(
                    contribution=self.contribution, reason=reason, user=request.user
                )
            except ValidationError:
                messages.error(request, _("Give a public reason for hiding."))
                return self.render_to_response(
                    self.get_context_data(reason_error=_("Give a public reason for hiding."))
                )
            messages.success(request, _("The contribution is hidden."))
        elif action == "restore" and self.contribution.is_hidden:
            moderation.contribution_restore(
                contribution=self.contribution, user=request.user, reason=reason
            )
            messages.success(request, _("The contribution is shown again."))
        elif action == "dismiss":
            for report in self.reports:
                if report.resolved_at is None:
                    moderation.report_dismiss(report=report, user=request.user)
            messages.success(request, _("The reports are dismissed; the contribution stays."))
        return redirect(reverse(self.index_url_name))


class ModerationViewSet(ModelViewSet):
    model = Report
    name = "participation_moderation"
    url_prefix = "participation/moderation"
    icon = "warning"
    menu_label = _("Moderation")
    add_to_admin_menu = True
    menu_order = 710
    index_view_class = ReportIndexView
    filterset_class = ReportFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "reason",
        Column(
            "contribution",
            label=_("contribution"),
            accessor=lambda report: contribution_excerpt(report.contribution),
        ),
        Column(
            "kind", label=_("kind"), accessor=lambda report: contribution_kind(report.contribution)
        ),
        Column(
            "procedure",
            label=_("procedure"),
            accessor=lambda report: procedure_of(report.contribution) or "–",
        ),
        "created_at",
        Column(
            "hidden",
            label=_("hidden"),
            accessor=lambda report: (
                _("yes")
                if report.contribution is not None and report.contribution.is_hidden
                else _("no")
            ),
        ),
    ]
    ordering = ["-created_at", "-pk"]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(
            moderate_url_name=self.get_url_name("moderate"), **kwargs
        )
        for name in ("add", "edit", "delete", "copy", "usage", "history"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    @property
    def moderate_view(self):
        return self.construct_view(ModerateView)

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.filter(
            content_type__app_label="participation", codename="moderate_contributions"
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<str:model_name>/<int:pk>/", self.moderate_view, name="moderate"),
        ]


# Contributions: listings by channel and procedure, analog entry, official responses ------------


class ContributionFilterSet(WagtailFilterSet):
    channel = django_filters.ChoiceFilter(label=_("channel"), choices=Channel.choices)
    procedure = django_filters.ModelChoiceFilter(
        label=_("procedure"),
        queryset=ProcedurePage.objects.order_by("title"),
        field_name="procedure",
    )


def _filterset(model, procedure_field="procedure", extra=()):
    meta = type("Meta", (), {"model": model, "fields": list(extra)})
    attrs = {"Meta": meta}
    if procedure_field != "procedure":
        attrs["procedure"] = django_filters.ModelChoiceFilter(
            label=_("procedure"),
            queryset=ProcedurePage.objects.order_by("title"),
            field_name=procedure_field,
        )
    return type(f"{model.__name__}FilterSet", (ContributionFilterSet,), attrs)


class AnalogCreateView(generic.CreateView):
    """Staff enter a contribution received offline; the citizen-side service stores it."""

    service = None

    def save_instance(self):
        return self.service(form=self.form, user=self.request.user)

    def form_valid(self, form):
        self.form = form
        try:
            from django.db import transaction

            with transaction.atomic():
                self.object = self.save_instance()
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        log(instance=self.object, action="wagtail.create", user=self.request.user)
        messages.success(
            self.request,
            _("%(model_name)s entered.") % {"model_name": capfirst(self.model._meta.verbose_name)},
        )
        return redirect(self.get_success_url())

    def get_success_url(self):
        return reverse(self.index_url_name)


class AnalogForm(WagtailAdminModelForm):
    channel = forms.ChoiceField(label=_("channel"), choices=ANALOG_CHANNELS)


class AnalogProposalForm(AnalogForm):
    class Meta:
        model = Proposal
        fields = ["procedure", "channel", "title", "text", "category"]


class AnalogCommentForm(AnalogForm):
    class Meta:
        model = Comment
        fields = ["procedure", "proposal", "channel", "text"]

    def clean(self):
        cleaned = super().clean()
        proposal, procedure = cleaned.get("proposal"), cleaned.get("procedure")
        if proposal and procedure and proposal.procedure_id != procedure.pk:
            self.add_error("proposal", _("This proposal belongs to another procedure."))
        return cleaned


class AnalogSupportForm(AnalogForm):
    count = forms.IntegerField(
        label=_("number of signatures"),
        min_value=1,
        max_value=5000,
        initial=1,
        help_text=_("Signatures on a list count one each."),
    )

    class Meta:
        model = Support
        fields = ["proposal", "channel"]


class AnalogVoteForm(AnalogForm):
    choices = forms.ModelMultipleChoiceField(
        label=_("answers"),
        queryset=PollChoice.objects.select_related("question__poll").order_by(
            "question__poll", "question__sort_order", "sort_order", "pk"
        ),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PollVote
        fields = ["poll", "channel"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choices"].label_from_instance = lambda choice: (
            f"{choice.question.poll} – {choice.question}: {choice}"
        )

    def clean(self):
        cleaned = super().clean()
        poll, choices = cleaned.get("poll"), cleaned.get("choices")
        if poll and choices and any(choice.question.poll_id != poll.pk for choice in choices):
            self.add_error("choices", _("Choose answers of this poll only."))
        return cleaned


class AnalogStatementForm(AnalogForm):
    class Meta:
        model = Statement
        fields = ["procedure", "channel", "text", "name", "street", "postcode", "city", "email"]


def _contributions():
    from .services import contributions

    return contributions


def proposal_enter(*, form, user):
    data = form.cleaned_data
    return _contributions().proposal_create(
        procedure=data["procedure"],
        author=None,
        title=data["title"],
        text=data["text"],
        category=data.get("category", ""),
        channel=data["channel"],
        entered_by=user,
    )


def comment_enter(*, form, user):
    data = form.cleaned_data
    return _contributions().comment_create(
        procedure=data["procedure"],
        author=None,
        text=data["text"],
        proposal=data.get("proposal"),
        channel=data["channel"],
        entered_by=user,
    )


def support_enter(*, form, user):
    data = form.cleaned_data
    support = None
    for _number in range(data["count"]):
        support = _contributions().support_create(
            proposal=data["proposal"], user=None, channel=data["channel"], entered_by=user
        )
    return support


def vote_enter(*, form, user):
    data = form.cleaned_data
    return _contributions().poll_vote(
        poll=data["poll"],
        choices=list(data["choices"]),
        user=None,
        channel=data["channel"],
        entered_by=user,
    )


def statement_enter(*, form, user):
    data = form.cleaned_data
    return _contributions().statement_create(
        procedure=data["procedure"],
        author=None,
        text=data["text"],
        name=data["name"],
        street=data["street"],
        postcode=data["postcode"],
        city=data["city"],
        email=data.get("email", ""),
        attachments=[],
        channel=data["channel"],
        entered_by=user,
    )


class ContributionIndexView(generic.IndexView):
    related = ("procedure", "author", "entered_by")
    moderate_url_name = "participation_moderation:moderate"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(*self.related)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        name = instance._meta.model_name
        if name in HIDEABLE and self.request.user.has_perm(moderation.MODERATE_PERMISSION):
            buttons.append(
                Button(
                    _("Moderate"),
                    url=reverse(self.moderate_url_name, args=[name, instance.pk]),
                    icon_name="warning",
                    priority=20,
                )
            )
        return buttons


def author_column():
    return Column(
        "author",
        label=_("pseudonym"),
        accessor=lambda row: row.author.display_name if row.author_id else "–",
    )


class ContributionViewSet(ModelViewSet):
    """A listing by channel and procedure, and a form for analog input; no deleting, and
    contributions are not edited by staff (moderators hide them instead)."""

    index_view_class = ContributionIndexView
    add_view_class = AnalogCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    service = None
    ordering = ["-created_at", "-pk"]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(service=type(self).service, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("delete", "copy", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        if not self.edit_view_enabled:
            view_kwargs["edit_url_name"] = None
        return view_kwargs

    edit_view_enabled = False

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]
        if self.edit_view_enabled:
            patterns.append(path("edit/<int:pk>/", self.edit_view, name="edit"))
        return patterns


class ProposalResponseForm(WagtailAdminModelForm):
    status = forms.ChoiceField(label=_("official status"), choices=Proposal.Status.choices)
    response = forms.CharField(
        label=_("public response"),
        widget=forms.Textarea,
        help_text=_("Shown with the proposal; the author is told by e-mail."),
    )

    class Meta:
        model = Proposal
        fields = ["status", "response"]


class ProposalResponseView(generic.EditView):
    """Staff set the official status and public response: the author hears of it."""

    page_title = _("Official response")

    def save_instance(self):
        return results.proposal_respond(
            proposal=Proposal.objects.select_related("procedure", "author").get(pk=self.object.pk),
            status=self.form.cleaned_data["status"],
            response=self.form.cleaned_data["response"],
            user=self.request.user,
        )

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.save_instance()
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The official response is saved."))
        return redirect(reverse(self.index_url_name))


class ProposalIndexView(ContributionIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(support_count=Count("supports"))


class ProposalViewSet(ContributionViewSet):
    model = Proposal
    name = "participation_proposals"
    url_prefix = "participation/proposals"
    icon = "pick"
    index_view_class = ProposalIndexView
    edit_view_class = ProposalResponseView
    edit_view_enabled = True
    service = staticmethod(proposal_enter)
    filterset_class = _filterset(Proposal, extra=["status"])
    list_display = [
        "title",
        "procedure",
        "channel",
        author_column(),
        Column("support_count", label=_("supports"), accessor="support_count"),
        "status",
        "created_at",
    ]
    search_fields = ["title", "text"]
    search_backend_name = None
    inspect_view_fields = [
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
    ]

    def get_form_class(self, for_update=False):
        return ProposalResponseForm if for_update else AnalogProposalForm


class CommentIndexView(ContributionIndexView):
    related = ("procedure", "author", "entered_by", "proposal")


class CommentViewSet(ContributionViewSet):
    model = Comment
    name = "participation_comments"
    url_prefix = "participation/comments"
    icon = "comment"
    index_view_class = CommentIndexView
    service = staticmethod(comment_enter)
    filterset_class = _filterset(Comment)
    list_display = ["__str__", "procedure", "proposal", "channel", author_column(), "created_at"]
    search_fields = ["text"]
    search_backend_name = None
    inspect_view_fields = ["text", "procedure", "proposal", "channel", "entered_by", "created_at"]

    def get_form_class(self, for_update=False):
        return AnalogCommentForm


class SupportIndexView(ContributionIndexView):
    related = ("proposal__procedure", "entered_by")


class SupportViewSet(ContributionViewSet):
    model = Support
    name = "participation_supports"
    url_prefix = "participation/supports"
    icon = "success"
    index_view_class = SupportIndexView
    service = staticmethod(support_enter)
    filterset_class = _filterset(Support, procedure_field="proposal__procedure")
    list_display = [
        "proposal",
        Column("procedure", label=_("procedure"), accessor="proposal.procedure"),
        "channel",
        "entered_by",
        "created_at",
    ]
    inspect_view_fields = ["proposal", "channel", "entered_by", "created_at"]

    def get_form_class(self, for_update=False):
        return AnalogSupportForm


class VoteIndexView(ContributionIndexView):
    related = ("poll__procedure", "entered_by")


class VoteViewSet(ContributionViewSet):
    model = PollVote
    name = "participation_votes"
    url_prefix = "participation/votes"
    icon = "tasks"
    index_view_class = VoteIndexView
    service = staticmethod(vote_enter)
    filterset_class = _filterset(PollVote, procedure_field="poll__procedure")
    list_display = [
        "poll",
        Column("procedure", label=_("procedure"), accessor="poll.procedure"),
        "channel",
        "entered_by",
        "created_at",
    ]
    inspect_view_fields = ["poll", "channel", "entered_by", "created_at"]

    def get_form_class(self, for_update=False):
        return AnalogVoteForm


class StatementViewSet(ContributionViewSet):
    """Formal statements carry names and addresses: staff with the permission to view them see
    them here; the export leaves them out."""

    model = Statement
    name = "participation_statements"
    url_prefix = "participation/statements"
    icon = "doc-full"
    service = staticmethod(statement_enter)
    filterset_class = _filterset(Statement)
    list_display = ["reference", "procedure", "channel", "created_at"]
    search_fields = ["reference", "text"]
    search_backend_name = None
    inspect_view_class = StatementInspectView
    inspect_view_fields = [
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
    ]

    def get_form_class(self, for_update=False):
        return AnalogStatementForm


class ContributionsViewSetGroup(ModelViewSetGroup):
    items = (ProposalViewSet, CommentViewSet, SupportViewSet, VoteViewSet, StatementViewSet)
    menu_label = _("Contributions")
    menu_icon = "pick"
    menu_name = "participation_contributions"
    menu_order = 700


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ModerationViewSet(), ContributionsViewSetGroup()]


# The Instrumentenkoffer's format pages list the procedures that used the format ------------------


@hooks.register("toolkit_format_related")
def procedures_using_format(page, request):
    """``(heading, procedures)``: the live public procedures that used this format, newest
    first; ``None`` when there are none. The toolkit's format page shows them."""
    procedures = list(
        ProcedurePage.objects.live()
        .public()
        .filter(formats=page)
        .order_by("-first_published_at", "-pk")
    )
    if not procedures:
        return None
    return _("Procedures that used this format"), procedures
