"""Forms of the citizen side, and of the Vorhabenliste. They check the input; the services
check the rules and store."""

import uuid

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mitwirken.places.models import District, Topic
from mitwirken.text import TextLineField
from mitwirken.web.forms import FilterForm, HoneypotForm

from .models import Comment, DistrictFolderPage, PlannedProjectPage, Proposal
from .models.contributions import TEXT_MAX
from .models.procedures import ProcedureKind, ProcedureStatus
from .services.contributions import EMAIL_NEEDED, attachments_validate


def _slug_filter(queryset, label, empty_label) -> forms.ModelChoiceField:
    """An optional choice for a GET filter (a district, a topic), by its slug in the URL."""
    return forms.ModelChoiceField(
        queryset, label=label, to_field_name="slug", required=False, empty_label=empty_label
    )


class ProcedureFilterForm(FilterForm):
    """The GET filter of /beteiligung/: every field optional, values as slugs in the URL."""

    q = forms.CharField(label=_("Search term"), max_length=200, required=False)
    district = _slug_filter(District.objects.all(), _("District"), _("All districts"))
    topic = _slug_filter(Topic.objects.all(), _("Topic"), _("All topics"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *ProcedureStatus.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind of participation"),
        choices=[("", _("All kinds")), *ProcedureKind.choices],
        required=False,
    )

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``selectors.procedure_list``."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"].strip(),
            "district": data["district"],
            "topic": data["topic"],
            "status": data["status"],
            "kind": data["kind"],
        }


class ProposalFilterForm(FilterForm):
    """The GET form above a procedure's proposals: their official status, their category
    (when the procedure's proposals have categories: the ``categories`` given) and their
    order. Invalid values are ignored; ``sort`` orders the list, it filters nothing."""

    status = forms.ChoiceField(
        label=_("Official status"),
        choices=[("", _("Any status")), *Proposal.Status.choices],
        required=False,
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        choices=[(value, capfirst(label)) for value, label in Proposal.Sort.choices],
        required=False,
    )
    ordering_fields = ("sort",)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        if categories:
            choices = [("", _("Any category")), *((name, name) for name in categories)]
            self.fields["category"].choices = choices
        else:
            del self.fields["category"]

    def listing(self) -> dict:
        """The valid choices as keyword arguments of ``selectors.procedure_proposals``."""
        self.is_valid()  # an invalid value is left out of cleaned_data
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name, "") for name in ("status", "category", "sort")}


def _text_field(label, *, min_length: int, max_length: int = TEXT_MAX, rows: int = 5, help_text=""):
    return forms.CharField(
        label=label,
        min_length=min_length,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": _("Please write a text.")},
    )


class ProposalForm(forms.Form):
    title = TextLineField(
        label=_("Title of your proposal"),
        min_length=3,
        max_length=Proposal._meta.get_field("title").max_length,
        error_messages={"required": _("Please give your proposal a title.")},
    )
    text = _text_field(
        _("Your proposal"),
        min_length=10,
        rows=6,
        help_text=_("At most 5,000 characters."),
    )
    category = forms.CharField(
        label=_("Category"),
        max_length=Proposal._meta.get_field("category").max_length,
        required=False,
    )


class CommentForm(forms.Form):
    """A comment on the procedure, on a proposal (``proposal``) or a reply (``parent``)."""

    text = _text_field(_("Your comment"), min_length=2, rows=4)
    proposal = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, procedure=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        if self.initial.get("parent") or (self.is_bound and self.data.get("parent")):
            self.fields["text"].label = _("Your reply")

    def clean_proposal(self):
        pk = self.cleaned_data.get("proposal")
        if pk is None:
            return None
        proposal = Proposal.objects.filter(procedure=self.procedure, pk=pk).first()
        if proposal is None:
            raise forms.ValidationError(_("This proposal does not exist."))
        return proposal

    def clean_parent(self):
        pk = self.cleaned_data.get("parent")
        if pk is None:
            return None
        parent = Comment.objects.filter(procedure=self.procedure, pk=pk).first()
        if parent is None:
            raise forms.ValidationError(_("This comment does not exist."))
        return parent


