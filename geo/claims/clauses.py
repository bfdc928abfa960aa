"""Clauses of a sentence: where a clause breaks (';', ':', a dash, 'but', 'while'…), the bounds of the clause
around a span, and the clauses a verbless one takes its verb from (a list after ';' or ':', a heading before a
dash or a colon).
"""

from __future__ import annotations

import re
from functools import lru_cache
from geo.rules.lookup import lookup_rows, rows_pattern
from geo.rules.region_words import AFTER_WORDS

__all__ = ["parentheses", "stretch_links"]

# --------------------------------------------------------------------------------------------
# Sentence analysis
# --------------------------------------------------------------------------------------------

_CONJUNCTIONS = lookup_rows("conjunctions")
# the conjunctions that open a clause of their own (the clause rows of geo/rules/conjunctions.jsonl, the vocabulary
# geo.resolve's _DIRECTION_BREAK reads too): the English rows, after a comma (", but", ", although") or, but those of
# ``comma: needed``, without one ("X was taken but Y held"); a contrast one (Russian and Ukrainian ", а") after a
# comma ("идут бои за X, а у Y закрепились"), not where an addition row opens there (", а также"). ", but also" opens
# a clause here ("not only to hold X, but also to envelop Y": each infinitive its own action), though not a
# bearing's end. The Russian and Ukrainian rows are not read here: a clause after ", но", ", але" often goes on
# with the place's subject and its verb ("ВСУ пытались контратаковать у X, но были отброшены": X's action), which
# this split would cut off
_CLAUSE_ROWS = [r for r in _CONJUNCTIONS if r.cls == "clause" and r.lang == "en"]
_ADDITION = rows_pattern(r for r in _CONJUNCTIONS if r.cls == "addition")
_CLAUSE_BREAK = re.compile(rf";|:\s|\s[–—]\s|,\s+{rows_pattern(_CLAUSE_ROWS)}\b"
                           rf"|\s{rows_pattern(r for r in _CLAUSE_ROWS if r.get('comma') != 'needed')}\s"
                           rf"|,\s+(?!{_ADDITION}){rows_pattern(r for r in _CONJUNCTIONS if r.cls == 'contrast')}\s+"
                           r"|[.!?](?:\*+|\[\[[^\]]*\]\](?:\([^)\s]*\))?|\[\d+\])*\s+(?=[*\[\"“]?[A-Z])|\n")


# a stretch of front named by the places along it, the Russian and Ukrainian way: a line-along row of ``chain: after``
# of geo/rules/name_kinds.jsonl (the noun of the stretch, "на ділянці", "на участке", "вздовж лінії"), then names
# joined by dashes ("на ділянці Піщане – Глушківка – Ківшарівка"): each name is a member of a list that takes the
# clause's verb, so a spaced dash between two of them breaks no clause. A name is a capitalised word, with its own
# hyphens ("Купʼянськ-Вузловий") and at most one more capitalised word ("Червоний Лиман"); a road's ends ("траса
# A – B") have no such row and stay apart
_STRETCH_NAME = r"[A-ZА-ЯЁІЇЄҐ][\w'’ʼ]*+(?:-[A-ZА-ЯЁІЇЄҐ][\w'’ʼ]*+)*(?:\s[A-ZА-ЯЁІЇЄҐ][\w'’ʼ]*+)?"
_STRETCH = re.compile(
    r"(?<!\w)(?i:" + rows_pattern(r for r in lookup_rows("name_kinds") if r.cls == "line-along" and r.get("chain") == "after")
    + rf")\s++(?P<links>{_STRETCH_NAME}(?:\s*+[-–—]\s*+{_STRETCH_NAME})+)")


