"""/api/v1/: the registered datasets (``registry``) and the OpenAPI document."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from .registry import datasets
from .views import dataset_viewset

app_name = "api"

router = SimpleRouter()
for dataset in datasets():
    router.register(dataset.name, dataset_viewset(dataset), basename=dataset.name)

urlpatterns = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    *router.urls,
]