class PollForm(forms.Form):
    """One field per question: radio buttons, or checkboxes where several answers are allowed.

    A poll open to visitors also carries the signed form token (``participation.tokens``) a
    visitor's vote needs; ``token`` puts it in.
    """

    def __init__(self, *args, poll, token: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        if poll.allow_anonymous:
            self.fields["token"] = forms.CharField(
                required=False, max_length=200, widget=forms.HiddenInput
            )
            if token:
                self.token_set(token)
        for question in poll.questions.all():
            choices = [(choice.pk, choice.text) for choice in question.choices.all()]
            field_class, widget = (
                (forms.TypedMultipleChoiceField, forms.CheckboxSelectMultiple)
                if question.multiple
                else (forms.TypedChoiceField, forms.RadioSelect)
            )
            self.fields[f"question_{question.pk}"] = field_class(
                label=question.text,
                choices=choices,
                coerce=int,
                widget=widget,
                error_messages={"required": _("Please answer this question.")},
                template_name="participation/includes/choice_group.html",
            )

    def token_set(self, token: str) -> None:
        """Put a fresh token in, also into a form shown again with its errors."""
        if "token" not in self.fields:
            return
        if self.is_bound:
            self.data = self.data.copy()
            self.data["token"] = token
        else:
            self.initial["token"] = token

    def token(self) -> str:
        return self.cleaned_data.get("token", "")

    def chosen(self) -> list[int]:
        chosen = []
        for name, value in self.cleaned_data.items():
            if name.startswith("question_"):
                chosen.extend(value if isinstance(value, list) else [value])
        return chosen


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def _required(message):
    return {"required": message}


class StatementForm(HoneypotForm):
    """A formal statement, with an account or without: name and postal address always (the
    law asks for them), an e-mail address for the receipt from visitors without an account
    (``user``); a signed-in person's is prefilled and may be left empty."""

    text = _text_field(_("Your statement"), min_length=10, max_length=20000, rows=10)
    attachments = MultipleFileField(
        label=_("Attachments (PDF)"),
        required=False,
        help_text=_("Up to three PDF files of at most 10 MB each."),
    )
    name = TextLineField(
        label=_("First and last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=_required(_("Please give your first and last name.")),
    )
    street = forms.CharField(
        label=_("Street and number"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        error_messages=_required(_("Please give your street and house number.")),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        error_messages=_required(_("Please give your postcode.")),
    )
    city = forms.CharField(
        label=_("City"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages=_required(_("Please give your city.")),
    )
    email = forms.EmailField(
        label=_("E-mail address for the receipt"),
        required=False,
        help_text=_("Without one, the receipt goes to the address of your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            **_required(EMAIL_NEEDED),
            "invalid": _("Please give a valid e-mail address, such as name@example.org."),
        },
    )
    honeypot_message = _(
        "Your statement was not sent: a field that has to stay empty was filled in. "
        "Please send the form again."
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.initial.setdefault("email", user.email)
        else:
            email = self.fields["email"]
            email.required = True
            email.help_text = _(
                "The receipt with the reference number goes to this address, and later the "
                "result of the weighing. It is never published."
            )

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        attachments_validate(files)
        return files

    submission = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    def statement_data(self) -> dict:
        """The cleaned values ``statement_create`` takes."""
        return {name: self.cleaned_data[name] for name in self.fields if name != "website"}


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the moderation look at this?"),
        min_length=3,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please give a reason.")},
    )


# The Vorhabenliste -----------------------------------------------------------------------------


class PlannedProjectFilterForm(FilterForm):
    """A GET form that works without JavaScript: every field optional, invalid values ignored."""

    district = _slug_filter(District.objects.all(), capfirst(_("district")), _("All districts"))
    topic = _slug_filter(Topic.objects.all(), capfirst(_("topic")), _("All topics"))
    status = forms.ChoiceField(
        choices=[("", _("Every status")), *PlannedProjectPage.Status.choices],
        required=False,
        label=capfirst(_("status")),
    )
    participation = forms.ChoiceField(
        choices=[("", _("Either")), ("yes", _("yes")), ("no", _("no"))],
        required=False,
        label=capfirst(_("participation planned")),
    )

    def filter(self, plans):
        if not self.is_bound or not self.is_valid():
            return plans
        data = self.cleaned_data
        if data["district"]:
            plans = plans.filter(districts=data["district"])
        if data["topic"]:
            plans = plans.filter(topics=data["topic"])
        if data["status"]:
            plans = plans.filter(status=data["status"])
        if data["participation"]:
            plans = plans.filter(participation_planned=data["participation"] == "yes")
        return plans.distinct()


class FolderChoiceForm(forms.Form):
    """Where the new procedure goes: the district folders in which the user may add pages."""

    folder = forms.ModelChoiceField(
        DistrictFolderPage.objects.none(),
        label=_("District folder"),
        help_text=_("The procedure is created there as a draft that you complete and publish."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        folders = [
            folder
            for folder in DistrictFolderPage.objects.order_by("path")
            if folder.permissions_for_user(user).can_add_subpage()
        ]
        self.fields["folder"].queryset = DistrictFolderPage.objects.filter(
            pk__in=[folder.pk for folder in folders]
        ).order_by("path")
