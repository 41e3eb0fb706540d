"""Forms of the training pages: the GET filter of the modules (no JavaScript needed), the name
on a certificate and the check of a certificate's code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitwirken.places.models import District
from mitwirken.web.forms import FilterForm
from toolkit.models import FormatPage

from .models import Audience, Mode


class CheckboxInput(forms.CheckboxInput):
    """A checkbox that sends ``1`` when ticked, so the filter's URL reads ``…&free=1``. (Its
    class name makes Django's ``widget_type`` "checkbox", which the field component renders as
    a KERN checkbox.)"""

    def format_value(self, value):
        return "1"


class FlagField(forms.BooleanField):
    widget = CheckboxInput

    def prepare_value(self, value):
        return "1" if value else ""


def _slug_filter(queryset, label, empty_label) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset, label=label, to_field_name="slug", required=False, empty_label=empty_label
    )


class ModuleFilterForm(FilterForm):
    """The filter of /schulungen/: for whom, which format a module teaches, and how, where and
    whether with a free place its upcoming sessions take place. Values as slugs in the URL."""

    audience = _slug_filter(Audience.objects.all(), _("For whom"), _("Everyone"))
    format = forms.ModelChoiceField(
        FormatPage.objects.live()
        .filter(training_modules__isnull=False)
        .distinct()
        .order_by("title"),
        label=_("Format taught"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any format"),
    )
    mode = forms.ChoiceField(
        label=_("How"), choices=[("", _("Online or in person")), *Mode.choices], required=False
    )
    district = _slug_filter(
        District.objects.order_by("sort_order", "name"), _("District"), _("All districts")
    )
    free = FlagField(label=_("Only with free places"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "training-filter-%s")
        super().__init__(*args, **kwargs)

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``selectors.module_list``; a field with an
        invalid value shows its error and is left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        return {
            "audience": data.get("audience"),
            "format": data.get("format"),
            "mode": data.get("mode") or "",
            "district": data.get("district"),
            "free_places": bool(data.get("free")),
        }

    def query(self) -> str:
        """The valid filters a calendar feed takes (audience, district) as a query string."""
        filters = self.filters()
        parts = [
            f"{name}={filters[name].slug}"
            for name in ("audience", "district")
            if filters.get(name) is not None
        ]
        return f"?{'&'.join(parts)}" if parts else ""


class CertificateNameForm(forms.Form):
    """The name printed on a certificate of participation."""

    name = forms.CharField(
        label=_("Name on the certificate"),
        max_length=120,
        help_text=_("As it is to be printed, for example your first and last name."),
    )


class CertificateCheckForm(forms.Form):
    """The code of a certificate, to check it (GET)."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        help_text=_("It is printed on the certificate, for example TN-7KQ4-M2XD."),
    )
