"""Fast paths of report reading read the text as the plain versions they replace do."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from geo import reports as R


def _plain_author(post: str) -> str:
    """``geo.reports._author`` before it tried only the line starts that may open a byline."""
    regions = [post[: R._EDGE]]
    if len(post) > R._EDGE:
        regions.append(post[-R._EDGE :])
    for region in regions:
        found = sorted(
            (m for rx in (R._BYLINE, R._BY_AFTER_DATE) for m in rx.finditer(region)), key=lambda m: m.start()
        )
        for m in found:
            author = m.group("a").strip()
            if 0 < len(author) <= 60:
                return author
    return ""


def _plain_split_bylines(chunk: str) -> list[str]:
    """``geo.reports._split_bylines`` before its gate on lines that start with a p."""
    cuts = set()
    for m in R._HEADER_BYLINE.finditer(chunk):
        cuts.add(R._title_before(chunk, m.start()))
    for m in R._FOOTER_BYLINE.finditer(chunk):
        cuts.add(m.end())
    parts, last = [], 0
    for cut in sorted(cuts):
        if len(chunk[last:cut].strip()) >= R._MIN_POST and len(chunk[cut:].strip()) >= R._MIN_POST:
            parts.append(chunk[last:cut].strip("\n"))
            last = cut
    parts.append(chunk[last:].strip("\n"))
    return [p for p in parts if p.strip()]


_PIECES = (
    "by", "By", "BY", "posted", "Posted", "POſTED", "published", "Published", "written", "summary", "report", "text",
    "story", "author:", "Author:", "on", "at", "Yves Smith", "@rybar", "b", "Ivan", "Петров", "November 24, 2025",
    "16:21 UTC", "2025", "| Permalink", "⋅", "·", "—", "(", "https://x.org/a", "www.y.com", "...", " ", " ", "  ",
    "\t", "\n", "\n", "\n\n", ".", ",", ";", "Russian troops liberated Zvanovka", "x" * 70, "*", "* * *",
)


def _random_text(rng: random.Random, pieces: int) -> str:
    return "".join(rng.choice(_PIECES) + (" " if rng.random() < 0.6 else "") for _ in range(pieces))


@pytest.mark.parametrize("seed", range(5))
def test_author_matches_the_plain_version(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        text = _random_text(rng, rng.choice((5, 30, 600)))
        assert R._author(text) == _plain_author(text), text


_BYLINES = (
    "Posted by b on November 24, 2025 at 16:21 UTC | Permalink",
    "posted by Yves Smith at 16:21",
    "Published by @rybar ⋅ 25/11/2025",
    "PUBLISHED BY x — 2025",
    "Posted on November 24, 2025 by Yves Smith",
    "https://x.org/a",
    "Headline without a stop",
    "A sentence with its stop.",
    "* * *",
    "",
)


@pytest.mark.parametrize("seed", range(5))
def test_split_bylines_matches_the_plain_version(seed: int) -> None:
    rng = random.Random(seed)
    long = "Russian troops liberated the settlement of Zvanovka near Seversk. " * rng.randint(1, 5)
    cut = 0
    for _ in range(1500):
        lines = []
        for _ in range(rng.randint(1, 12)):
            kind = rng.random()
            line = rng.choice(_BYLINES) if kind < 0.4 else long if kind < 0.7 else _random_text(rng, rng.randint(0, 8))
            lines.append(rng.choice(("", "", " ", "\t ")) + line)
        chunk = "\n".join(lines)
        expected = _plain_split_bylines(chunk)
        cut += len(expected) > 1
        assert R._split_bylines(chunk) == expected, chunk
    assert cut > 20  # the texts do get cut


@pytest.mark.parametrize(
    "name",
    ["a.html", "a.HTM", "a.htm.txt", ".html", "..html", "...html", "a.html.", "a..html", "dir.html/a.txt",
     "dir/a.Html", "a", "a.", "/x/y.htm", "html", "a.xhtml", "ä.htm", "./b.html"],
)
def test_html_name_is_the_path_suffix(name: str) -> None:
    assert R._html_name(name) == (Path(name).suffix.lower() in R._HTML_SUFFIXES)
    assert R._html_name(Path(name)) == (Path(name).suffix.lower() in R._HTML_SUFFIXES)
