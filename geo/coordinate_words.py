"""The words coordinates are written with, per language: hemispheres, labels, joiners (a data file).

``geo/data/coordinate_words.tsv`` holds one row per word: its kind (``hemisphere``, ``label``, ``joiner``,
``hint``, ``degree``: a word written for the degree sign), the word, its language, its meaning (N S E W for a hemisphere; lat, lon, latlon, lonlat for a label),
where it stands (after or before the value, or both) and an example. :func:`load_coordinate_words` reads and checks
the file; :mod:`geo.coordinates` builds its patterns from it and then reads every example, so that a row whose
example does not read as a coordinate using the row's word fails at import with the file and line.

A word may have two meanings in two languages: "O" is East in German and Dutch (Ost, Oost) but West in French,
Spanish, Italian and Portuguese (Ouest, Oeste, Ovest). :func:`meanings` gives every meaning with its languages;
the parser then asks the words written beside the coordinate (labels, the other hemisphere word, ``hint`` rows such
as "Koordinaten" or "Coordonnées") which language it is, and rejects the value as ambiguous when they do not say.

Examples
--------
>>> words = load_coordinate_words()
>>> sorted({w.language for w in words if w.kind == "hemisphere"})
['cs', 'de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk']
>>> sorted(meanings(words)[fold_word("O")].items())
[('E', ('de', 'nl')), ('W', ('es', 'fr', 'it', 'pt'))]
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from frontmap.errors import CoordinateWordsError

__all__ = [
    "CoordinateWord",
    "WORDS_FILE",
    "load_coordinate_words",
    "fold_word",
    "meanings",
    "word_pattern",
]

#: The file the parser reads by default.
WORDS_FILE = Path(__file__).with_name("data") / "coordinate_words.tsv"

_COLUMNS = ("kind", "word", "language", "meaning", "where", "example")
_KINDS = {
    "hemisphere": ({"N", "S", "E", "W"}, {"after", "before", "both"}),
    "label": ({"lat", "lon", "latlon", "lonlat"}, {"before"}),
    "joiner": ({"-"}, {"between"}),
    "hint": ({"-"}, {"near"}),
    "degree": ({"-"}, {"after"}),
}


@dataclass(frozen=True, slots=True)
class CoordinateWord:
    """One row of the file of coordinate words."""

    kind: str  #: hemisphere, label, joiner or hint
    word: str  #: as written in the file
    language: str  #: ISO 639-1
    meaning: str  #: N S E W, lat lon latlon lonlat, or "-"
    where: str  #: after, before, both, between, near
    example: str  #: a coordinate written with the word
    line: int  #: line number in the file
    source: str  #: the file


def fold_word(word: str) -> str:
    """The key a written word is looked up by: a single capital letter as it is, else casefolded without dots or
    spaces ("с. ш." and "сш" are one key, "O" and "o" are not).

    >>> fold_word("с. ш."), fold_word("Nord"), fold_word("O")
    ('сш', 'nord', 'O')
    """
    stripped = word.strip()
    if len(stripped) == 1 and stripped.isupper():
        return stripped
    return re.sub(r"[\s.\u00a0\u2009\u202f]+", "", stripped.casefold())


def word_pattern(word: str) -> str:
    """A regex for a word as texts write it: a single capital letter exactly; longer words in any case, a dot or
    space inside an abbreviation optional, a written trailing dot optional.

    >>> bool(re.fullmatch(word_pattern("с. ш."), "С.ш")), bool(re.fullmatch(word_pattern("O"), "o"))
    (True, False)
    """
    stripped = word.strip()
    if len(stripped) == 1 and stripped.isupper():
        return re.escape(stripped)
    parts = re.split(r"([\s.]+)", re.sub(r"\s*([/,&])\s*", r"\1", stripped))
    out = []
    for part in parts:
        if not part:
            continue
        if re.fullmatch(r"[\s.]+", part):
            out.append(r"\.?[ \t\u00a0\u2009\u202f]{0,2}" if "." in part else r"[ \t\u00a0\u2009\u202f]{1,2}")
        else:
            out.append(r"[ \t\u00a0\u2009\u202f]?".join(re.escape(piece) for piece in re.split(r"\s*([/,&])\s*", part)))
    pattern = "".join(out)
    if stripped.endswith("."):
        pattern = pattern[: -len(r"\.?[ \t\u00a0\u2009\u202f]{0,2}")] + r"\.?"
    return "(?i:" + pattern + ")"


def _fail(source: str, line: int, problem: str) -> CoordinateWordsError:
    return CoordinateWordsError(f"{source}, line {line}: {problem}")


@lru_cache(maxsize=8)
def load_coordinate_words(path: str | Path | None = None) -> tuple[CoordinateWord, ...]:
    """Read and check the file of coordinate words.

    Parameters
    ----------
    path : str or Path, optional
        A tab-separated file with the header ``kind word language meaning where example``; lines starting with
        ``#`` are comments. Default :data:`WORDS_FILE`.

    Returns
    -------
    tuple of CoordinateWord

    Raises
    ------
    CoordinateWordsError
        Naming the file and line: a wrong number of columns, an unknown kind, meaning or place, an empty word, a
        language that is not a two-letter code, an example that does not hold the word, a row given twice.
    """
    source = Path(path) if path is not None else WORDS_FILE
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise CoordinateWordsError(f"{source}: cannot be read ({error})") from None
    rows: list[CoordinateWord] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    header = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = next(csv.reader([raw], delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header:
            if tuple(f.strip() for f in fields) != _COLUMNS:
                raise _fail(str(source), number, f"the header must be {' '.join(_COLUMNS)} (tab-separated)")
            header = True
            continue
        if len(fields) != len(_COLUMNS):
            raise _fail(str(source), number, f"{len(fields)} columns, expected {len(_COLUMNS)} (tab-separated)")
        kind, word, language, meaning, where, example = (f.strip() for f in fields)
        if kind not in _KINDS:
            raise _fail(str(source), number, f"kind {kind!r} is not one of {', '.join(_KINDS)}")
        allowed_meanings, allowed_where = _KINDS[kind]
        if not word:
            raise _fail(str(source), number, "the word is empty")
        if not re.fullmatch(r"[a-z]{2}", language):
            raise _fail(str(source), number, f"language {language!r} is not a two-letter ISO 639-1 code")
        if meaning not in allowed_meanings:
            raise _fail(str(source), number, f"meaning {meaning!r} of a {kind} is not one of {sorted(allowed_meanings)}")
        if where not in allowed_where:
            raise _fail(str(source), number, f"where {where!r} of a {kind} is not one of {sorted(allowed_where)}")
        if not re.search(word_pattern(word), example):
            raise _fail(str(source), number, f"the example {example!r} does not hold the word {word!r}")
        key = (kind, fold_word(word), language, meaning)
        if key in seen:
            raise _fail(str(source), number, f"{kind} {word!r} ({language}) is given twice (also line {seen[key]})")
        seen[key] = number
        rows.append(CoordinateWord(kind, word, language, meaning, where, example, number, str(source)))
    if not header:
        raise CoordinateWordsError(f"{source}: no header line")
    return tuple(rows)


def meanings(words: tuple[CoordinateWord, ...], kind: str = "hemisphere") -> dict[str, dict[str, tuple[str, ...]]]:
    """For each folded word of a kind, its meanings and the languages that give each.

    >>> meanings(load_coordinate_words())[fold_word("с. ш.")]
    {'N': ('ru',)}
    """
    out: dict[str, dict[str, list[str]]] = {}
    for w in words:
        if w.kind == kind:
            langs = out.setdefault(fold_word(w.word), {}).setdefault(w.meaning, [])
            if w.language not in langs:
                langs.append(w.language)
    return {k: {m: tuple(sorted(langs)) for m, langs in v.items()} for k, v in out.items()}
