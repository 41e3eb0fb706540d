"""Read pages and mails the way a visitor or an assistive technology meets them."""

import re
from html.parser import HTMLParser

from django.utils.html import strip_tags


class PageStructure(HTMLParser):
    """The title, the h1s, which inputs have a label, and what a strict CSP would refuse."""

    def __init__(self, html: str):
        super().__init__()
        self.title = ""
        self.h1_count = 0
        self.label_targets: set[str] = set()
        self.inputs: list[dict] = []
        self.style_attributes = 0
        self.inline_scripts = 0
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "style" in attributes:
            self.style_attributes += 1
        if tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])
        elif tag in {"input", "select", "textarea"} and attributes.get("type") != "hidden":
            self.inputs.append(attributes)
        elif tag == "script" and "src" not in attributes:
            # A JSON data block is never run, so the CSP does not refuse it.
            self.inline_scripts += attributes.get("type") != "application/json"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    @property
    def unlabelled_inputs(self) -> list[dict]:
        return [field for field in self.inputs if field.get("id") not in self.label_targets]


def structure(response) -> PageStructure:
    return PageStructure(response.content.decode())


def main_structure(response) -> PageStructure:
    return PageStructure(_element(response, "main"))


def header_text(response) -> str:
    """The text of the page header, where the logged-in person's public name appears."""
    return " ".join(strip_tags(_element(response, "header")).split())


def main_text(response) -> str:
    return " ".join(strip_tags(_element(response, "main")).split())


def _element(response, tag: str) -> str:
    pattern = rf"<{tag}\b.*?</{tag}>"
    return re.search(pattern, response.content.decode(), re.DOTALL).group(0)


def link_in_mail(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)
