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
  before "groups", "helicopters": a kind of unit, not an event), space-separated;

and whatever further fields the table's reader declares (``action``, ``detail``, ``modality``…).

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

import json
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from frontmap.errors import RuleError
from geo.rules.lemmas import LEMMA_LANGS, stem as lemma_stem

__all__ = ["APOSTROPHES", "GAP", "GAP_PATTERN", "GAP_WORDS", "LANGS", "MATCHES", "QUOTES", "QUOTE_CLASS", "Rule", "RULES_DIR", "SENTENCE_MATCHES", "load_table", "normalise_phrase", "phrase_pattern"]

RULES_DIR = Path(__file__).resolve().parent
LANGS = frozenset({"en", "ru", "uk", "any"})
MATCHES = frozenset({"word", "prefix", "lemma", "part"})
#: what a row of a sentence table may match as; ``part`` (the phrase anywhere, inside a word too: "substack" in
#: "example.substack.com") only in the tables that allow it (hosts and heads, :mod:`geo.rules.lookup`)
SENTENCE_MATCHES = frozenset({"word", "prefix", "lemma"})
_BASE = frozenset({"phrase", "lang", "class", "example", "match", "note", "unless_next"})
_SPACE = re.compile(r"\s+")
QUOTES = "\"«»“”„"  #: quotation marks, one attribute like case: any of them matches any other
_QUOTES = str.maketrans({q: '"' for q in QUOTES})
GAP = "…"  #: a phrase word standing for up to GAP_WORDS words that are not names
GAP_WORDS = 3
APOSTROPHES = _AP = "'\u2019\u02bc`"  #: apostrophes, one attribute like case
#: the expression of a gap: up to GAP_WORDS words, none capitalised (a gap never swallows a place's name); a
#: number may carry a per cent sign ("контролируют около 75% территории")
GAP_PATTERN = rf"(?:(?-i:[^\W_A-Z\u0400-\u042f])[\w{_AP}-]*%?\s+){{0,{GAP_WORDS}}}?"


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

    @property
    def key(self) -> str:
        """The phrase as it is matched (:func:`normalise_phrase`)."""
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
    name: str,
    *,
    classes: Collection[str],
    fields: Mapping[str, Collection[str] | None] | None = None,
    required: Collection[str] = (),
    folder: Path | None = None,
    matches: Collection[str] = SENTENCE_MATCHES,
) -> tuple[Rule, ...]:
    """Load and check ``<folder>/<name>.jsonl`` (default folder: this package).

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
    path = (folder or RULES_DIR) / f"{name}.jsonl"
    return _load(path, name, frozenset(classes), _freeze(fields or {}), frozenset(required), frozenset(matches))


def _freeze(fields: Mapping[str, Collection[str] | None]) -> tuple:
    return tuple(sorted((k, None if v is None else frozenset(v)) for k, v in fields.items()))


@lru_cache(maxsize=None)
def _load(path: Path, name: str, classes: frozenset, fields: tuple, required: frozenset,
          matches: frozenset = SENTENCE_MATCHES) -> tuple[Rule, ...]:
    allowed = dict(fields)
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
        if obj["lang"] not in LANGS:
            raise RuleError(f"{where}: lang {obj['lang']!r} is not one of {sorted(LANGS)}")
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
        if match == "lemma":
            if len(words) != 1 or not words[0].replace("'", "").replace("-", "").isalpha() or obj["lang"] not in LEMMA_LANGS:
                raise RuleError(f"{where}: a lemma row is one Russian or Ukrainian word (lang ru, uk or any): {obj['phrase']!r}")
            langs = LEMMA_LANGS[obj["lang"]]
            # a word that may be a form (the tests read each example back through pymorphy3: loading the analysers
            # here would cost every process, English-only ones too)
            if not any(w.startswith(lemma_stem(phrase, langs)) for w in re.findall(r"\w+", normalise_phrase(obj["example"]))):
                raise RuleError(f"{where}: the example holds no form of the lemma {obj['phrase']!r}")
        elif "*" in phrase or GAP in words:
            # read as the matcher reads it: the case kept (a gap takes no capitalised word)
            example = _SPACE.sub(" ", unicodedata.normalize("NFC", obj["example"]))
            if not re.search(r"(?<!\w)" + phrase_pattern(phrase, match == "prefix"), example, re.I):
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
