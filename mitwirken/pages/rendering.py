"""Render every Django form in KERN UX markup: labels, hints and errors tied to their inputs."""

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
    "radio": "kern-form-check__radio",
}


class KernBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = WIDGET_CLASSES.get(widget.input_type if hasattr(widget, "input_type") else "", "")
        css = css or "kern-form-input__input"
        if self.errors:
            css += f" {css}--error"
            described_by = [f"{self.auto_id}_error"]
            if self.help_text:
                described_by.append(f"{self.auto_id}_helptext")
            attrs["aria-describedby"] = " ".join(described_by)
        attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        return attrs


class KernFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    bound_field_class = KernBoundField
