from django import forms
from django.core.validators import EMPTY_VALUES
from django.utils.translation import gettext_lazy as _

from .fragments import page_number


class HoneypotForm(forms.Form):
    """A form with a field people never see: software that fills in every field gives itself
    away, and the form is refused with ``honeypot_message``."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        template_name="components/honeypot.html",
    )
    honeypot_message = _(
        "Your request was not sent: a field that has to stay empty was filled in. "
        "Please send the form again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = self.fields.pop("website")  # last, after the visible fields

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data


class FilterForm(forms.Form):
    """A GET form that narrows a list (``components/filter.html``): every field optional, so
    none is marked "optional"; the filter shows how many of its fields are in use."""

    mark_optional = False
    #: Fields that order the list rather than narrow it: not counted as filters in use.
    ordering_fields: tuple[str, ...] = ()

    @property
    def active_filter_count(self) -> int:
        """How many fields filter the list: those with a valid, non-empty value."""
        if not self.is_bound:
            return 0
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return sum(
            1
            for name in self.fields
            if name not in self.ordering_fields and data.get(name) not in EMPTY_VALUES
        )

    def fragment_key(self, request) -> str | None:
        """The list this form filters as a fragment's value (``mitwirken.web.fragments``): its
        valid choices and the page number, when the query string holds nothing else in any other
        spelling. ``None`` (render, do not keep) for a search term, which anyone may vary
        without end, and for anything not valid or unknown."""
        number = page_number(request)
        if number is None or any(
            name not in {*self.fields, "page"} or len(values) != 1
            for name, values in request.GET.lists()
        ):
            return None
        if self.is_bound and not self.is_valid():
            return None
        parts = []
        for name, field in self.fields.items():
            raw = self.data.get(name, "") if self.is_bound else ""
            if not raw:
                continue
            value = field.prepare_value(self.cleaned_data[name])
            if isinstance(field, forms.CharField) or str(value) != raw:
                return None
            parts.append(f"{name}={raw}")
        return "&".join([*parts, f"page={number}"])
