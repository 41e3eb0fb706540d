"""Accessibility feedback as an inbox: the open messages oldest first, each answered next to its
text. Staff neither add nor delete feedback here; answering goes through
``services.feedback_answer``, which mails the answer to the sender.

Who may: the model permissions ``pages.view_feedback`` (the listing) and
``pages.change_feedback`` (answering).
"""

import django_filters
from django import forms
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import ModelLogEntry

from .. import selectors, services
from ..models import Feedback

#: The permissions the inbox needs: "view" to see the listing, "change" to answer.
PERMISSIONS = ("view", "change")


def sender(feedback: Feedback) -> str:
    return feedback.name or feedback.email or "–"


def answerer(feedback: Feedback) -> str:
    return feedback.answered_by.get_short_name() if feedback.answered_by_id else "–"


class FeedbackAnsweredFormatter(LogFormatter):
    """The history's line for ``services.FEEDBACK_ANSWER_ACTION``: whether the answer was mailed."""

    label = _("Answer feedback")

    def format_message(self, log_entry):
        if log_entry.data.get("sent"):
            return _("Answered; the answer was sent to the sender")
        return _("Answered; not sent (no e-mail address)")


class FeedbackStatusFormatter(LogFormatter):
    """The history's line for ``services.FEEDBACK_STATUS_ACTION``, with the status set."""

    label = _("Feedback status")

    def format_message(self, log_entry):
        status = log_entry.data.get("status", "")
        label = Feedback.Status(status).label if status in Feedback.Status.values else status
        return _("Status set to “%(status)s”") % {"status": label}


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=Feedback.Status.choices, empty_label=_("all")
    )

    class Meta:
        model = Feedback
        fields = []


class FeedbackIndexView(generic.IndexView):
    """Open feedback first, the oldest on top; answered feedback after it, newest first. Each
    row shows when its answer is due, by the statement's promised response time."""

    def get_base_queryset(self):
        answered = models.Q(status=Feedback.Status.ANSWERED)
        return (
            super()
            .get_base_queryset()
            .select_related("answered_by")
            .annotate(
                queue_rank=models.Case(
                    models.When(answered, then=models.Value(1)),
                    default=models.Value(0),
                    output_field=models.IntegerField(),
                ),
                open_since=models.Case(
                    models.When(~answered, then=models.F("created_at")),
                    default=None,
                    output_field=models.DateTimeField(),
                ),
            )
        )

    @cached_property
    def response_days(self) -> int:
        return selectors.feedback_response_days()

    def due(self, feedback: Feedback):
        return selectors.feedback_due(feedback, response_days=self.response_days)

    def due_label(self, feedback: Feedback) -> str:
        if feedback.status == Feedback.Status.ANSWERED:
            return "–"
        due = self.due(feedback)
        label = date_format(timezone.localtime(due), "SHORT_DATE_FORMAT")
        if due < timezone.now():
            return _("%(date)s (overdue)") % {"date": label}
        return label

    @cached_property
    def list_display(self):
        return [
            "excerpt",
            StatusTagColumn(
                "get_status_display",
                label=capfirst(_("status")),
                sort_key="status",
                primary=lambda feedback: feedback.status != Feedback.Status.ANSWERED,
            ),
            DateColumn("created_at", label=capfirst(_("received")), sort_key="created_at"),
            Column("due", label=capfirst(_("answer due")), accessor=self.due_label),
            Column("sender", label=capfirst(_("sender")), accessor=sender),
            Column("answered_by", label=capfirst(_("answered by")), accessor=answerer),
        ]


class FeedbackAnswerForm(forms.Form):
    """The status and the answer; ``services.feedback_answer`` checks them together."""

    status = forms.ChoiceField(
        label=_("status"),
        choices=[(status.value, status.label) for status in services.FEEDBACK_STAFF_STATUSES],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(label=_("answer"), widget=forms.Textarea, required=False)

    def __init__(self, *args, feedback: Feedback, **kwargs):
        super().__init__(*args, **kwargs)
        if feedback.email:
            self.fields["answer"].help_text = _(
                "With the status “answered” the answer is sent by e-mail to %(email)s."
            ) % {"email": feedback.email}
        else:
            self.fields["answer"].help_text = _(
                "The sender left no e-mail address: the answer is only stored here."
            )


class FeedbackAnswerView(generic.EditView):
    """The message with where it came from and who sent it, beside the form to answer it."""

    page_title = _("Answer feedback")
    success_message = None
    submit_button_label = _("Save")

    def get_page_subtitle(self):
        return _("Feedback #%(number)s") % {"number": self.object.pk}

    def get_form_kwargs(self):
        kwargs = {"feedback": self.object, "prefix": self.get_prefix()}
        status = self.object.status
        kwargs["initial"] = {
            "status": Feedback.Status.ANSWERED if status == Feedback.Status.NEW else status,
            "answer": self.object.answer,
        }
        if self.request.method == "POST":
            kwargs["data"] = self.request.POST
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        response_days = selectors.feedback_response_days()
        due = selectors.feedback_due(self.object, response_days=response_days)
        context.update(
            feedback=self.object,
            due=due,
            overdue=self.object.status != Feedback.Status.ANSWERED and due < timezone.now(),
            history=ModelLogEntry.objects.for_instance(self.object)
            .select_related("user")
            .order_by("-timestamp"),
        )
        return context

    def form_valid(self, form):
        self.form = form
        try:
            self.object = services.feedback_answer(
                feedback=self.object,
                answer=form.cleaned_data["answer"],
                status=form.cleaned_data["status"],
                user=self.request.user,
            )
        except ValidationError as error:
            # What the service refuses shows beside its field, as the form's own errors do.
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        messages.success(self.request, self.get_answer_message())
        return redirect(self.get_success_url())

    def get_answer_message(self):
        feedback = self.object
        if feedback.status != Feedback.Status.ANSWERED:
            return _("Feedback #%(number)s is saved as “%(status)s”.") % {
                "number": feedback.pk,
                "status": feedback.get_status_display(),
            }
        if feedback.email:
            return _("The answer to feedback #%(number)s is saved and sent to %(email)s.") % {
                "number": feedback.pk,
                "email": feedback.email,
            }
        return _("The answer to feedback #%(number)s is saved.") % {"number": feedback.pk}


class FeedbackViewSet(ModelViewSet):
    """Listed, answered and its history shown; never added, copied or deleted here."""

    model = Feedback
    name = "accessibility_feedback"
    url_prefix = "accessibility-feedback"
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 750
    add_to_admin_menu = True
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackAnswerView
    filterset_class = FeedbackFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    ordering = ["queue_rank", "open_since", "-created_at", "-pk"]
    search_fields = ["message", "name", "email"]
    search_backend_name = None
    edit_template_name = "pages/admin/feedback_answer.html"

    def get_form_class(self, for_update=False):
        return FeedbackAnswerForm

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "delete", "copy", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_permissions_to_register(self):
        # Only what the inbox checks: nobody adds or deletes feedback in the admin.
        codenames = [get_permission_codename(action, self.model_opts) for action in PERMISSIONS]
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Feedback), codename__in=codenames
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.edit_view, name="edit"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]
