"""Blocks of the toolkit: the steps of "how it works"."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "list-ol"
        template = "toolkit/blocks/step.html"
        preview_template = "toolkit/blocks/step_preview.html"  # a step is a list item
        label = _("Step")
        preview_value = {
            "heading": "Einladen",
            "text": "Laden Sie die Nachbarschaft mit Aushängen und Postwurfsendungen ein.",
        }


class HowItWorksBlock(blocks.StreamBlock):
    step = StepBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
