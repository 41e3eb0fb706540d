"""The A–Z index: every live offering and procedure, filed under its initial."""

import unicodedata
from dataclasses import dataclass

from participation.selectors import procedures_with_status

from ..models import OfferingPage
from . import Listed

OTHER_LETTER = "#"
ALPHABET = [chr(code) for code in range(ord("A"), ord("Z") + 1)]


@dataclass
class Entry(Listed):
    status: str = ""


@dataclass
class Letter:
    letter: str
    entries: list[Entry]

    @property
    def anchor(self) -> str:
        return "letter-other" if self.letter == OTHER_LETTER else f"letter-{self.letter.lower()}"


def sort_key(title: str) -> str:
    """A title as it sorts: umlauts and accents like their base letter (Ö with O), ß as ss,
    case ignored."""
    decomposed = unicodedata.normalize("NFKD", title)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def initial(title: str) -> str:
    """The letter a title is filed under: its first letter without accents, or ``#``."""
    for char in sort_key(title):
        if char.isalnum():
            upper = char.upper()
            return upper if upper in ALPHABET else OTHER_LETTER
    return OTHER_LETTER


def a_to_z_letters(*, now=None) -> list[Letter]:
    """Every live offering and procedure (any status), grouped by initial in alphabetical
    order, ``#`` (digits and other characters) last. Three queries for the offerings and
    procedures plus participation's prefetches, however many there are."""
    entries = [Entry("offering", offering) for offering in OfferingPage.objects.live().public()]
    entries += [
        Entry("procedure", procedure, procedure.listing_status)
        for procedure in procedures_with_status(now=now)
    ]
    entries.sort(key=lambda entry: (sort_key(entry.page.title), entry.kind, entry.page.pk))
    letters: dict[str, list[Entry]] = {}
    for entry in entries:
        letters.setdefault(initial(entry.page.title), []).append(entry)
    order = [*ALPHABET, OTHER_LETTER]
    return [Letter(letter, letters[letter]) for letter in order if letter in letters]


def letter_navigation(letters: list[Letter]) -> list[dict]:
    """A to Z (and ``#`` where used), each with its anchor and whether it has entries."""
    present = {letter.letter for letter in letters}
    return [
        {"letter": letter, "anchor": Letter(letter, []).anchor, "present": letter in present}
        for letter in [*ALPHABET, OTHER_LETTER]
        if letter != OTHER_LETTER or letter in present
    ]
