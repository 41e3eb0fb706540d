"""Log lines without personal data: ``PersonalDataFilter`` masks e-mail addresses, IP addresses
and tokens (signed links, confirmation keys, session keys) in every record before a handler
writes it. Every handler in ``LOGGING`` has it (docs/deployment.md, "Logs").

It formats the message first (``msg % args``) and masks the result, so an address passed as an
argument is caught as well as one in the text; the traceback of an exception is masked too.
Dates, times, numbers, ids, reference numbers, slugs and paths stay readable.

This module is loaded by ``LOGGING`` before the apps are: it imports nothing of Django's.
"""

import logging
import re

EMAIL = "[email]"
IP = "[ip]"
TOKEN = "[token]"  # noqa: S105 (the marker, no password)

_HEX = r"[0-9A-Fa-f]"
_V4 = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}"
_GROUP = rf"{_HEX}{{1,4}}"

#: (pattern, replacement) in the order applied: what contains the others first.
_PATTERNS = [
    # A query value that is a secret by its name, whatever it looks like: ?token=…, &key=….
    (
        re.compile(r"(?i)(?<=[?&;])((?:token|key|signature|sig|code|secret|password)=)[^&#\s'\"]+"),
        rf"\1{TOKEN}",
    ),
    (re.compile(r"[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"), EMAIL),
    # UUIDs before IPv6 and signed values, which would take their parts apart.
    (
        re.compile(
            rf"(?<![\w-]){_HEX}{{8}}-?{_HEX}{{4}}-?{_HEX}{{4}}-?{_HEX}{{4}}-?{_HEX}{{12}}(?![\w-])"
        ),
        TOKEN,
    ),
    # IPv6: eight groups, or fewer with "::" (a time such as 19:30:45 has neither).
    (
        re.compile(
            rf"(?<![\w:])(?:(?:{_GROUP}:){{7}}{_GROUP}"
            rf"|(?:{_GROUP}(?::{_GROUP})*)?::(?:{_GROUP}(?::{_GROUP})*)?(?::{_V4})?)"
            rf"(?:%\w+)?(?!\w|:[0-9A-Fa-f])"
        ),
        IP,
    ),
    (re.compile(rf"(?<![\w.]){_V4}(?![\w.])"), IP),
    # Signed values (Django's signing, allauth's keys): parts joined by ':', one of them long.
    (re.compile(r"(?<![\w:-])[\w-]+(?::[\w-]+)*:[\w-]{20,}(?![\w:-])"), TOKEN),
]

#: A word of letters, digits, '-' and '_' long enough to be a token; ``_is_token`` decides.
_WORD = re.compile(r"(?<![\w.-])[\w-]{20,}(?![\w-])")


def _is_token(word: str) -> bool:
    """Random rather than words: a run of 16 or more letters and digits mixed (a key in hex or
    base 36, a session key), or upper case, lower case and digits together (base64). A slug
    (``radweg-am-phoenix-see``), a name in snake case or a long number is none."""
    if any(_has(run, r"\d", r"[A-Za-z]") for run in re.split(r"[-_]", word) if len(run) >= 16):
        return True
    return _has(word, r"[a-z]", r"[A-Z]", r"\d")


def _has(text: str, *patterns: str) -> bool:
    return all(re.search(pattern, text) for pattern in patterns)


def mask(text: str) -> str:
    """``text`` with every e-mail address, IP address and token replaced by a marker."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _WORD.sub(lambda match: TOKEN if _is_token(match.group()) else match.group(), text)


class PersonalDataFilter(logging.Filter):
    """Masks the record's message (its arguments filled in) and its traceback; lets it pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format: the handler reports it as it always does
            return True
        record.msg, record.args = mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True
