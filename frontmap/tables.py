"""Rule tables: vocabularies kept as data, one JSONL row per phrase, checked when they are loaded.

The one loader and checker of every rule table of frontmap: the reading vocabularies of
:mod:`geo.rules` (``geo/rules/<name>.jsonl``) and the word lists of :mod:`gazetteer`
(``gazetteer/data/<name>.jsonl``). It lives here, below both packages, because :mod:`gazetteer`
may not import :mod:`geo`. What a row's fields mean is described in :mod:`geo.rules`; every row has
``phrase``, ``lang``, ``class`` and ``example`` (a sentence holding the phrase, which tests read back),
optionally ``match``, ``note`` and ``unless_next``, and the further fields its table declares.

A table is checked when it is loaded: a line that is not a JSON object, a missing or unknown field,
an unknown class, language or value, an empty phrase, a duplicate row (same phrase, language, class),
or an example that does not hold its phrase is a :class:`~frontmap.errors.RuleError` naming the file
and line. A table's reader may add checks of its own for a kind of ``match`` (``checks``: the ``lemma``
rows of :mod:`geo.rules`, read with pymorphy3).

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "words.jsonl").write_text(json.dumps({"phrase": "або", "lang": "uk", "class": "or",
...     "example": "Село Олексіївка або Олександрівка."}) + "\\n")
>>> rows = load_table(d / "words.jsonl", classes={"or"})
>>> rows[0].phrase, rows[0].table, rows[0].line
('або', 'words', 1)
>>> _ = (d / "bad.jsonl").write_text('{"phrase": "or", "lang": "en", "class": "or", "example": "Pisky and Opytne."}\\n')
>>> load_table(d / "bad.jsonl", classes={"or"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
frontmap.errors.RuleError: ...bad.jsonl:1: the example does not hold the phrase 'or'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from frontmap.errors import RuleError

__all__ = ["APOSTROPHES", "GAP", "GAP_PATTERN", "GAP_WORDS", "LANGS", "MATCHES", "QUOTES", "QUOTE_CLASS", "Rule",
           "RowCheck", "SENTENCE_MATCHES", "load_table", "normalise_phrase", "phrase_expression", "phrase_pattern"]

LANGS = frozenset({"en", "ru", "uk", "any"})
MATCHES = frozenset({"word", "prefix", "lemma", "part"})
#: what a row of a sentence table may match as; ``part`` (the phrase anywhere, inside a word too: "substack" in
#: "example.substack.com") only in the tables that allow it (hosts and heads, :mod:`geo.rules.lookup`)
SENTENCE_MATCHES = frozenset({"word", "prefix", "lemma"})
#: a check a table's reader makes of a row of one kind of ``match`` in place of the example test:
#: ``check(row, phrase, where)`` with the row's JSON object, its normalised phrase and "file:line"; raises RuleError
RowCheck = Callable[[Mapping[str, str], str, str], None]
_BASE = frozenset({"phrase", "lang", "class", "example", "match", "note", "unless_next"})
_SPACE = re.compile(r"\s+")
QUOTES = "\"«»“”„"  #: quotation marks, one attribute like case: any of them matches any other
_QUOTES = str.maketrans({q: '"' for q in QUOTES})
GAP = "…"  #: a phrase word standing for up to GAP_WORDS words that are not names
GAP_WORDS = 3
APOSTROPHES = _AP = "'\u2019\u02bc`"  #: apostrophes, one attribute like case
#: a list of numbers counts as one word of a gap: numbers (ordinals too: "32nd", "47-й") joined by commas or by a
#: word of up to three letters ("and", "и", "та"), as the units a bulletin names ("hit the 32nd, 41st and 47th
#: brigades near X", "поражение 31-й, 32-й, 47-й механизированным бригадам")
_NUMBER_LIST = r"\d[\w-]*(?:(?:\s*,\s*|\s+[^\W\d_]{1,3}\s+)\d[\w-]*)+"
#: the expression of a gap: up to GAP_WORDS words, none capitalised (a gap never swallows a place's name) but a
#: Latin abbreviation in capitals, a weapon's or a unit's ("fired UAVs and missiles at X"); a number may carry a per
#: cent sign ("контролируют около 75% территории"); a list of numbers is one word (_NUMBER_LIST)
GAP_PATTERN = (rf"(?:(?:{_NUMBER_LIST}|(?-i:[^\W_A-Z\u0400-\u042f])[\w{_AP}-]*%?|(?-i:[A-Z]{{2,}}s?)(?!\w))\s+)"
               rf"{{0,{GAP_WORDS}}}?")


QUOTE_CLASS = "[" + re.escape(QUOTES) + "]"  #: the expression of any quotation mark


def phrase_pattern(key: str, prefix: bool = False) -> str:
    """The regular expression of a normalised phrase (case-insensitive use): words joined by any run of
    whitespace, apostrophes in any spelling, ``word*`` a stem, ``…`` up to :data:`GAP_WORDS` words; with
    ``prefix`` the last word is a stem.

    >>> import re
    >>> bool(re.fullmatch(phrase_pattern("establish* … control"), "established full control", re.I))
    True
    """
    out = []
    words = key.split(" ")
    for i, word in enumerate(words):
        if word == GAP:
            out.append(GAP_PATTERN)
            continue
        stem = word.endswith("*") or (prefix and i == len(words) - 1)
        body = "".join(f"[{_AP}]" if ch in _AP else QUOTE_CLASS if ch == '"' else re.escape(ch)
                       for ch in word.rstrip("*"))
        out.append(body + (r"\w*+" if stem else r"(?!\w)") + (r"\s+" if i < len(words) - 1 else ""))
    return "".join(out)


def phrase_expression(key: str, prefix: bool = False) -> re.Pattern[str]:
    """:func:`phrase_pattern` of a normalised phrase compiled, case-insensitive, starting a word: compiled once
    per phrase in a process, for the check of a row's example when its table is loaded and for the matcher
    (:mod:`geo.rules.matcher`) that tells which row a phrase it found comes from (its ``fullmatch``: a word starts
    at the start of the string it is given).

    >>> bool(phrase_expression("establish* … control").search("They established full control."))
    True
    >>> phrase_expression("establish* … control") is phrase_expression("establish* … control", prefix=False)
    True
    """
    return _expression(key, bool(prefix))


@lru_cache(maxsize=None)
def _expression(key: str, prefix: bool) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + phrase_pattern(key, prefix), re.IGNORECASE)


def normalise_phrase(text: str) -> str:
    """The form phrases are compared in: NFC, case-folded, apostrophes unified, spaces single.

    >>> normalise_phrase("  Took   CONTROL of ")
    'took control of'
    >>> normalise_phrase("обʼєкт") == normalise_phrase("об'єкт")
    True
    >>> normalise_phrase("группировки «Центр»")
    'группировки "центр"'
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("\u02bc", "'").replace("\u2019", "'").replace("`", "'").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Rule:
    """One row of a rule table."""

    table: str
    line: int
    phrase: str
    lang: str
    cls: str
    example: str
    match: str = "word"
    fields: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def key(self) -> str:
        """The phrase as it is matched (:func:`normalise_phrase`), worked out once per row."""
        return normalise_phrase(self.phrase)

    @property
    def patterned(self) -> bool:
        """Whether the phrase holds a stem inside it (``word*``) or a gap (``…``)."""
        return "*" in self.key or GAP in self.key.split(" ")

    @cached_property
    def unless_next(self) -> frozenset[str]:
        """The words that, right after the phrase, make it no match (field ``unless_next``)."""
        return frozenset(normalise_phrase(self.get("unless_next") or "").split())

    def get(self, name: str, default: str | None = None) -> str | None:
        """A further field of the row (``action``, ``modality``…), or *default*."""
        return self.fields.get(name, default)


