"""Sentences and paragraphs of running report text, as ``(start, end)`` spans.

Spans are offsets into the text as given (``text[start:end]`` is the sentence, without the
surrounding whitespace), so a mention's offsets can be matched to its sentence.

Boundaries are found in one regular-expression pass over the candidate break points:

- a blank line always ends a sentence (and a paragraph);
- a single line break ends a sentence (headlines, bullets, list items, verse), except a wrapped
  line: the line before has no closing punctuation and the next starts in lower case;
- ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) followed by a space ends a
  sentence when the next word starts a sentence (capital letter, digit, opening quote, bullet);
- not after a list number at the start of a line (``1. Zvanovka …``), a title or common
  abbreviation (``Mr.``, ``St.``, ``Gen.``, ``approx.``, ``vs.``, ``No.``, ``Nov.``, ``(Ukr.)``,
  Russian ``им.``, ``пгт.``, ``г. Купянск`` but not ``2025 г.`` …), an initial (``M. Rubio``) or a dotted acronym
  (``U.S.``, ``e.g.``, ``н.п.``); decimals (``47.9``) and coordinates (``47°54′20″ N``) have no
  space after their dot and never break. Abbreviations that often end a sentence (``km.``,
  ``etc.``) break only before a capital, like any other word.
- nor inside a short quoted name that closes later on the line (a programme, outlet or project
  title: «Суспільне. Студія», “Україна. Сьогодні”, „Что? Где? Когда?“, "Россия. Сегодня"); a quotation closed
  by its own full stop and a speaker's quotation of several sentences still split (:func:`_in_quoted_name`).

Examples
--------
>>> text = "Mr. Whitkoff met Putin. M. Rubio said 47.9% agreed! Then talks ended."
>>> [text[a:b] for a, b in sentences(text)]
['Mr. Whitkoff met Putin.', 'M. Rubio said 47.9% agreed!', 'Then talks ended.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from geo.rules.lookup import lookup_rows

__all__ = ["sentences", "sentence_at", "paragraphs"]

# Candidate break points: a run of line breaks, or closing punctuation followed by spaces. Every
# match starts with one of the characters of its first set, so the regex engine skips to those
# characters at once instead of trying each position (nearly 3x faster); the spaces and tabs
# before a line break, which a break also takes, are found by looking back (_line_start).
# A run of punctuation matches whole even with no space after it (such a match is no break and
# is passed over): a run of "!?." is then read once, not once from each of its characters.
_BREAK = re.compile(
    r"[\n.!?…](?:(?<=\n)(?P<nl>(?:[ \t\r]*\n)*[ \t\r]*)"
    r"|(?P<punct>[.!?…]*)(?P<close>[\"'”’»)\]]*)[ \t\u00a0]*)"
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")
#: How far back from a dot the word before it is read.
_WORD_BEFORE_REACH = 24
_ACRONYM = re.compile(r"^(?:\w\.)+\w$")
_COORD_BEFORE = re.compile(r"[\d°′″'\"]\s?$")

# Words that, followed by a dot, almost never end a sentence (casefolded, without the dot): the rows of
# geo/rules/abbreviations.jsonl
_ABBREVIATIONS = frozenset(r.phrase for r in lookup_rows("abbreviations"))
_CLOSING = frozenset(".!?…:;\"'”’»)]")
_OPENING = frozenset("\"'“‘«([—–-•*➡►▶✅❗⚡🔴🟢")
#: The only non-ASCII letters a case-insensitive regex matches to ASCII ones (ı, İ, ſ, the Kelvin
#: sign): a string test that lower-cases words in place of such a regex leaves these to the regex.
FOLDS_TO_ASCII = frozenset("\u0131\u0130\u017f\u212a")


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENING or (not ch.isalpha() and not ch.isspace() and ch not in ",;:")


def _dot_is_abbreviation(text: str, dot: int) -> bool:
    """Whether the single dot at ``dot`` closes an abbreviation, initial or acronym."""
    found = _word_before_dot(text, dot)
    if found is None:
        return False
    start, word = found
    word = word.lstrip(".-")
    if not word:
        return False
    folded = word.casefold()
    if word.isdigit():
        # "1. Zvanovka …": a list number at the start of a line, not the end of a sentence
        line_start = text.rfind("\n", 0, start) + 1
        return len(word) <= 3 and not text[line_start : start].strip()
    if _ACRONYM.match(word):
        return True
    if folded in ("г", "гг"):
        # "23 ноября 2025 г." often ends a sentence; "г. Купянск" (город) does not.
        return not text[max(0, start - 6) : start].rstrip().endswith(tuple("0123456789"))
    if len(word) == 1 and word.isalpha():
        if word in "NSEWСЮВЗ" and _COORD_BEFORE.search(text, max(0, start - 3), start):
            return False  # "36°14′58″ E." ends a sentence
        return word.isupper() or word.islower() and folded not in "аяи"
    return folded in _ABBREVIATIONS


def _glued_break(text: str, at: int, end: int, lo: int) -> bool:
    """Whether punctuation at ``at`` with no space after it (``end``) still ends a sentence: scraped
    pages lose the space between sentences ("…in the DPR region.Additionally, units…",
    "…заявил.Кроме того…"). It does when a lower-case word of three or more letters (or a closing
    bracket or quote) stands before it and a capitalised word of three or more letters after it,
    outside a web or mail address and after no abbreviation ("г.Купянск", "с.Іванівка", "U.S.Army"
    stay whole).

    Examples
    --------
    >>> t = "The ministry said.Additionally, units struck."
    >>> _glued_break(t, t.index(".A"), t.index(".A") + 1, 0)
    True
    >>> t = "see sputnikglobe.com/News and г.Купянск"
    >>> [_glued_break(t, t.index(x), t.index(x) + 1, 0) for x in (".com", ".К")]
    [False, False]
    """
    word = text[end : end + 4]
    if len(word) < 3 or not word[0].isupper() or not word[1:3].isalpha() or not word[1:3].islower():
        return False
    before = text[at - 1] if at > lo else ""
    if before in ")]\"'”’»":
        pass
    elif not before.isalpha() or not before.islower():
        return False
    else:
        found = _word_before_dot(text, at)
        if found is None or len(found[1]) < 3 or not found[1].isalpha() or not found[1].islower():
            return False
        if text[at] == "." and _dot_is_abbreviation(text, at):
            return False
    # the whole token around the break: an address ("site.com/News", "mail@Site.Org") is no break
    a = at
    while a > lo and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace() and b - end < 80:
        b += 1
    token = text[a:b]
    return not any(x in token for x in ("/", "@", "www", "http"))


def _word_before_dot(text: str, dot: int) -> tuple[int, str] | None:
    """The word right before a dot (its start and text): letters, digits, inner dots and hyphens
    ("U.S", "р-н", "Gen"), read at most :data:`_WORD_BEFORE_REACH` characters back.

    What ``re.search(r"[\\w.\\-]+$", text[dot - 24:dot])`` finds, read back from the dot: the
    regex, tried from each character of a long run, takes time quadratic in it.
    """
    lo = max(0, dot - _WORD_BEFORE_REACH)
    end = dot - 1 if dot > lo and text[dot - 1] == "\n" else dot  # "$" before a final line break
    k = end
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in "_.-"):
        k -= 1
    return (k, text[k:end]) if k < end else None


#: Opening quotes and the quotes that close them: «…», “…”, „…“ (or „…”), "…".
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“”", '"': '"'}
#: The longest quoted name (opening to closing quote) that a full stop inside does not cut.
_QUOTED_NAME_REACH = 60
#: The most words of a quoted name with a full stop inside (a title's parts are a word or two each).
_QUOTED_NAME_WORDS = 4
#: The last opening quote before a break on its line (searched up to the break).
_LAST_OPENING_QUOTE = re.compile('[«“„"][^«“„"\n]*\\Z')


def _in_quoted_name(text: str, at: int, lo: int, hi: int) -> bool:
    """Whether the break at ``at`` stands inside a short quoted name (a programme, outlet or
    project title: «Суспільне. Студія», “Україна. Сьогодні”, "Вести. Итоги") that closes shortly after it.

    The quotes open before ``at`` and close after it on the same line, at most
    :data:`_QUOTED_NAME_REACH` characters apart, with a capital or digit right after the opening
    quote, no comma, semicolon or colon between them, at most :data:`_QUOTED_NAME_WORDS` words
    in all, and no full stop, "!" or "…" right before the closing quote. Words quoted from a
    speaker ("It was hard, believe me. We held," «дуже важко. Тримаємось», "We left. It was
    over.", «Ворог наступає на Мирноград. Виїжджайте») run longer, hold a comma, start in lower
    case or end with their own full stop, and stay several sentences.
    A quote that closes right after its own full stop («Бои идут.» Так сообщили.) is no break
    inside the quotes, and is not asked about.
    """
    found = _LAST_OPENING_QUOTE.search(text, max(lo, at - _QUOTED_NAME_REACH), at)
    if found is None:
        return False
    opening = found.start()
    if opening > lo and text[opening - 1].isalnum():
        return False  # a quote that closes a word ("Бахмут" said.)
    first = text[opening + 1]
    if not (first.isupper() or first.isdigit()):
        return False  # a name starts with a capital; quoted words that go on a sentence need not
    closers = _QUOTE_PAIRS[text[opening]]
    last = min(hi, opening + _QUOTED_NAME_REACH)
    closing = -1
    for q in closers:
        k = text.find(q, at + 1, last)
        if k >= 0 and (closing < 0 or k < closing):
            closing = k
    if closing < 0 or any(q in text[opening + 1 : at] for q in closers):
        return False  # the quote does not close shortly after the break, or closed before it
    inside = text[opening + 1 : closing]
    if "\n" in inside or any(ch in inside for ch in ",;:") or text[closing - 1] in ".!…":
        return False  # over a line break, a clause, or quoted sentences ("We left. It was over.")
    return len(inside.split()) <= _QUOTED_NAME_WORDS


def _line_start(text: str, newline: int, bound: int) -> int:
    """Where a line break at ``newline`` starts: before the spaces, tabs and carriage returns
    right before it, but not before ``bound`` (the end of the previous break)."""
    k = newline
    while k > bound and text[k - 1] in " \t\r":
        k -= 1
    return k


def _iter_sentences(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    start = lo
    last = lo  # the end of the previous candidate break
    for m in _BREAK.finditer(text, lo, hi):
        at, end = m.span()
        if m.group("nl") is not None:
            cut = _line_start(text, at, last)
            last = end
            if m.group().count("\n") == 1:
                before = text[cut - 1] if cut > lo else ""
                after = text[end : end + 1]
                if before and before not in _CLOSING and after.islower():
                    continue  # a wrapped line
        else:
            if end == m.end("close") and not _glued_break(text, at, end, lo):
                continue  # no space after the punctuation: no break
            last = end
            after = text[end : end + 1]
            if not after or not _starts_sentence(after):
                continue
            cut = m.end("close")
            # a single dot (the first character of the match), closed by nothing or a bracket
            single_dot = text[at] == "." and m.end("punct") == at + 1 and text[at + 1 : cut] in ("", ")", "]")
            if single_dot and _dot_is_abbreviation(text, at):
                continue
            if m.end("close") == m.end("punct") and _in_quoted_name(text, at, lo, hi):
                continue  # «Суспільне. Студія»: a name in quotes, not the end of a sentence
        span = _trim(text, start, cut)
        if span:
            yield span
        start = end
    span = _trim(text, start, hi)
    if span:
        yield span


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def sentences(text: str, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, in order, without surrounding whitespace.

    Parameters
    ----------
    text : str
        Running text: an article, a post, a bulletin with bullets or line-broken headlines.
    keep : sequence of (int, int)
        Spans (place names) that a sentence too long to keep whole (:data:`MAX_SENTENCE`) is
        never cut inside.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets; ``text[start:end]`` is one sentence.

    Examples
    --------
    >>> t = 'Tikhoe (47°54′20″ N, 36°14′58″ E) fell, approx. 3 km. from Volche. "It is ours," Gen. Ivanov said.'
    >>> [t[a:b] for a, b in sentences(t)]
    ['Tikhoe (47°54′20″ N, 36°14′58″ E) fell, approx. 3 km. from Volche.', '"It is ours," Gen. Ivanov said.']
    >>> t = "Key points:\\n- Seversk: fighting\\n- Dimitrov: advance"
    >>> [t[a:b] for a, b in sentences(t)]
    ['Key points:', '- Seversk: fighting', '- Dimitrov: advance']
    """
    return _bounded(text, _iter_sentences(text, 0, len(text)), keep)


def _bounded(text: str, spans, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The spans, each longer than :data:`MAX_SENTENCE` cut at its clause breaks (never inside
    a span of ``keep``)."""
    out: list[tuple[int, int]] = []
    kept = sorted(keep)
    for a, b in spans:
        if b - a > MAX_SENTENCE:
            out.extend(_split_long(text, a, b, kept))
        else:
            out.append((a, b))
    return out


#: A "sentence" longer than this (a list of names with no full stop, a scraped table) is cut
#: at clause breaks, so that the work done around each mention stays bounded.
MAX_SENTENCE = 600
_CLAUSE_BREAK = re.compile(r"[;,:]\s+|\s+[-–—]\s+|\s+")


def _split_long(text: str, a: int, b: int, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Cut ``text[a:b]`` into pieces of at most ``MAX_SENTENCE`` characters, at the last clause
    break (``;``, ``,``, ``:``, a dash, else a space) before each limit, else after the last
    character that is not a letter or digit; never inside a word nor inside a span of ``keep``
    (sorted ``(start, end)`` spans: place names). A piece with no such place before its limit
    runs on to the first one after it.

    Examples
    --------
    >>> t = ", ".join(["Pokrovsk"] * 200)
    >>> spans = _split_long(t, 0, len(t))
    >>> max(e - s for s, e in spans) <= MAX_SENTENCE and t[spans[1][0]:].startswith("Pokrovsk")
    True
    >>> t = "near Novyi Donbas " * 60
    >>> names = [(m.start(), m.end()) for m in re.finditer("Novyi Donbas", t)]
    >>> all(any(s <= n0 and n1 <= e for s, e in _split_long(t, 0, len(t), names)) for n0, n1 in names)
    True
    """
    starts = [s for s, _ in keep]

    def inside(p: int) -> int:
        """The end of the span of ``keep`` that a cut at ``p`` would fall inside, else -1."""
        k = bisect.bisect_left(starts, p) - 1
        end = -1
        while k >= 0 and keep[k][0] >= p - _LONGEST_KEPT:  # spans are short: look back a little
            if keep[k][1] > p:
                end = max(end, keep[k][1])
            k -= 1
        return end

    spans: list[tuple[int, int]] = []
    start = a
    while b - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        lo = start + MAX_SENTENCE // 3
        breaks = [m for m in _CLAUSE_BREAK.finditer(text, lo, limit)
                  if inside(m.start()) < 0 and inside(m.end()) < 0]
        punct = [m for m in breaks if text[m.start()] in ";,:"]
        cut = punct[-1] if punct else (breaks[-1] if breaks else None)
        if cut is not None:
            end, nxt = cut.start() + (1 if text[cut.start()] in ";,:" else 0), cut.end()
        else:
            end = _word_edge(text, lo, limit, inside, back=True)
            if end < 0:  # one word (or name) fills the window: cut after it
                end = _word_edge(text, limit, b, inside, back=False)
            if end < 0 or end >= b:
                break
            nxt = end
        spans.append((start, end))
        start = nxt
    if start < b:
        spans.append((start, b))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span]


#: The longest span :func:`_split_long` is asked to keep whole (a place name is a few words).
_LONGEST_KEPT = 200


def _word_edge(text: str, lo: int, hi: int, inside, *, back: bool) -> int:
    """The last (``back``) or first position in ``(lo, hi]`` between two characters that are not
    both letters or digits, and not inside a kept span (``inside``); -1 if none."""
    rng = range(hi, lo, -1) if back else range(lo + 1, hi + 1)
    for p in rng:
        if p >= len(text) or not (text[p - 1].isalnum() and text[p].isalnum()):
            if inside(p) < 0:
                return p
    return -1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of text separated by blank lines, without surrounding whitespace.

    Examples
    --------
    >>> t = "One.\\nStill one.\\n\\n  Two.  "
    >>> [t[a:b] for a, b in paragraphs(t)]
    ['One.\\nStill one.', 'Two.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BLANK_LINE.finditer(text):
        span = _trim(text, start, m.start())
        if span:
            spans.append(span)
        start = m.end()
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the sentence holding ``offset``.

    Only the paragraph around ``offset`` is split, so calling this for each mention of a long
    report stays cheap. An offset in the whitespace between two sentences gives the next one
    (the previous one at the end of the text).

    Parameters
    ----------
    text : str
    offset : int
        ``0 <= offset <= len(text)``.

    Raises
    ------
    ValueError
        If ``offset`` is outside the text, or the text holds no sentence.

    Examples
    --------
    >>> t = "Russia said it took Zvanovka. Kyiv denied it."
    >>> a, b = sentence_at(t, t.index("Kyiv"))
    >>> t[a:b]
    'Kyiv denied it.'
    """
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside the text (length {len(text)})")
    lo = text.rfind("\n\n", 0, offset)
    lo = 0 if lo < 0 else lo
    hi = text.find("\n\n", offset)
    hi = len(text) if hi < 0 else hi
    spans = _bounded(text, _iter_sentences(text, lo, hi))
    if not spans:
        spans = sentences(text)
        if not spans:
            raise ValueError("the text holds no sentence")
    i = bisect.bisect_right(spans, (offset, len(text) + 1)) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return spans[i + 1] if i + 1 < len(spans) else spans[-1]
