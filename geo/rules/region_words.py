"""The words for a region (``geo/rules/region_words.jsonl``), one table read by every reader of them.

Each row is one word form (every case form of a Russian or Ukrainian word its own row), checked on load like
every look-up table (:func:`geo.rules.lookup.lookup_rows`), with the ``stem`` all its forms begin with. Two
classes:

- ``kind``: a noun naming a region's kind ("oblast", "области", "районі", "Krai", "People's Republic", "обл.");
  ``number: plural`` the forms that follow a list of names ("the Kharkiv and Sumy oblasts"), read only there (the
  Russian and Ukrainian plural case forms carry no ``number``: the adjective before them is read as a region's
  name with them, "Курской и Белгородской областях");
  ``list: yes`` a Russian or Ukrainian plural case form that also ends a list of adjectives, each a region's name
  with it ("Нікопольська, Марганецька та Покровська громади", "Сумський та Шосткинський райони");
  ``after: no`` a kind that makes a mention ending in it a region's ("the Pokrovsk district") but says too
  little after a name to make the name a region's ("district" is also a town's part);
- ``name``: a region named by one word, as a whole mention ("DPR", "Crimea", "ДНР").

The uses, each one compiled expression (case-insensitive):

- :func:`after_name` (:data:`AFTER_WORDS` its words): a region's kind after a name (``after`` not ``no``): :mod:`geo.mentions` (the name is a
  region's, not a settlement's) and :mod:`geo.claims.role` (the mention is a region);
- :func:`list_after`, :func:`list_kind`: a plural kind after a list of names (:mod:`geo.claims.role`; :mod:`geo.mentions`
  and :mod:`geo.resolve` read each name of the list with it: "Нікопольська, Марганецька та Покровська громади");
- :func:`mention_region`: a mention that ends in a kind or is a region's name (:mod:`geo.claims.role`);
- :data:`KIND_WORDS`, :data:`NAME_WORDS`: every kind word and every name, read by :mod:`geo.resolve` in a report's
  text ("Kharkiv Oblast", "DPR");
- :data:`KIND_STEMS`, :data:`NAME_KEYS`: the stems every kind word holds and the names lower-cased, found with
  ``str.find`` before that search (:mod:`geo.resolve`).

>>> bool(re.match(AFTER_WORDS, "Oblast", re.I)), bool(re.match(AFTER_WORDS, "district", re.I))
(True, False)
>>> bool(mention_region().search("pokrovsk district")), bool(mention_region().search("dpr"))
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontmap.errors import RuleError
from geo.rules import Rule, normalise_phrase
from geo.rules.lookup import lookup_rows, row_pattern, rows_pattern

__all__ = ["AFTER_WORDS", "KIND_STEMS", "KIND_WORDS", "NAME_KEYS", "NAME_WORDS", "STEM_WORDS_BEFORE", "after_name",
           "border_before", "list_after", "list_kind", "mention_region", "region_rows"]


def region_rows() -> tuple[Rule, ...]:
    """The checked rows of ``region_words.jsonl``; a kind row's ``stem`` begins one of its words."""
    rows = lookup_rows("region_words")
    for r in rows:
        stem = r.get("stem")
        if r.cls == "kind" and not stem:
            raise RuleError(f"geo/rules/region_words.jsonl:{r.line}: a kind row needs its stem")
        if stem and not any(w.startswith(normalise_phrase(stem)) for w in r.key.split(" ")):
            raise RuleError(f"geo/rules/region_words.jsonl:{r.line}: stem {stem!r} begins no word of {r.phrase!r}")
    return rows


def _alternation(rows) -> str:
    """The rows' expressions (each ending at a word's end), longest first, without repeats."""
    parts = dict.fromkeys(row_pattern(r, lead=False) for r in sorted(rows, key=lambda r: (-len(r.key), r.key)))
    return "(?:" + "|".join(parts) + ")"


_ROWS = region_rows()
_KINDS = [r for r in _ROWS if r.cls == "kind"]

#: A region's kind after a name, as the source of an expression to use case-insensitively, after the
#: whitespace that follows the name ("Tikhoe Dnepropetrovsk region", "Тихое Днепропетровской области", "Сумська
#: обл."): every kind row that a name before makes a region (``after`` not ``no``) but those that end a list
#: (``number: plural``: "the Kharkiv and Sumy oblasts" are two regions, "Sumy oblasts" none the gazetteer knows).
AFTER_WORDS = _alternation(r for r in _KINDS if r.get("after") != "no" and r.get("number") != "plural")

#: Every kind word, any form, as the source of an expression (case-insensitive use; :mod:`geo.resolve` reads a
#: region's name before one: "Kharkiv Oblast", "Донецкой области", "Pokrovsk and Kramatorsk districts").
KIND_WORDS = _alternation(_KINDS)
#: A region's one-word name ("DPR", "ЛНР", "Crimea"), as the source of an expression (case-insensitive use), and the
#: names lower-cased.
NAME_WORDS = _alternation(r for r in _ROWS if r.cls == "name")
NAME_KEYS: tuple[str, ...] = tuple(sorted({r.key for r in _ROWS if r.cls == "name"}))