def load_table(
    path: Path,
    *,
    classes: Collection[str],
    fields: Mapping[str, Collection[str] | None] | None = None,
    required: Collection[str] = (),
    matches: Collection[str] = SENTENCE_MATCHES,
    langs: Collection[str] = LANGS,
    checks: Mapping[str, RowCheck] | None = None,
) -> tuple[Rule, ...]:
    """Load and check the rule table ``path`` (a ``.jsonl`` file; its stem names the table).

    Parameters
    ----------
    path : Path
        The table's file.
    classes : collection of str
        The values ``class`` may take.
    fields : mapping, optional
        Further fields a row may have: name → allowed values (``None``: any non-empty string).
    required : collection of str
        Further fields every row must have.
    matches : collection of str
        The values ``match`` may take (default :data:`SENTENCE_MATCHES`).
    langs : collection of str
        The values ``lang`` may take (default :data:`LANGS`).
    checks : mapping, optional
        ``match`` value → a :data:`RowCheck` made of its rows in place of the test that the example holds the phrase.

    Returns
    -------
    tuple of Rule
        The rows in file order.

    Raises
    ------
    RuleError
        Naming the file and line of the first bad row.
    """
    return _load(Path(path), frozenset(classes), _freeze(fields or {}), frozenset(required), frozenset(matches),
                 frozenset(langs), tuple(sorted((checks or {}).items())))


