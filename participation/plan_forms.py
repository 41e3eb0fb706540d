"""Forms of the Vorhabenliste: the public filter, and the folder for a new procedure."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mitwirken.places.models import District, Topic

from .models import DistrictFolderPage, PlannedProjectPage


class PlannedProjectFilterForm(forms.Form):
    """A GET form that works without JavaScript: every field optional, invalid values ignored."""

    district = forms.ModelChoiceField(
        District.objects.all(),
        required=False,
        label=capfirst(_("district")),
        empty_label=_("All districts"),
        to_field_name="slug",
    )
    topic = forms.ModelChoiceField(
        Topic.objects.all(),
        required=False,
        label=capfirst(_("topic")),
        empty_label=_("All topics"),
        to_field_name="slug",
    )
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
