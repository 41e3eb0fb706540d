"""Charts drawn on the server as SVG: horizontal bars and columns over time, in KERN's colours,
with their text as real ``<text>``, ``role="img"`` and an accessible name. A chart carries its
rows, so the template shows the same figures as a table beside it (``chart.html``). No
JavaScript; the colours give way to the system's in high-contrast mode (site.css, ``.chart``).

A value of ``None`` is a group too small to show: no bar, and the table says so.
"""

import datetime
from dataclasses import dataclass, field
from itertools import count

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

#: KERN's action blue and its dark blue for a second series; text in KERN's text colour.
COLOURS = ("#2044aa", "#0b2b6b")
TEXT = "#171a2b"
GRID = "#5c5f70"
WIDTH = 400
_ids = count(1)


def _join(parts) -> SafeString:
    """Parts made with ``format_html``, one after the other."""
    return format_html_join("", "{}", ((part,) for part in parts))


def _number(value) -> str:
    return number_format(value, decimal_pos=1 if isinstance(value, float) else None)


@dataclass
class Chart:
    """``rows``: ``(label, [value per series])``; ``series``: the series' names (one for a
    plain bar chart); ``unit``: what follows a number ("%")."""

    title: str
    rows: list[tuple[str, list]]
    series: list[str] = field(default_factory=list)
    unit: str = ""
    kind: str = "bars"  # or "columns"
    id: str = field(default_factory=lambda: f"chart-{next(_ids)}")

    def display(self, value) -> str:
        return "" if value is None else f"{_number(value)}{self.unit}"

    @property
    def table_rows(self) -> list[tuple[str, list[str | None]]]:
        """The rows for the table beside the chart: a value as shown, ``None`` when too few."""
        return [
            (label, [None if value is None else self.display(value) for value in values])
            for label, values in self.rows
        ]

    @property
    def has_values(self) -> bool:
        return any(value is not None for _, values in self.rows for value in values)

    def _largest(self) -> float:
        if self.unit.endswith("%"):
            return 100
        values = [v for _, values in self.rows for v in values if v is not None]
        if self.kind == "columns":
            values = [sum(v or 0 for v in values) for _, values in self.rows]
        return max(values, default=0) or 1

    def svg(self) -> SafeString:
        body, height = self._columns() if self.kind == "columns" else self._bars()
        return format_html(
            '<svg class="chart__svg" role="img" aria-labelledby="{}-title" viewBox="0 0 {} {}"'
            ' xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title>{}{}</svg>',
            self.id,
            WIDTH,
            height,
            self.id,
            self.title,
            self._legend(),
            body,
        )

    def _legend(self) -> SafeString:
        if len(self.series) < 2:
            return _join([])
        return format_html_join(
            "",
            '<rect class="chart__bar chart__bar--{}" x="{}" y="4" width="12" height="12"'
            ' fill="{}"/><text class="chart__text" x="{}" y="15" font-size="15"'
            ' fill="{}">{}</text>',
            (
                (n, n * 160, COLOURS[n % 2], n * 160 + 18, TEXT, name)
                for n, name in enumerate(self.series)
            ),
        )

    def _bars(self) -> tuple[SafeString, int]:
        """One group per row: the label above, a bar per series with its value after it."""
        top = 28 if len(self.series) > 1 else 4
        largest, parts, y = self._largest(), [], top
        span = WIDTH - 80
        for label, values in self.rows:
            parts.append(
                format_html(
                    '<text class="chart__text" x="0" y="{}" font-size="16" fill="{}">{}</text>',
                    y + 16,
                    TEXT,
                    label,
                )
            )
            y += 22
            for n, value in enumerate(values):
                width = round(span * (value or 0) / largest, 1)
                parts.append(
                    format_html(
                        '<rect class="chart__bar chart__bar--{}" x="0" y="{}" width="{}"'
                        ' height="16" fill="{}"/>'
                        '<text class="chart__text" x="{}" y="{}" font-size="15"'
                        ' fill="{}">{}</text>',
                        n,
                        y,
                        width,
                        COLOURS[n % 2],
                        width + 6,
                        y + 13,
                        TEXT,
                        self.display(value) or "–",
                    )
                )
                y += 20
            y += 8
        return _join(parts), y

    def _columns(self) -> tuple[SafeString, int]:
        """A column per row (a month), its series stacked, the row's label below."""
        top, plot = (28 if len(self.series) > 1 else 8), 160
        largest, parts = self._largest(), []
        slot = (WIDTH - 40) / max(len(self.rows), 1)
        width = max(4, min(36, slot * 0.7))
        base = top + plot
        parts.append(
            format_html(
                '<line class="chart__axis" x1="40" y1="{}" x2="{}" y2="{}" stroke="{}"/>'
                '<text class="chart__text" x="34" y="{}" font-size="14" text-anchor="end"'
                ' fill="{}">{}</text><text class="chart__text" x="34" y="{}" font-size="14"'
                ' text-anchor="end" fill="{}">0</text>',
                base,
                WIDTH,
                base,
                GRID,
                top + 10,
                TEXT,
                _number(largest),
                base,
                TEXT,
            )
        )
        every = max(1, len(self.rows) // 6)
        for index, (label, values) in enumerate(self.rows):
            x, y = 40 + index * slot + (slot - width) / 2, base
            for n, value in enumerate(values):
                height = round(plot * (value or 0) / largest, 1)
                y -= height
                parts.append(
                    format_html(
                        '<rect class="chart__bar chart__bar--{}" x="{}" y="{}" width="{}"'
                        ' height="{}" fill="{}"/>',
                        n,
                        round(x, 1),
                        round(y, 1),
                        round(width, 1),
                        height,
                        COLOURS[n % 2],
                    )
                )
            if index % every == 0:
                parts.append(
                    format_html(
                        '<text class="chart__text" x="{}" y="{}" font-size="14"'
                        ' text-anchor="middle" fill="{}">{}</text>',
                        round(x + width / 2, 1),
                        base + 16,
                        TEXT,
                        label,
                    )
                )
        return _join(parts), base + 24


def bar_chart(title: str, rows, *, series=(), unit: str = "") -> Chart:
    return Chart(title=str(title), rows=list(rows), series=[str(s) for s in series], unit=unit)


def month_chart(title: str, months: dict[datetime.date, list], *, series=()) -> Chart:
    """Columns per month from the first to the last with a value, empty months included."""
    if not months:
        return Chart(title=str(title), rows=[], series=[str(s) for s in series], kind="columns")
    first, last = min(months), max(months)
    rows, month = [], first
    while month <= last:
        rows.append((date_format(month, "M Y"), months.get(month, [0] * max(len(series), 1))))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return Chart(title=str(title), rows=rows, series=[str(s) for s in series], kind="columns")
