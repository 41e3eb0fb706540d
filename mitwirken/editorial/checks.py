"""``manage.py check`` refuses a registration that would grant nothing: a misspelt label, a page
type that is no page, a district page without its ``district`` field."""

from django.apps import apps
from django.core import checks
from wagtail.models import Page

from .registry import registry


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


@checks.register()
def registered_models_check(app_configs, **kwargs) -> list[checks.Error]:
    errors = []
    for label in sorted(registry.ombudsstelle_snippets):
        if _model(label) is None:
            errors.append(checks.Error(f"No model {label!r}.", id="editorial.E001"))
    for label in sorted(registry.ombudsstelle_pages | registry.district_pages):
        model = _model(label)
        if model is None or not issubclass(model, Page):
            errors.append(checks.Error(f"No page type {label!r}.", id="editorial.E002"))
    for label in sorted(registry.district_pages):
        model = _model(label)
        if model is not None and not any(f.name == "district" for f in model._meta.fields):
            error = f"District page {label!r} has no field 'district'."
            errors.append(checks.Error(error, id="editorial.E003"))
    return errors
