"""Which installed font the PDF reports embed for Chinese (and any other non-Latin-1) text.

fpdf2's built-in fonts cover Latin-1 only. ``scripts/setup.sh`` installs the
Debian package ``fonts-wqy-microhei`` (WenQuanYi Micro Hei, 1.6 MB, Latin and
CJK in one file); a better CJK font the machine already has (Noto Sans CJK SC,
Source Han Sans SC) is preferred. Found with fontconfig's ``fc-list`` and, where
fontconfig is absent, at the paths the Debian packages use.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "Noto Sans SC", "Droid Sans Fallback")
"""Families in order of preference; any other font fontconfig says covers Chinese comes after these."""
KNOWN_PATHS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # face 2 of the collection is SC
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
)
INSTALL_HINT = "sudo apt-get install fonts-wqy-microhei (scripts/setup.sh installs it)"
SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@dataclass(frozen=True)
class FontFile:
    """One face of an installed font file (``index``: the face within a .ttc collection)."""

    path: Path
    index: int = 0
    family: str = ""


def _rank(family: str, style: str) -> tuple[int, int]:
    family_rank = next((i for i, name in enumerate(PREFERRED) if family == name), len(PREFERRED))
    return family_rank, 0 if style.lower() in ("regular", "book", "normal", "") else 1


def pick(listing: str) -> FontFile | None:
    """The best face in ``fc-list --format FC_FORMAT`` output (lines of file, index, family, style)."""
    found = []
    for line in listing.splitlines():
        path, index, family, style = (line.split("\t") + ["", "", ""])[:4]
        if not path.lower().endswith(SUFFIXES) or "mono" in family.lower() or not Path(path).is_file():
            continue  # fpdf2 reads TrueType/OpenType only; a monospaced face reads badly in a report
        found.append((_rank(family, style), path, FontFile(Path(path), int(index) if index.isdigit() else 0, family)))
    return min(found, key=lambda item: item[:2])[2] if found else None


FC_FORMAT = "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\n"


def _fc_list() -> str:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ""
    try:
        return subprocess.run([fc_list, "--format", FC_FORMAT, ":lang=zh-cn"], capture_output=True, text=True,
                              timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


@functools.cache
def cjk_font() -> FontFile | None:
    """The installed font to embed for Chinese text, or None when there is none (looked up once per process)."""
    return pick(_fc_list()) or next(
        (FontFile(Path(p), index) for p, index in KNOWN_PATHS if Path(p).is_file()), None)
