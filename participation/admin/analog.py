"""The forms on which staff enter contributions that came on paper, by phone, by e-mail or at an
event. Their field names are the keywords of ``participation.services.analog``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import Channel, Comment, PollChoice, PollVote, Proposal, Statement, Support
from .permissions import in_scope

ANALOG_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.ONLINE]


#: The fields that choose what a contribution belongs to, and the way from each choice to its
#: procedure: staff choose among the procedures in their scope only.
SCOPED_FIELDS = {
    "procedure": "pk",
    "proposal": "procedure",
    "poll": "procedure",
    "choices": "question__poll__procedure",
}


class AnalogForm(WagtailAdminModelForm):
    """``procedure``: the procedure chosen beforehand (in its workspace): only its proposals,
    polls and answers are offered."""

    channel = forms.ChoiceField(label=_("channel"), choices=ANALOG_CHANNELS)

    def __init__(self, *args, procedure=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, procedure_field in SCOPED_FIELDS.items():
            if name not in self.fields:
                continue
            field = self.fields[name]
            if self.for_user is not None:
                field.queryset = in_scope(
                    field.queryset, self.for_user, procedure_field=procedure_field
                )
            if procedure is not None and name != "procedure":
                field.queryset = field.queryset.filter(**{procedure_field: procedure})


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
