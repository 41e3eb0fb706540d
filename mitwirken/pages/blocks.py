"""StreamField blocks shared by every page type. No block queries the database when rendered."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .sections import section_choices


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subsection heading (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        preview_value = {"text": "Wie Sie mitmachen können", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        preview_value = {"alt_text": "", "caption": ""}


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=250)
    link_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or a web address"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")
        preview_value = {
            "text": "Sagen Sie uns Ihre Meinung.",
            "link_label": "Jetzt mitmachen",
            "url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or enter a web address.")]}
            )
        return value


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question or title"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer or content"))


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Entries"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        label = _("Accordion / FAQ")
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [{"question": "Wer darf mitmachen?", "answer": "<p>Alle.</p>"}],
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        label = _("Document download")
        preview_value = {"title": "Erklärung zur Barrierefreiheit (PDF)"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        preview_value = {"quote": "Beteiligung lebt vom Mitmachen.", "attribution": "Ombudsstelle"}


class VideoBlock(blocks.StructBlock):
    """A self-hosted video: downloadable, with size, duration and a transcript (BITVNRW, DGS)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    duration = blocks.CharBlock(
        label=_("Duration"), max_length=20, help_text=_("For example 3:45 (minutes:seconds).")
    )
    poster = ImageChooserBlock(label=_("Preview image"), required=False)
    captions = DocumentChooserBlock(label=_("Subtitles (WebVTT)"), required=False)
    transcript = blocks.RichTextBlock(label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video with transcript")
        preview_value = {"title": "Video", "duration": "1:00", "transcript": "<p>…</p>"}


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    video = VideoBlock()


class HomeSectionBlock(blocks.StructBlock):
    """Where a section filled automatically (open procedures, events, news...) goes on the home
    page, with a heading of the editors' own. The home page renders the section itself
    (``sections.home_parts``); this block's template is the editors' preview."""

    section = blocks.ChoiceBlock(label=_("Section"), choices=section_choices)
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for the standard heading."),
    )
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=400)

    class Meta:
        icon = "list-ul"
        template = "blocks/home_section.html"
        label = _("Automatic section")
        help_text = _(
            "The content is filled in automatically. Sections not placed here follow at the end."
        )
        preview_value = {"section": "open-procedures", "heading": "", "intro": ""}


class HomeBodyBlock(BodyBlock):
    """The home page's blocks: those of every page, and where each automatic section goes."""

    section = HomeSectionBlock()
