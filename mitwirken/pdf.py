"""Is an upload a real PDF without active content? Parsed with pypdf, not judged by its name
or its first bytes: an HTML or SVG file that starts with ``%PDF`` is not a PDF, and a PDF that
runs JavaScript, starts an action when opened, launches a program or carries other files is
refused rather than cleaned (docs/security.md)."""

import logging

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

logger = logging.getLogger(__name__)

NOT_PDF = "not_pdf"
ENCRYPTED = "encrypted"
ACTIVE_CONTENT = "active_content"

#: Names that make a PDF act on its own: as keys (``/OpenAction``, ``/AA``, ``/JS``,
#: ``/EmbeddedFiles``) or as the type of an action (``/S /JavaScript``, ``/S /Launch``).
ACTIVE_NAMES = frozenset({"/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFiles", "/Launch"})
#: The same words in the raw bytes, for objects a lenient viewer might find and pypdf does not
#: reach (short names like /JS and /AA would turn up by chance in compressed data).
ACTIVE_BYTES = (b"/JavaScript", b"/OpenAction", b"/EmbeddedFiles", b"/Launch")
#: A bound on the objects looked at, so that a crafted file cannot keep a worker busy.
MAX_OBJECTS = 100_000
CHUNK = 1024 * 1024


def pdf_problem(file) -> str | None:
    """``None`` for a readable PDF with at least one page and no active content, else why not:
    ``NOT_PDF``, ``ENCRYPTED`` or ``ACTIVE_CONTENT``. ``file`` is read from its start and
    rewound."""
    file.seek(0)
    try:
        if _raw_contains(file, ACTIVE_BYTES):
            return ACTIVE_CONTENT
        file.seek(0)
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            return ENCRYPTED
        if len(reader.pages) < 1:
            return NOT_PDF
        return ACTIVE_CONTENT if _has_active_content(reader) else None
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
        logger.info("An upload is not a readable PDF: %r", error)
        return NOT_PDF
    finally:
        file.seek(0)


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - an unknown or unsupported encryption
        return False


def _raw_contains(file, needles) -> bool:
    overlap = max(len(needle) for needle in needles) - 1
    tail = b""
    while chunk := file.read(CHUNK):
        window = tail + chunk
        if any(needle in window for needle in needles):
            return True
        tail = window[-overlap:]
    return False


def _has_active_content(reader: PdfReader) -> bool:
    """Walks every object reachable from the trailer (catalogue, pages, annotations, form
    fields, name trees) and looks for an active name as a key or a value."""
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            reference = (item.idnum, item.generation)
            if reference in seen:
                continue
            seen.add(reference)
            item = item.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise ValueError("Too many objects in the PDF")
        if isinstance(item, DictionaryObject):
            if any(key in ACTIVE_NAMES for key in item):
                return True
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
        elif isinstance(item, NameObject) and item in ACTIVE_NAMES:
            return True
    return False
