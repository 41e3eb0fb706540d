"""Render the portal's forms in KERN UX markup: labels, hints and errors tied to their inputs.

The renderer only swaps the form and field templates, so Wagtail's admin (which renders its
fields with its own templates) is untouched; ``kern_widget`` adds the KERN classes and the
``aria-describedby`` ids that ``templates/components/field.html`` writes.
"""

from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
    "radio": "kern-form-check__radio",
}


class KernFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


def kern_widget(field) -> str:
    """The field's widget with KERN classes, linked to the hint and error shown beside it."""
    css = WIDGET_CLASSES.get(field.widget_type, "kern-form-input__input")
    attrs = {"class": f"{field.field.widget.attrs.get('class', '')} {css}".strip()}
    if field.errors:
        attrs["class"] += f" {css}--error"
        described_by = [f"{field.auto_id}_error"]
        if field.help_text:
            described_by.append(f"{field.auto_id}_helptext")
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
