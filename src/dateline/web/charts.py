"""Charts drawn on the server as inline SVG, so the dashboard needs no script from anywhere."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from html import escape
from importlib import resources

# One colour per PLOVER family: cooperation in blues/greens, conflict in reds.
TYPE_COLOURS = {
    "AGREE": "#1f77b4", "CONSULT": "#4e9fd6", "SUPPORT": "#2ca02c", "CONCEDE": "#98df8a",
    "COOPERATE": "#17becf", "AID": "#9edae5", "RETREAT": "#bcbd22", "REQUEST": "#aec7e8",
    "ACCUSE": "#ff9896", "REJECT": "#ffbb78", "THREATEN": "#ff7f0e", "PROTEST": "#e377c2",
    "SANCTION": "#c49c94", "MOBILIZE": "#8c564b", "COERCE": "#d62728", "ASSAULT": "#7f0000",
}  # fmt: skip


def network(centre: str, partners: Sequence[tuple[str, str, int]], size: int = 360) -> str:
    """A star graph: the actor in the middle, partners on a circle, edge width by event count.

    `partners` are (label, link, events).
    """
    if not partners:
        return '<p class="empty">No interactions yet.</p>'
    mid = size / 2
    radius = size / 2 - 60
    top = max(n for _, _, n in partners)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="interaction network">']
    nodes = []
    for i, (label, link, n) in enumerate(partners[:24]):
        angle = 2 * math.pi * i / min(len(partners), 24)
        x, y = mid + radius * math.cos(angle), mid + radius * math.sin(angle)
        parts.append(
            f'<line x1="{mid}" y1="{mid}" x2="{x:.1f}" y2="{y:.1f}" stroke="#888" '
            f'stroke-width="{1 + 5 * n / top:.1f}"><title>{n} events</title></line>'
        )
        nodes.append(
            f'<a href="{escape(link)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#4e9fd6"/>'
            f'<text x="{x:.1f}" y="{y - 9:.1f}" font-size="10" text-anchor="middle">'
            f"{escape(label)}</text></a>"
        )
    parts += nodes
    parts.append(
        f'<circle cx="{mid}" cy="{mid}" r="9" fill="#d62728"/>'
        f'<text x="{mid}" y="{mid - 13}" font-size="11" font-weight="bold" text-anchor="middle">'
        f"{escape(centre)}</text></svg>"
    )
    return "".join(parts)


def legend(types: Sequence[str]) -> str:
    """A legend of PLOVER type colours, as HTML."""
    items = "".join(
        f'<span class="legend-item"><i style="background:{TYPE_COLOURS.get(t, "#999")}"></i>'
        f"{escape(t)}</span>"
        for t in types
    )
    return f'<div class="legend">{items}</div>'


def time_bars(counts: Sequence[tuple[str, str, int]], width: int = 720, height: int = 200) -> str:
    """Stacked bars of (week start YYYY-MM-DD, type, count) on a true time axis, with a legend.

    Weeks are placed by their date, so a gap of three months looks like one; the axis is
    labelled with months or years, whichever keeps the labels apart.
    """
    weeks = sorted({p for p, _, _ in counts})
    if not weeks:
        return '<p class="empty">No dated events yet.</p>'
    days = [dt.date.fromisoformat(w) for w in weeks]
    first, last = days[0], days[-1] + dt.timedelta(days=7)
    if (last - first).days < 84:  # a few weeks still get an axis of about three months
        pad = dt.timedelta(days=(84 - (last - first).days) // 2)
        first, last = first - pad, last + pad
    span = (last - first).days
    left, bottom = 34, height
    plot = width - left - 6

    def x_of(day: dt.date) -> float:
        return left + (day - first).days / span * plot

    totals: dict[str, int] = {}
    for week, _, n in counts:
        totals[week] = totals.get(week, 0) + n
    top = max(totals.values())
    bar = max(2.5, plot * 7 / span - 1)
    parts = [
        f'<svg class="timechart" viewBox="0 0 {width} {height + 34}" role="img" '
        'aria-label="events per week by type">',
        f'<line x1="{left}" y1="{bottom}" x2="{width - 6}" y2="{bottom}" stroke="#999"/>',
        f'<line x1="{left}" y1="10" x2="{left}" y2="{bottom}" stroke="#999"/>',
        f'<text x="{left - 4}" y="14" font-size="10" text-anchor="end">{top}</text>',
        f'<text x="{left - 4}" y="{bottom}" font-size="10" text-anchor="end">0</text>',
    ]
    for week, day in zip(weeks, days, strict=True):
        y = float(bottom)
        for _, type_, n in sorted((c for c in counts if c[0] == week), key=lambda c: c[1]):
            h = n / top * (height - 14)
            y -= h
            parts.append(
                f'<rect x="{x_of(day):.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{TYPE_COLOURS.get(type_, "#999")}"><title>week of {escape(week)}: {n} '
                f"{escape(type_)}</title></rect>"
            )
    # Ticks on the first of every month, quarter or year, whichever keeps the labels apart.
    months = span / 30.4
    step = 1 if months <= 14 else 3 if months <= 40 else 12 * max(1, round(months / 12 / 10))
    tick = dt.date(first.year, 1, 1)
    while tick <= last:
        if tick >= first:
            x = x_of(tick)
            label = tick.strftime("%Y") if step >= 12 else tick.strftime("%b %Y")
            parts.append(f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="#999"/>')
            parts.append(
                f'<text x="{x:.1f}" y="{bottom + 16}" font-size="10" text-anchor="middle">{label}</text>'
            )
        month = tick.month - 1 + step
        tick = dt.date(tick.year + month // 12, month % 12 + 1, 1)
    parts.append(
        f'<text x="{left + plot / 2:.0f}" y="{bottom + 30}" font-size="10" text-anchor="middle">'
        "week (events dated to the day)</text></svg>"
    )
    present = sorted(
        {t for _, t, _ in counts}, key=lambda t: list(TYPE_COLOURS).index(t) if t in TYPE_COLOURS else 99
    )
    return "".join(parts) + legend(present)


@functools.cache
def _world() -> tuple[tuple[str, str, str], ...]:
    """(ISO3, name, SVG path) of every country, from the Natural Earth outline shipped in the package."""
    text = resources.files("dateline.web").joinpath("world.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line]
    return tuple((r[0], r[1], r[2]) for r in rows)


def world_map(
    countries: dict[str, int], points: Sequence[tuple[str, float, float, int, str]], width: int = 720
) -> str:
    """A world map as inline SVG: countries shaded by event count, events as dots where they happened.

    `countries` maps ISO3 to a count (a country links to its events); `points` are
    (place, latitude, longitude, events, link).
    """
    top = max(countries.values(), default=0)
    parts = [
        f'<svg class="worldmap" viewBox="0 0 360 170" width="{width}" role="img" '
        'aria-label="map of events"><rect width="360" height="170" fill="#eef3f8"/>'
    ]
    for iso3, name, path in _world():
        n = countries.get(iso3, 0)
        # Shade by the square root of the count, so one busy country does not wash out the rest.
        fill = f"rgba(214,39,40,{0.15 + 0.7 * math.sqrt(n / top):.2f})" if n else "#d9d9d9"
        shape = f'<path d="{path}" fill="{fill}" stroke="#fff" stroke-width="0.2"><title>{escape(name)}'
        shape += f": {n} events</title></path>" if n else "</title></path>"
        parts.append(f'<a href="/events?country={iso3}">{shape}</a>' if n and iso3 else shape)
    biggest = max((p[3] for p in points), default=1)
    for place, lat, lon, n, link in points:
        r = 0.8 + 2.4 * math.sqrt(n / biggest)
        parts.append(
            f'<a href="{escape(link)}"><circle class="event-dot" cx="{lon + 180:.2f}" cy="{90 - lat:.2f}" '
            f'r="{r:.2f}" fill="#14213d" fill-opacity="0.75" stroke="#fff" stroke-width="0.2">'
            f"<title>{escape(place)}: {n} events</title></circle></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
