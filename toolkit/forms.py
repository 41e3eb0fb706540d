"""Forms of the Instrumentenkoffer's public side: the filter of the format list and the choice
of formats to compare (GET forms), and the suggestion of a format. All work without
JavaScript."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mitwirken.text import TextLineField
from mitwirken.web.forms import FilterForm, HoneypotForm

from .models import (
    FormatCategory,
    FormatPage,
    FormatSuggestion,
    Level,
    Mode,
    Openness,
    Purpose,
    Recruitment,
)
from .selectors import formats_for_comparison

COMPARE_MIN = 2
COMPARE_MAX = 4
#: Page ids are 32-bit integers; a larger number is not an id (and would overflow the query).
MAX_ID = 2**31 - 1


def _label(field_name):
    return capfirst(FormatPage._meta.get_field(field_name).verbose_name)


class FormatFilterForm(FilterForm):
    """Every field optional; a field with an invalid value shows its error and is ignored, the
    valid ones still filter."""

    q = forms.CharField(label=_("Search term"), max_length=200, required=False)
    category = forms.ModelChoiceField(
        FormatCategory.objects.order_by("sort_order", "name"),
        required=False,
        label=_label("category"),
        empty_label=_("All categories"),
        to_field_name="slug",
    )
    mode = forms.ChoiceField(
        choices=[("", _("Any mode")), *Mode.choices], required=False, label=_label("mode")
    )
    purpose = forms.ChoiceField(
        choices=[("", _("Any purpose")), *Purpose.choices],
        required=False,
        label=_label("purpose"),
    )
    openness = forms.ChoiceField(
        choices=[("", _("Anyone or selected people")), *Openness.choices],
        required=False,
        label=_label("openness"),
    )
    recruitment = forms.ChoiceField(
        choices=[("", _("Any recruitment")), *Recruitment.choices],
        required=False,
        label=_label("recruitment"),
    )
    participants = forms.IntegerField(
        label=_("Number of participants"),
        help_text=_("Formats that suit this many people."),
        min_value=1,
        max_value=1_000_000,
        required=False,
        # A text field (as GOV.UK advises for numbers): it can show a wrong value again as typed.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    cost_level = forms.ChoiceField(
        choices=[("", _("Any costs")), *Level.choices],
        required=False,
        label=_("Costs at most"),
    )
    staff_effort = forms.ChoiceField(
        choices=[("", _("Any staff effort")), *Level.choices],
        required=False,
        label=_("Staff effort at most"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "format-filter-%s")
        super().__init__(*args, **kwargs)

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``selectors.format_list`` (without the
        category, see ``category``)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data  # holds the fields whose values are valid
        return {
            "query": (data.get("q") or "").strip(),
            "mode": data.get("mode") or "",
            "purpose": data.get("purpose") or "",
            "openness": data.get("openness") or "",
            "recruitment": data.get("recruitment") or "",
            "max_cost": data.get("cost_level") or "",
            "max_staff_effort": data.get("staff_effort") or "",
            "participants": data.get("participants"),
        }

    def selected_category(self) -> FormatCategory | None:
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get("category")


class FormatIdsField(forms.Field):
    """The ``format`` parameter, repeated: a list of raw strings, checked by the form."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, list | tuple):
            return [str(item).strip() for item in value]
        return [str(value).strip()]


class FormatCompareForm(forms.Form):
    """Two to four different, published formats; ``cleaned_data["formats"]`` holds them in the
    order they were chosen."""

    format = FormatIdsField(required=False)

    def clean_format(self):
        values = self.cleaned_data["format"]
        if len(values) < COMPARE_MIN:
            raise forms.ValidationError(
                _("Please choose at least %(min)d formats to compare."),
                code="too_few",
                params={"min": COMPARE_MIN},
            )
        if len(values) > COMPARE_MAX:
            raise forms.ValidationError(
                _("Please choose at most %(max)d formats to compare."),
                code="too_many",
                params={"max": COMPARE_MAX},
            )
        if not all(
            value.isascii() and value.isdigit() and len(value) <= 10 and int(value) <= MAX_ID
            for value in values
        ):
            raise forms.ValidationError(_("The choice of formats is not valid."), code="invalid")
        ids = [int(value) for value in values]
        if len(set(ids)) != len(ids):
            raise forms.ValidationError(_("Please choose each format only once."), code="duplicate")
        formats = formats_for_comparison(ids)
        if len(formats) != len(ids):
            raise forms.ValidationError(
                _("At least one of the chosen formats does not exist or is not published."),
                code="unknown",
            )
        self.cleaned_data["formats"] = formats
        return ids


# Suggesting a format --------------------------------------------------------------------------


def _max_length(name: str) -> int:
    return FormatSuggestion._meta.get_field(name).max_length


class FormatSuggestionForm(HoneypotForm):
    title = TextLineField(
        label=_("Name of the format"),
        max_length=_max_length("title"),
        error_messages={"required": _("Please give the format a name.")},
    )
    description = forms.CharField(
        label=_("How it works"),
        max_length=_max_length("description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe in a few sentences what happens and who takes part. At most 2000 characters."
        ),
        error_messages={"required": _("Please describe how the format works.")},
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=FormatCategory.objects.all(),
        required=False,
        empty_label=_("I don't know"),
    )
    counterpart = forms.CharField(
        label=_("Established format it replaces or complements"),
        max_length=_max_length("counterpart"),
        required=False,
        help_text=_("For example: a citizens' meeting in the district town hall."),
    )
    example_url = forms.URLField(
        label=_("Where it has been used (link)"),
        max_length=_max_length("example_url"),
        required=False,
        assume_scheme="https",
        help_text=_("A web page about an example, so we can read more."),
    )
    honeypot_message = _(
        "Your suggestion was not sent: a field that has to stay empty was filled in. "
        "Please send the form again."
    )

    def suggestion_data(self) -> dict:
        """The cleaned values ``suggestion_create`` takes."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "category": data.get("category"),
            "counterpart": data.get("counterpart", ""),
            "example_url": data.get("example_url", ""),
        }
