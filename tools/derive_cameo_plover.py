"""Derive `src/dateline/store/cameo_plover.tsv` from the public PLOVER ontology (run once, by hand).

Reads the CAMEO->PLOVER conversion table (`CAMEO2PLOVER-2021.txt`, Schrodt 2021) and the PLOVER
manual's LaTeX source, both CC BY-SA, and writes one row per CAMEO code: its PLOVER type, mode
and context(s). A mode is kept only when the manual lists it for that type, and a context only
when it is one of the manual's general contexts (after the two renamings below), so the export
never carries a value the manual does not define.

    python tools/derive_cameo_plover.py ../shared/data/events > src/dateline/store/cameo_plover.tsv
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# The conversion table predates two context names of the manual.
CONTEXT_RENAMES = {"democracy": "pro_democracy", "peacekeeping": "military"}


def manual_modes(tex: str) -> dict[str, set[str]]:
    """The modes tables of the manual: PLOVER type -> mode names (commented-out rows left out)."""
    modes: dict[str, set[str]] = {}
    for m in re.finditer(
        r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}?[^\n]*modes?[^\n]*\}(.*?)\\end\{tabular\}", tex, re.S
    ):
        names = modes.setdefault(m.group(1), set())
        for line in m.group(2).splitlines():
            name = line.split("&")[0].strip()
            if "&" in line and name and name != "Name" and not name.startswith("%"):
                names.add(name)
    # REJECT's table says "These modes are shared with REQUEST".
    modes["REQUEST"] = set(modes.get("REJECT", ()))
    return modes


def manual_contexts(tex: str) -> set[str]:
    """The general contexts table of the manual."""
    table = tex.split("START CONTEXTS TABLE", 1)[1].split("END CONTEXTS TABLE", 1)[0]
    return {n.replace("\\_", "_") for n in re.findall(r"\\hyperref\[[^]]*\]\{([^}]*)\}", table)}


def main(folder: Path) -> None:
    tex = (folder / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    modes, contexts = manual_modes(tex), manual_contexts(tex)
    seen: set[str] = set()
    print("cameo\tplover_type\tmode\tcontext\tcameo_name")
    for line in (folder / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("~~~~~"):  # the table ends; notes follow
            break
        found = re.match(r"^(\d{3,4}):\s*(.*)$", line)  # two-digit lines are section headings
        if not found or found.group(1) in seen:
            continue
        code, rest = found.groups()
        fields, _, name = rest.partition("#")
        type_, mode, context = ([p.strip() for p in fields.split(",")] + ["", ""])[:3]
        mode = mode if mode in modes.get(type_, set()) else ""
        named = [CONTEXT_RENAMES.get(c.strip(), c.strip()) for c in context.split(";")]
        context = ";".join(c for c in named if c in contexts)
        seen.add(code)
        print("\t".join((code, type_, mode, context, name.strip())))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
