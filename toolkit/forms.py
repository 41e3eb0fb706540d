"""Forms of the Instrumentenkoffer's public side: the filter of the format list and the choice
of formats to compare. Both are GET forms that work without JavaScript."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import FormatCategory, FormatPage, Level, Mode, Openness, Purpose, Recruitment
from .selectors import formats_for_comparison

COMPARE_MIN = 2
COMPARE_MAX = 4
#: Page ids are 32-bit integers; a larger number is not an id (and would overflow the query).
MAX_ID = 2**31 - 1


def _label(field_name):
    return capfirst(FormatPage._meta.get_field(field_name).verbose_name)


class FormatFilterForm(forms.Form):
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
