"""Titles and names as people type them, without invisible characters that disguise them."""

import unicodedata

from django import forms

#: The zero-width non-joiner and joiner: Persian, Arabic, Kurdish and Indic scripts need them to
#: spell words correctly, and emoji sequences (👩‍💻) are joined with the latter. They cannot
#: reorder text.
KEPT_FORMAT_CONTROLS = frozenset({"\u200c", "\u200d"})


def strip_format_controls(text: str) -> str:
    """``text`` without the invisible format characters of Unicode (category Cf) except the
    zero-width non-joiner and joiner (U+200C, U+200D).

    Dropped are, among others, the bidirectional overrides, embeddings and isolates
    (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C) with which a title such as
    "abc\\u202efdp.exe" is shown as "abcexe.pdf", the zero-width space U+200B and the byte order
    mark U+FEFF that make two identical-looking names differ, the soft hyphen and tag characters.
    For titles and names only: a long text keeps what its author typed.
    """
    return "".join(
        char
        for char in text or ""
        if char in KEPT_FORMAT_CONTROLS or unicodedata.category(char) != "Cf"
    )


class TextLineField(forms.CharField):
    """A form field for a title or name: the format characters are dropped before the field
    checks that something was entered, so a title of nothing but U+202E is as empty as none."""

    def to_python(self, value):
        if isinstance(value, str):
            value = strip_format_controls(value)
        return super().to_python(value)
