"""Files for upload tests: real PDFs made with pypdf, plain and hostile."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

A4 = (595, 842)


def pdf_bytes(*, pages: int = 1, open_action_js: str = "", page_actions: bool = False) -> bytes:
    """A minimal real PDF of blank A4 pages. ``open_action_js`` adds an ``/OpenAction`` that
    runs that JavaScript when the file is opened; ``page_actions`` gives the first page an
    ``/AA`` (additional actions) entry that opens a web address when the page is shown."""
    writer = PdfWriter()
    for _number in range(pages):
        writer.add_blank_page(*A4)
    if open_action_js:
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject(open_action_js),
            }
        )
    if page_actions:
        writer.pages[0][NameObject("/AA")] = DictionaryObject(
            {
                NameObject("/O"): DictionaryObject(
                    {
                        NameObject("/S"): NameObject("/URI"),
                        NameObject("/URI"): TextStringObject("https://example.org/"),
                    }
                )
            }
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name: str = "einwendung.pdf", content: bytes | None = None) -> SimpleUploadedFile:
    """An uploaded file as a browser sends it: a real PDF unless ``content`` is given."""
    return SimpleUploadedFile(
        name, pdf_bytes() if content is None else content, content_type="application/pdf"
    )
