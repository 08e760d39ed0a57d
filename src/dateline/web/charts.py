"""Charts drawn on the server as inline SVG, so the dashboard needs no script from anywhere."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

# One colour per PLOVER family: cooperation in blues/greens, conflict in reds.
TYPE_COLOURS = {
    "AGREE": "#1f77b4", "CONSULT": "#4e9fd6", "SUPPORT": "#2ca02c", "CONCEDE": "#98df8a",
    "COOPERATE": "#17becf", "AID": "#9edae5", "RETREAT": "#bcbd22", "REQUEST": "#aec7e8",
    "ACCUSE": "#ff9896", "REJECT": "#ffbb78", "THREATEN": "#ff7f0e", "PROTEST": "#e377c2",
    "SANCTION": "#c49c94", "MOBILIZE": "#8c564b", "COERCE": "#d62728", "ASSAULT": "#7f0000",
}  # fmt: skip


def stacked_bars(counts: Sequence[tuple[str, str, int]], width: int = 720, height: int = 220) -> str:
    """A stacked bar chart of (period, event type, count) as an SVG string."""
    periods = sorted({p for p, _, _ in counts})
    if not periods:
        return '<p class="empty">No dated events yet.</p>'
    totals = {p: sum(n for q, _, n in counts if q == p) for p in periods}
    top = max(totals.values())
    bar = max(4.0, (width - 40) / len(periods) - 4)
    parts = [f'<svg viewBox="0 0 {width} {height + 40}" role="img" aria-label="events by type and week">']
    for i, period in enumerate(periods):
        x = 30 + i * (bar + 4)
        y = float(height)
        for _, type_, n in sorted((c for c in counts if c[0] == period), key=lambda c: c[1]):
            h = n / top * (height - 10)
            y -= h
            colour = TYPE_COLOURS.get(type_, "#999")
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(period)}: {n} {escape(type_)}</title></rect>"
            )
        if len(periods) <= 20 or i % max(1, len(periods) // 10) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height + 14}" font-size="9">{escape(period)}</text>')
    parts.append(f'<text x="0" y="12" font-size="10">{top}</text></svg>')
    return "".join(parts)


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