def _freeze(fields: Mapping[str, Collection[str] | None]) -> tuple:
    return tuple(sorted((k, None if v is None else frozenset(v)) for k, v in fields.items()))


@lru_cache(maxsize=None)
def _load(path: Path, classes: frozenset, fields: tuple, required: frozenset, matches: frozenset,
          langs: frozenset, checks: tuple) -> tuple[Rule, ...]:
    allowed = dict(fields)
    special = dict(checks)
    name = path.name.removesuffix(".jsonl")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(f"{path}: cannot read the rule table: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not UTF-8: {exc}") from exc
    rows: list[Rule] = []
    seen: dict[tuple[str, str, str], int] = {}
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise RuleError(f"{where}: not a JSON object: {exc.msg}") from None
        if not isinstance(obj, dict):
            raise RuleError(f"{where}: not a JSON object")
        unknown = set(obj) - _BASE - set(allowed)
        if unknown:
            raise RuleError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_BASE | set(allowed))}")
        for key in ("phrase", "lang", "class", "example", *sorted(required)):
            if key not in obj:
                raise RuleError(f"{where}: missing field {key!r}")
        for key, value in obj.items():
            if not isinstance(value, str):
                raise RuleError(f"{where}: field {key!r} must be a string, not {type(value).__name__}")
        phrase = normalise_phrase(obj["phrase"])
        if not phrase:
            raise RuleError(f"{where}: empty phrase")
        if obj["lang"] not in langs:
            raise RuleError(f"{where}: lang {obj['lang']!r} is not one of {sorted(langs)}")
        if obj["class"] not in classes:
            raise RuleError(f"{where}: class {obj['class']!r} is not one of {sorted(classes)}")
        match = obj.get("match", "word")
        if match not in matches:
            raise RuleError(f"{where}: match {match!r} is not one of {sorted(matches)}")
        words = phrase.split(" ")
        if any("*" in w.rstrip("*") or w == "*" for w in words) or words[0] == GAP or words[-1] == GAP:
            raise RuleError(f"{where}: a stem '*' ends a word, and '{GAP}' stands between words: {obj['phrase']!r}")
        if "unless_next" in obj and not obj["unless_next"].split():
            raise RuleError(f"{where}: unless_next is empty")
        extra = {}
        if "unless_next" in obj:
            extra["unless_next"] = obj["unless_next"]
        for key, values in allowed.items():
            if key in obj:
                if not obj[key] or (values is not None and obj[key] not in values):
                    raise RuleError(f"{where}: {key} {obj[key]!r} is not one of {sorted(values or [])}")
                extra[key] = obj[key]
        if match in special:
            special[match](obj, phrase, where)
        elif "*" in phrase or GAP in words:
            # read as the matcher reads it: the case kept (a gap takes no capitalised word)
            example = _SPACE.sub(" ", unicodedata.normalize("NFC", obj["example"]))
            if not phrase_expression(phrase, match == "prefix").search(example):
                raise RuleError(f"{where}: the example does not hold the phrase {obj['phrase']!r}")
        elif phrase not in normalise_phrase(obj["example"]):
            raise RuleError(f"{where}: the example does not hold the phrase {obj['phrase']!r}")
        # a row that keeps its case (``case: title``, in the tables that allow it) is the phrase as written
        dup = (_SPACE.sub(" ", obj["phrase"]).strip() if obj.get("case") == "title" else phrase, obj["lang"], obj["class"])
        if dup in seen:
            raise RuleError(f"{where}: duplicate of line {seen[dup]} ({obj['phrase']!r}, {obj['lang']}, {obj['class']})")
        seen[dup] = n
        rows.append(Rule(name, n, obj["phrase"], obj["lang"], obj["class"], obj["example"], match,
                         MappingProxyType(extra)))
    if not rows:
        raise RuleError(f"{path}: the rule table is empty")
    return tuple(rows)
