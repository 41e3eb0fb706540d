"""The public form to suggest a format for the Instrumentenkoffer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitwirken.text import TextLineField
from mitwirken.web.forms import HoneypotForm

from .models import FormatCategory, FormatSuggestion


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
