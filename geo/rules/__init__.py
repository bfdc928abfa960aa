"""Rule tables: the vocabularies frontmap reads reports with, kept as data.

Each table is a JSONL file beside this module (``geo/rules/<name>.jsonl``): one JSON object per line,
one phrase per row, in the manner of spaCy's ``EntityRuler`` patterns. A domain expert adds a phrase
by adding a row. Every row has

- ``phrase``: the words as written, case-insensitive (one attribute, never a second pattern);
- ``lang``: ``en``, ``ru``, ``uk`` or ``any``;
- ``class``: what the phrase is, from the classes the table's reader allows;
- ``example``: a sentence in the genre's form (written by this project) that holds the phrase;
  tests read every example back through the reader and check the row's reading comes out;
- ``match`` (optional): ``word`` (default: the phrase as whole words), ``prefix`` (the last word
  is a stem: ``освобод`` matches ``освободили``, ``освободив``…; for inflected languages) or
  ``lemma`` (one Russian or Ukrainian word in its dictionary form, matching its case forms as
  pymorphy3 reads them, :mod:`geo.rules.lemmas`: ``Пушилин`` matches ``Пушилина``, ``Пушилиным``
  but not the village ``Пушилино``'s forms of another noun; a person's name, where a stem would
  also read the villages named after the person), or, in the tables that allow it, ``part`` (the phrase
  anywhere, inside a word too: a host's part, ``substack`` in ``example.substack.com``);
- inside a phrase, a word ending in ``*`` is a stem (``establish* … control``: "established control"),
  and ``…`` stands for up to three words that are not capitalised ("took … control": "took full control",
  "expel* … ukrainian … from": "expelled the Ukrainian forces from"; a gap never swallows a place's name)
  and neither opens nor ends a phrase;
- ``unless_next`` (optional): words that, right after the phrase, make it something else ("attack"
  before "groups", "helicopters": a kind of unit, not an event), space-separated; ``.`` among them stands for no
  word at all (punctuation or the text's end right after the phrase);

and whatever further fields the table's reader declares (``action``, ``detail``, ``modality``…).

The loading and checking is :mod:`frontmap.tables`' (the one loader, shared with the word lists of
:mod:`gazetteer`); this package holds the tables, finds them here and adds the check of ``lemma`` rows.
A table is checked when it is loaded: a line that is not a JSON object, a missing or unknown field,
an unknown class or value, an empty phrase, a duplicate row (same phrase, language, class), or an
example that does not hold its phrase is a :class:`~frontmap.errors.RuleError` naming the file and
line.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "demo.jsonl").write_text(json.dumps({"phrase": "took control of", "lang": "en",
...     "class": "action", "action": "captured", "example": "Troops took control of Tykhe."}) + "\\n")
>>> rows = load_table("demo", classes={"action"}, fields={"action": {"captured", "entered"}}, folder=d)
>>> rows[0].phrase, rows[0].get("action"), rows[0].line
('took control of', 'captured', 1)
>>> _ = (d / "bad.jsonl").write_text('{"phrase": "", "lang": "en", "class": "action", "example": "x"}\\n')
>>> load_table("bad", classes={"action"}, folder=d)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
frontmap.errors.RuleError: ...bad.jsonl:1: empty phrase
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from frontmap.errors import RuleError
from frontmap.tables import (APOSTROPHES, GAP, GAP_PATTERN, GAP_WORDS, LANGS, MATCHES, QUOTE_CLASS, QUOTES,
                             SENTENCE_MATCHES, Rule, normalise_phrase, phrase_expression, phrase_pattern)
from frontmap.tables import load_table as _load_table
from geo.rules.lemmas import LEMMA_LANGS, stem as lemma_stem

__all__ = ["APOSTROPHES", "GAP", "GAP_PATTERN", "GAP_WORDS", "LANGS", "MATCHES", "QUOTES", "QUOTE_CLASS", "Rule", "RULES_DIR", "SENTENCE_MATCHES", "load_table", "normalise_phrase", "phrase_expression", "phrase_pattern", "row_number"]

RULES_DIR = Path(__file__).resolve().parent


def load_table(
    name: str,
    *,
    classes: Collection[str],
    fields: Mapping[str, Collection[str] | None] | None = None,
    required: Collection[str] = (),
    folder: Path | None = None,
    matches: Collection[str] = SENTENCE_MATCHES,
) -> tuple[Rule, ...]:
    """Load and check ``<folder>/<name>.jsonl`` (default folder: this package) with :func:`frontmap.tables.load_table`.

    Parameters
    ----------
    name : str
        The table's name, without ``.jsonl``.
    classes : collection of str
        The values ``class`` may take.
    fields : mapping, optional
        Further fields a row may have: name → allowed values (``None``: any non-empty string).
    required : collection of str
        Further fields every row must have.
    folder : Path, optional
        Where the table lives (tests use a temporary folder).
    matches : collection of str
        The values ``match`` may take (default :data:`SENTENCE_MATCHES`; ``part`` only where a table allows it).

    Returns
    -------
    tuple of Rule
        The rows in file order.

    Raises
    ------
    RuleError
        Naming the file and line of the first bad row.
    """
    return _load_table((folder or RULES_DIR) / f"{name}.jsonl", classes=classes, fields=fields, required=required,
                       matches=matches, checks=_CHECKS)


def row_number(row: Rule, name: str) -> float:
    """A row's number field, checked: a ``bearing`` in 0..360, any other (a value, a unit's or a weapon's reach in
    kilometres) above 0; else an error naming the row's file and line."""
    where = f"geo/rules/{row.table}.jsonl:{row.line}"
    raw = row.get(name)
    try:
        value = float(raw) if raw is not None else math.nan
    except ValueError:
        value = math.nan
    ok = 0.0 <= value < 360.0 if name == "bearing" else value > 0.0
    if not (math.isfinite(value) and ok):
        raise RuleError(f"{where}: {name} {raw!r} is not a number in range for a {row.cls} row")
    return value


def _check_lemma(obj: Mapping[str, str], phrase: str, where: str) -> None:
    """A ``lemma`` row: one Russian or Ukrainian word whose example holds a word that may be one of its forms."""
    words = phrase.split(" ")
    if len(words) != 1 or not words[0].replace("'", "").replace("-", "").isalpha() or obj["lang"] not in LEMMA_LANGS:
        raise RuleError(f"{where}: a lemma row is one Russian or Ukrainian word (lang ru, uk or any): {obj['phrase']!r}")
    langs = LEMMA_LANGS[obj["lang"]]
    # a word that may be a form (the tests read each example back through pymorphy3: loading the analysers
    # here would cost every process, English-only ones too)
    if not any(w.startswith(lemma_stem(phrase, langs)) for w in re.findall(r"\w+", normalise_phrase(obj["example"]))):
        raise RuleError(f"{where}: the example holds no form of the lemma {obj['phrase']!r}")


_CHECKS = {"lemma": _check_lemma}
