"""The finder's three questions, as a GET form that works without JavaScript."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mitwirken.places.models import District

from .models import How, Intent

#: The finder's answer to "Where?" for offerings and procedures of the whole city.
WHOLE_CITY = "gesamtstadt"
RADIO_GROUP_TEMPLATE = "components/radio_group.html"
QUESTIONS = ("intent", "district", "how")


def _choice_field(label, *, required_message, **kwargs):
    return forms.ChoiceField(
        label=label,
        widget=forms.RadioSelect,
        template_name=RADIO_GROUP_TEMPLATE,
        error_messages={
            "required": required_message,
            "invalid_choice": _("Please choose one of the answers shown."),
        },
        **kwargs,
    )


class FinderForm(forms.Form):
    """What do you want to do, where, how? One answer each, as radio buttons."""

    intent = _choice_field(
        _("What do you want to do?"),
        choices=[(value, capfirst(label)) for value, label in Intent.Choices.choices],
        required_message=_("Please choose what you want to do."),
    )
    district = _choice_field(
        _("Where?"),
        help_text=_("Your Stadtbezirk, or offers for the whole city."),
        required_message=_("Please choose a district or the whole city."),
    )
    how = _choice_field(
        _("How?"),
        choices=[(value, capfirst(label)) for value, label in How.choices],
        required_message=_("Please choose how you want to take part."),
    )

    def __init__(self, *args, districts: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if districts is None:
            districts = {district.slug: district for district in District.objects.all()}
        self.districts = districts
        self.fields["district"].choices = [
            *((slug, district.name) for slug, district in self.districts.items()),
            (WHOLE_CITY, _("Whole city")),
        ]

    def _single(self, name: str):
        """A question answered twice (``?how=online&how=fly``) is not answered clearly."""
        if hasattr(self.data, "getlist") and len(self.data.getlist(name)) > 1:
            raise ValidationError(_("Please choose only one answer."), code="repeated")
        return self.cleaned_data[name]

    def clean_intent(self):
        return self._single("intent")

    def clean_district(self):
        return self._single("district")

    def clean_how(self):
        return self._single("how")

    def answers(self) -> dict:
        """The valid answers as keyword arguments of ``selectors.finder.finder_matches``."""
        data = self.cleaned_data
        return {
            "intent": data["intent"],
            "district": self.districts.get(data["district"]),
            "how": data["how"],
        }

    def fragment_key(self) -> str | None:
        """The answers (or the preset ones of an empty form) as a fragment's value: what the
        finder shows for them is the same for everyone. ``None`` while a field has an error."""
        if self.is_bound and not self.is_valid():
            return None
        values = self.cleaned_data if self.is_bound else self.initial
        return ":".join(str(values.get(name) or "") for name in QUESTIONS)

    def answer_labels(self) -> list[str]:
        """The chosen answers as the form shows them, for "Your answers: …"."""
        labels = []
        for name in QUESTIONS:
            choices = dict(self.fields[name].choices)
            labels.append(choices[self.cleaned_data[name]])
        return labels


def finder_form(query) -> tuple[FinderForm, bool]:
    """The form for the query string ``query`` and whether it was answered (and valid).

    No question in the query: the empty form ("either way" preselected). Only a district
    and/or "how", all valid: the empty form with those preset (a hub links here like that).
    Anything else is an answer: the bound form, with an error at each field that is missing,
    unknown or given twice."""
    given = [name for name in QUESTIONS if name in query]
    if not given:
        return FinderForm(initial={"how": How.EITHER}), False
    form = FinderForm(query)
    if "intent" not in given:
        form.is_valid()
        if not any(name in form.errors for name in given):
            initial = {"how": How.EITHER, **{name: form.cleaned_data[name] for name in given}}
            return FinderForm(initial=initial, districts=form.districts), False
    return form, form.is_valid()
