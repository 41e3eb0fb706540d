"""Official responses: staff set a proposal's status and public response, and its author hears
of it."""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from ..models import Proposal
from ..services import results
from .mixins import ServiceFormMixin
from .permissions import ScopedObjectMixin


class ProposalResponseForm(WagtailAdminModelForm):
    status = forms.ChoiceField(
        label=_("official status"),
        choices=[("", _("Choose a status")), *Proposal.Status.choices],
    )
    response = forms.CharField(
        label=_("public response"),
        widget=forms.Textarea,
        help_text=_("Shown with the proposal; the author is told by e-mail."),
    )

    class Meta:
        model = Proposal
        fields = ["status", "response"]


class ProposalResponseView(ScopedObjectMixin, ServiceFormMixin, generic.EditView):
    """Staff set the official status and public response beside what was proposed: the author
    hears of it. Reached from a procedure's workspace, it leads back there (``next``)."""

    page_title = _("Official response")
    template_name = "participation/admin/proposal_response.html"

    def get_queryset(self):
        return Proposal.objects.select_related("procedure", "author", "entered_by").annotate(
            support_count=Count("supports", distinct=True),
            comment_count=Count("comments", distinct=True),
        )

    def save_instance(self):
        return results.proposal_respond(
            proposal=Proposal.objects.select_related("procedure", "author").get(pk=self.object.pk),
            status=self.form.cleaned_data["status"],
            response=self.form.cleaned_data["response"],
            user=self.request.user,
        )

    def get_success_message(self, instance):
        return _("The official response is saved.")
