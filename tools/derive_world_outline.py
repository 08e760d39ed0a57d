"""Derive `src/dateline/web/world.tsv`, the dashboard's offline world map (run once, by hand).

Reads `countries-110m.json` from the npm package world-atlas 2.0.2 (Natural Earth 1:110m
Admin 0 boundaries, public domain, as TopoJSON) and writes one row per country: ISO 3166
alpha-3 code (empty when Natural Earth gives none), name, and an SVG path in an
equirectangular projection onto a 360 x 180 box (x = longitude + 180, y = 90 - latitude),
rounded to a tenth of a degree.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/derive_world_outline.py package/countries-110m.json > src/dateline/web/world.tsv
"""

from __future__ import annotations

import json
import sys

import pycountry

# Natural Earth leaves these without an ISO numeric code.
NAMED = {"Kosovo": "XKX", "N. Cyprus": "", "Somaliland": ""}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:  # type: ignore[type-arg]
    """The topology's arcs as absolute (longitude, latitude) points (they are delta-encoded, quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One closed ring from its arcs (a negative index is the reversed arc ~i)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def path(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    parts = []
    for polygon in polygons:
        for rings in polygon:
            # A ring crossing the antimeridian (Russia's far east, Fiji) jumps from one edge of
            # the map to the other: cut it there into pieces, or it draws a band across the world.
            pieces: list[list[str]] = [[]]
            last_x: float | None = None
            for lon, lat in ring(rings, arcs):
                x = lon + 180
                if last_x is not None and abs(x - last_x) > 180:
                    pieces.append([])
                point = f"{x:.1f} {90 - lat:.1f}"
                if not pieces[-1] or pieces[-1][-1] != point:
                    pieces[-1].append(point)
                last_x = x
            parts += ["M" + "L".join(piece) + "Z" for piece in pieces if len(piece) > 2]
    return "".join(parts)


def main(source: str) -> None:
    with open(source, encoding="utf-8") as stream:
        topology = json.load(stream)
    arcs = decode_arcs(topology)
    print("iso3\tname\tpath")
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        found = pycountry.countries.get(numeric=geometry.get("id", "")) if geometry.get("id") else None
        iso3 = found.alpha_3 if found else NAMED.get(name, "")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        print(f"{iso3}\t{name}\t{path(polygons, arcs)}")


if __name__ == "__main__":
    main(sys.argv[1])