@lru_cache(maxsize=16)
def stretch_links(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the chains of names that name a stretch of front after a line-along row of ``chain: after``
    ("на участке Песчаное — Глушковка": the span of "Песчаное — Глушковка")."""
    return tuple(m.span("links") for m in _STRETCH.finditer(sentence))


# a count set off by two spaced dashes inside a clause, a number and at most two words ("Артилерійські удари — 231 раз —
# припали на A, B", "Левова частка — 31 бій — припала на A", "strikes — 40 times — hit A"): an aside, the clause goes
# on after it, so neither dash breaks it
_COUNT_ASIDE = re.compile(r"\s[–—]\s{1,4}+\d[\d\s]{0,6}+(?:[^\W\d_][\w'’-]{0,20}+\s{1,4}+){0,2}+[–—]\s")


@lru_cache(maxsize=16)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the clause breaks in ``sentence`` (kept for the next mentions in the same sentence); a dash
    between two names of a stretch of front (:func:`stretch_links`) is none, nor is either dash around a count set
    off as an aside (:data:`_COUNT_ASIDE`)."""
    spared = stretch_links(sentence) + tuple((m.start() - 1, m.end() + 1) for m in _COUNT_ASIDE.finditer(sentence))
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence)
                 if not any(a < m.start() and m.end() < b for a, b in spared))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause the mention stands in."""
    lo, hi = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return lo, hi


_HEADING_BREAK = re.compile(r"\s*+(?:[–—]|:)\s")  # matched at a clause's end only
_HEADING_WORDS = 3  # words a heading clause may hold besides the place ("В районе Спорного —", "У Херсоні:")
_LIST_GLUE = frozenset(r.key for r in _CONJUNCTIONS if r.cls in ("list", "contrast"))  # geo/rules/conjunctions.jsonl


def _heading_next(sentence: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int] | None:
    """The clause after a heading: a place with at most :data:`_HEADING_WORDS` words around it, then a dash or a
    colon, and what happened there ("В районе Спорного — позиционные бои", "Антонівка: пошкоджено будинок"). The
    dash stands for the verb 'is' in Russian and Ukrainian; a strike list writes the place, a colon and its damage."""
    if hi >= len(sentence) or not _HEADING_BREAK.match(sentence, hi):
        return None
    if len((sentence[lo:start] + " " + sentence[end:hi]).split()) > _HEADING_WORDS:
        return None
    nxt = _HEADING_BREAK.match(sentence, hi).end()
    return nxt, _clause_bounds(sentence, nxt, nxt + 1)[1]


def _colon_list_start(sentence: str, lo: int, start: int) -> int | None:
    """Start of the clause before a colon that opens a list of names holding the mention ("завдав 380 ударів по
    12 населених пунктах: Гуляйполю, Оріхову"): the list's places take that clause's verb. Only names, commas and
    conjunctions stand between the colon and the mention, and appositives that locate a name ("three villages:
    Zelenyi Hai, near the border with Dnipropetrovsk region, as well as Volodymyrivka and Mykhailivka")."""
    if lo < 2 or not sentence[lo - 2:lo].startswith(":") or not _list_items_only(sentence[lo:start]):
        return None
    return _clause_bounds(sentence, lo - 2, lo - 2)[0]


# after a name, the list going on: a comma or a conjunction, at most a lower-case word (the kind of place), a name
# (matched after the spaces that follow the name)
_LIST_GOES_ON = re.compile(r"(?:,\s*+|(?:и|і|й|та|а\s+также|а\s+також)\s++)(?:[a-zа-яёіїєґ]++\s++)?[A-ZА-ЯЁІЇЄҐ«]")


def _dash_list_start(sentence: str, lo: int, start: int, end: int) -> int | None:
    """Start of the clause before a dash that opens a list of names holding the mention ("освободили еще два
    населенных пункта — село Новоселовка и поселок Степное"; "перейшли під контроль … — Бересток, Закотне"): the
    Russian and Ukrainian dash that stands for "namely" after a count of places; the list's places take that
    clause's verb. Only names, commas, conjunctions ("а также", "а також" too) and a lower-case word right before a
    name (the kind of place, "село", "поселок"; a preposition, "в Запорожской области") stand between the dash and
    the mention. A place before the dash is a heading (:func:`_heading_next`), not this; nor is a pair of names
    joined by a dash, a road or a stretch of front ("дороги Дружківка – Костянтинівка"): one name after a name."""
    dash = next((b for b in _clause_breaks(sentence) if b[1] == lo and sentence[b[0]:b[1]].strip() in ("–", "—")), None)
    if dash is None or dash[0] <= 0 or not _dash_items_only(sentence[lo:start]):
        return None
    before = sentence[:dash[0]].split()
    if not sentence[lo:start].strip() and before and before[-1][:1].isupper() and not _LIST_GOES_ON.match(sentence, len(sentence) - len(sentence[end:].lstrip())):
        return None
    return _clause_bounds(sentence, dash[0], dash[0])[0]


_ALSO = re.compile(r"(?<!\w)а\s+(?:также|також)(?!\w)|\bas\s+well\s+as\b", re.IGNORECASE)


def _dash_items_only(text: str) -> bool:
    """Whether ``text`` (from a list's dash to a mention) holds only names, commas, conjunctions and lower-case
    words each right before or after a capitalised one (a kind of place or a preposition before a name, "области"
    after its adjective)."""
    words = _ALSO.sub(" и ", text).replace(",", " ").split()
    if not words:
        return True
    for k, word in enumerate(words):
        if word[:1].isupper() or word.casefold() in _LIST_GLUE:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        # the last word stands right before the mention itself, which is a name; a word after a capitalised
        # one ends a name ("Запорожской области")
        if not word.isalpha() or not (nxt is None or nxt[:1].isupper() or (k and words[k - 1][:1].isupper())):
            return False
    return any(w[:1].isupper() for w in words) or len(words) <= 1


_AS_WELL_AS = re.compile(r"\bas\s+well\s+as\b", re.IGNORECASE)


# a region that locates a list's item, after it ("A, B Харьковской области, C", "A у Запорізькій області, B", "A of the
# Zaporizhzhia region, B", "A, Kharkiv region, B"): a preposition at most, a capitalised name, a region's kind of
# geo/rules/region_words.jsonl (the kind words that make the name before them a region's)
_REGION_QUALIFIER = re.compile(r"(?<!\w)(?:(?:in|of|в|у|во)\s{1,4}+(?:the\s{1,4}+)?)?(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]{0,40}+\s{1,4}+"
                               + AFTER_WORDS + r"(?!\w)", re.IGNORECASE)


def _list_items_only(text: str) -> bool:
    """:func:`_names_only`, where "as well as" joins two items too, a comma-delimited item opening with a
    lower-case word right after a name is that name's appositive ("Zelenyi Hai, near the border, and …"), and a
    region after an item locates it, the list going on after it (:data:`_REGION_QUALIFIER`: a weekly recap's "A
    и B Донецкой Народной Республики, C Харьковской области, D")."""
    named = False
    for item in _AS_WELL_AS.sub(" and ", _REGION_QUALIFIER.sub(" ", text)).split(","):
        if _names_only(item):
            named = named or bool(item.split())
        elif not (named and item.split()[0].islower() and item.split()[0].isalpha()):
            return False
    return True


def _names_only(text: str) -> bool:
    """Whether ``text`` holds only names (capitalised words), commas and conjunctions: the head of a list."""
    return all(word[:1].isupper() or word.casefold() in _LIST_GLUE for word in text.replace(",", " ").split())


_BEARING_WORDS = 2  # words a list item's head before its dash may hold ("; northwest — near X", "; north of it — near X")
_GAPPED_WORDS = 3  # words the head of a gapped clause may hold (", а 4 сентября – B", ", а в Запорожской области – B")
# the contrast conjunction that opens a gapped clause (Russian and Ukrainian ", а"; geo/rules/conjunctions.jsonl)
_CONTRAST_BREAK = re.compile(rf",\s+{rows_pattern(r for r in _CONJUNCTIONS if r.cls == 'contrast')}\s+$", re.IGNORECASE)


# the list conjunctions that add (the list rows of geo/rules/conjunctions.jsonl but those of sense "or"): a clause
# after a dash that opens with one goes on with the clause before the dash ("… near A — and north of it, near B")
_AND_AFTER_DASH = re.compile(r"(?:" + rows_pattern(r for r in _CONJUNCTIONS if r.cls == "list" and r.get("sense") != "or")
                             + r")\s", re.IGNORECASE)


def _joined_after_dash(sentence: str, lo: int) -> bool:
    """Whether the clause at ``lo``, right after a dash, opens with an adding conjunction ("— and north of it, near
    X", "— и севернее, у X"): one more conjunct of the clause before the dash, whose verb it takes."""
    while lo < len(sentence) and sentence[lo].isspace():  # the spaces after the dash (read here: a leading \s*
        lo += 1                                            # in the pattern backtracks on a run of spaces)
    return bool(_AND_AFTER_DASH.match(sentence, lo))


def _previous_clause_start(sentence: str, lo: int) -> int | None:
    """Start of the clause before a ';' that ends at ``lo`` (verbless list items inherit its verb). An item
    may open with a bearing and a dash standing for the verb (ISW's "attacks on Kupiansk itself; northwest —
    near Tyshchenkivka; north — near Holubivka"): the item goes on with the clause before its ';'. So does a
    gapped clause after ", а", whose dash stands for the verb of the clause before it (Russian wire and MoD copy:
    "взяли под контроль A в ДНР, а бойцы «Востока» – B"; "5 сентября перешло село A, а 4 сентября – B"); so does a
    clause after a dash that opens with "and" (:func:`_joined_after_dash`: "advancing near A — and north of it, near
    B")."""
    if lo <= 0:
        return None
    if sentence[lo - 1] != ";":
        dash = next((b for b in _clause_breaks(sentence) if b[1] == lo and sentence[b[0]:b[1]].strip() in ("–", "—")), None)
        if dash is None:
            return None
        head = _clause_bounds(sentence, dash[0], dash[0])[0]
        words = sentence[head:dash[0]].split()
        listed = head > 0 and sentence[head - 1] == ";" and 0 < len(words) <= _BEARING_WORDS \
            and all(w.islower() for w in words)
        gapped = head > 0 and 0 < len(words) <= _GAPPED_WORDS and _CONTRAST_BREAK.search(sentence, 0, head) is not None
        if not (listed or gapped or _joined_after_dash(sentence, lo)):
            return None
        lo = head
    return _clause_bounds(sentence, lo - 1, lo - 1)[0] if lo - 1 > 0 else 0


_PARENTHESIS = re.compile(r"\(([^()]{1,300})\)")  # one level, no nesting: what stands between '(' and ')'


@lru_cache(maxsize=16)
def parentheses(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the text inside each pair of round brackets of ``sentence`` (one level, at most 300 characters):
    "(with DeepState marking the village of X as captured)" gives the span of "with … captured"."""
    return tuple(m.span(1) for m in _PARENTHESIS.finditer(sentence))