#: The lower-case stems every kind word begins with, none of which begins with another ("обл" holds "област"):
#: a text without any of them holds no kind word.
_STEMS = sorted({normalise_phrase(r.get("stem")) for r in _KINDS})
KIND_STEMS: tuple[str, ...] = tuple(s for s in _STEMS if not any(o != s and s.startswith(o) for o in _STEMS))
#: How many words of a kind stand before the word its stem begins at most ("people's republic": one).
STEM_WORDS_BEFORE = max(next(i for i, w in enumerate(r.key.split(" ")) if w.startswith(normalise_phrase(r.get("stem"))))
                        for r in _KINDS)


@lru_cache(maxsize=None)
def border_before() -> re.Pattern[str]:
    """Searched in the text before a region's name: a ``border`` row ("border with", "кордону з"), then an English
    article at most, ending right before the name: the region is a neighbour of the sentence's places ("Novomykolaivka
    near the border with the Donetsk region" lies outside Donetsk Oblast), not the region that holds them.

    >>> bool(border_before().search("near the border with the ")), bool(border_before().search("in the "))
    (True, False)
    """
    return re.compile(_alternation(r for r in _ROWS if r.cls == "border") + r"(?:\s+the)?\s+$", re.IGNORECASE)


@lru_cache(maxsize=None)
def after_name() -> re.Pattern[str]:
    """Matched at a name's end: whitespace, then a region's kind (:data:`AFTER_WORDS`)."""
    return re.compile(r"\s+" + AFTER_WORDS, re.IGNORECASE)


#: A capitalised name in a list before a plural kind (case kept: a lower-case word is no region's name)
_LIST_NAME = r"(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]+"


@lru_cache(maxsize=None)
def _list_parts() -> tuple[str, str]:
    """The two parts of :func:`list_after`: one step of the list (a comma or a list conjunction, then a capitalised
    name) and its end (a kind that ends a list, group ``kind``)."""
    ends = _alternation(r for r in _KINDS if (r.get("number") == "plural" or r.get("list") == "yes")
                        and r.get("after") != "no")
    joins = rows_pattern(r for r in lookup_rows("conjunctions") if r.cls == "list")
    return r"\s*,\s*" + _LIST_NAME + r"|\s+" + joins + r"\s+" + _LIST_NAME, r"\s+(?P<kind>" + ends + ")"


@lru_cache(maxsize=None)
def list_after() -> re.Pattern[str]:
    """Matched at a mention's end: a list of capitalised names after it, then a kind that ends a list (group
    ``kind``): a plural (``number: plural``, "Kharkiv, Sumy and Chernihiv oblasts", "Belgorod and Kursk
    regions") or a Russian or Ukrainian plural case form (``list: yes``, "Нікопольська, Марганецька та
    Покровська громади"), the names joined by commas and the list conjunctions of
    ``geo/rules/conjunctions.jsonl``."""
    step, end = _list_parts()
    return re.compile(f"(?:{step})*{end}", re.IGNORECASE)


@lru_cache(maxsize=None)
def _list_step_end() -> tuple[re.Pattern[str], re.Pattern[str]]:
    step, end = _list_parts()
    return re.compile(step, re.IGNORECASE), re.compile(end, re.IGNORECASE)


# the text the kinds below were read in, and the kind (or None) found from each offset of it
_LIST_MEMO: list = [None, {}]


def list_kind(text: str, end: int) -> str | None:
    """The kind word that ends a list of names after a name ending at ``end`` (:func:`list_after`), or None:
    the name and it name the region ("Нікопольська" … "громади": "Нікопольська громади", which
    :meth:`gazetteer.lookup.Gazetteer.region` reads as the Nikopol hromada).

    Read as :func:`list_after` matches, step by step, and each offset of a text once: every name of a long list
    asks for the list's end, which is found once for them all (a list of n names costs n steps, not n²). A step
    cannot stop inside a name (a comma, a space or a kind follows one), so the list's end read from the name after
    this one is this name's too.

    >>> list_kind("Нікопольська, Марганецька та Покровська громади", 12)
    'громади'
    >>> list_kind("the Nikopol and Marhanets communities", 11), list_kind("Nikopol, a town", 7)
    ('communities', None)
    """
    if _LIST_MEMO[0] is not text:
        _LIST_MEMO[0], _LIST_MEMO[1] = text, {}
    memo: dict[int, str | None] = _LIST_MEMO[1]
    step, stop = _list_step_end()
    path = []
    pos = end
    while pos not in memo:
        path.append(pos)
        m = step.match(text, pos)
        if m is None:
            break
        pos = m.end()
    kind = memo.get(pos)
    for at in reversed(path):
        if kind is None:  # no list's end after the next name: this offset's own kind word, if any
            m = stop.match(text, at)
            kind = m.group("kind") if m else None
        memo[at] = kind
    return memo[end]


@lru_cache(maxsize=None)
def mention_region() -> re.Pattern[str]:
    """Searched in a mention (case-folded): it ends in a kind word ("Pokrovsk district", "Донецкой области"), or
    it is a region's name whole ("DPR", "Crimea")."""
    names = _alternation(r for r in _ROWS if r.cls == "name")
    return re.compile(r"(?<!\w)" + _alternation(_KINDS) + r"$|^" + names + "$", re.IGNORECASE)
