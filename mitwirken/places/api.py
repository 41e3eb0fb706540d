"""The districts and topics in the read API (mitwirken.opendata, docs/api.md)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from mitwirken.opendata.registry import Dataset

from .models import District, Topic


class DistrictSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ("slug", "name", "residents", "residents_as_of", "residents_source")


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ("slug", "name", "description")


DATASETS = [
    Dataset(
        name="districts",
        title=_("Districts"),
        description=_(
            "Dortmund's twelve Stadtbezirke with their residents, the figure's date and source."
        ),
        queryset=District.objects.all,
        serializer=DistrictSerializer,
    ),
    Dataset(
        name="topics",
        title=_("Topics"),
        description=_("The topics procedures and planned projects are sorted by."),
        queryset=Topic.objects.all,
        serializer=TopicSerializer,
    ),
]
