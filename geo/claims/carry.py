"""What the text before a sentence carries over to it: the claimant ("..., the ministry said." then "It
added ...", a post's header line) and the front direction, read once over a report rather than once per sentence.

A sentence's context is the ``CONTEXT_REACH`` characters of the report before it. What it carries:

- the claimant: the last attribution of the last sentence of the context's last non-blank line, unless
  that line is a header; else the first attribution of the nearest header line (a short line naming a
  claimant, "Colonelcassad", or one introducing a quoted post, "Message from the Russian Ministry of
  Defense:");
- the direction: the last front direction named in the context ("Pokrovsk axis").

A caption line ("Фото: … / DeepState") names no speaker: it is passed over like a blank line.

:class:`ContextReader` reads a report's lines once, in order, as they are asked for: a sentence costs a
look-up of the nearest header line and non-blank line before it (bisection), the reading of its own line
up to it and of the last sentence of the line before (at most ``SENTENCE_REACH`` characters) — not a pass
over the 6,000 characters before it, which made a report of one name per line quadratic.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache, cached_property

from geo.claims.claimant import _Attr, _find_attributions, _header_attribution, _is_caption, _is_header, _last_sentence
from geo.claims.units import _find_directions_cached

__all__ = ["CONTEXT_REACH", "SENTENCE_REACH", "Carried", "ContextReader", "carried_from"]

#: characters before a sentence that carry a claimant or a direction over to it
CONTEXT_REACH = 6000
#: characters of the context's last sentence searched for its attributions (its end; a "sentence" of a
#: run-on line may be thousands of characters long)
SENTENCE_REACH = 2000


def _spoken_line(line: str) -> bool:
    """A line that may carry a speaker: not blank, not a caption."""
    stripped = line.strip()
    return bool(stripped) and not _is_caption(stripped)


def _last_attribution(line: str) -> _Attr | None:
    """The last attribution of a line's last sentence (its last :data:`SENTENCE_REACH` characters), or
    None (none, or the line is a header: its first attribution is the header's, see :meth:`ContextReader._claimant`)."""
    if _is_header(line):
        return None
    sentence = _last_sentence(line.strip())
    if len(sentence) > SENTENCE_REACH:  # its end, from a word's start
        cut = len(sentence) - SENTENCE_REACH
        while cut < len(sentence) and not sentence[cut - 1].isspace():
            cut += 1
        sentence = sentence[cut:]
    attrs = _find_attributions(sentence)
    return attrs[-1] if attrs else None


class ContextReader:
    """The claimant and direction the text before each sentence of ``text`` carries (see the module).

    Parameters
    ----------
    text : str
        The report's text.
    reach : int or None
        Characters before a sentence that count (:data:`CONTEXT_REACH`); None: all of them.

    Examples
    --------
    >>> t = "Colonelcassad\\nAssault units liberated Tykhe on the Pokrovsk axis. Units advanced on."
    >>> r = ContextReader(t)
    >>> s = t.index("Units")
    >>> r.claimant(s).text, r.direction(s)
    ('Colonelcassad', 'Pokrovsk axis')
    """

    def __init__(self, text: str, reach: int | None = CONTEXT_REACH) -> None:
        self.text = text
        self.reach = reach
        self._read = 0  # lines starting before this offset have been read
        self._lines: list[tuple[int, int]] = []  # the non-blank whole lines read, (start, end)
        self._line_ends: list[int] = []
        self._headers: list[tuple[int, _Attr]] = []  # the header lines read, (start, first attribution)
        self._header_starts: list[int] = []
        # answers asked for again are remembered for this report: a sentence's claimant, and the last
        # attribution of a line by its text (a report that repeats its lines, a list of one name per line,
        # reads each distinct line once)
        self._claimant_at = cache(self._claimant)
        self._said = cache(_last_attribution)

    def _read_lines(self, upto: int) -> None:
        """Read the whole lines that end (at their line break) before ``upto``, once each."""
        text, pos = self.text, self._read
        while pos < upto:
            nl = text.find("\n", pos, upto)
            if nl < 0:
                break
            line = text[pos:nl]
            if _spoken_line(line):
                self._lines.append((pos, nl))
                self._line_ends.append(nl)
                found = _header_attribution(line)
                if found is not None:
                    self._headers.append((pos, found))
                    self._header_starts.append(pos)
            pos = nl + 1
        self._read = max(self._read, pos)

    def claimant(self, at: int) -> _Attr | None:
        """The attribution the text before offset ``at`` (a sentence's start) carries over to it."""
        return self._claimant_at(at)

    def _claimant(self, at: int) -> _Attr | None:
        text = self.text
        lo = 0 if self.reach is None else max(0, at - self.reach)
        line_start = text.rfind("\n", 0, at) + 1
        if line_start > self._read:
            self._read_lines(line_start)
        current = text[max(lo, line_start):at]
        # the context's lines are the current line up to ``at``, the whole lines before it, and the part
        # of the line ``lo`` falls in after it (when ``lo`` falls inside a line before the current one)
        first = None
        if lo > 0 and text[lo - 1] != "\n" and lo < line_start:
            first = text[lo:text.find("\n", lo, line_start)]
            if not _spoken_line(first):
                first = None
        if not _spoken_line(current):
            current = ""
        # the last non-blank line
        last = current if current.strip() else None
        if last is None:
            k = bisect.bisect_left(self._line_ends, line_start) - 1
            if k >= 0 and self._lines[k][0] >= lo:
                last = text[self._lines[k][0]:self._lines[k][1]]
            elif first is not None and first.strip():
                last = first
        if last is None:
            return None
        said = self._said(last)
        if said is not None:
            return said
        # the nearest header line: the current one, a whole one, the part of the first one
        if current.strip():
            found = _header_attribution(current)
            if found is not None:
                return found
        k = bisect.bisect_left(self._header_starts, line_start) - 1
        if k >= 0 and self._headers[k][0] >= lo:
            return self._headers[k][1]
        if first is not None:
            return _header_attribution(first)
        return None

    @cached_property
    def _directions(self) -> tuple[tuple[tuple[str, int, int], ...], list[int]]:
        """The front directions named in the report, ``(name, start, end)``, and their ends (read once, when first asked)."""
        found = tuple(_find_directions_cached(self.text))
        return found, [d[2] for d in found]

    def direction(self, at: int) -> str:
        """The last front direction named in the text before offset ``at`` ("" for none)."""
        directions, ends = self._directions
        lo = 0 if self.reach is None else max(0, at - self.reach)
        k = bisect.bisect_right(ends, at) - 1
        return directions[k][0] if k >= 0 and directions[k][1] >= lo else ""

    def at(self, at: int) -> Carried:
        """What the text before offset ``at`` carries, read when asked."""
        return Carried(self, at)


@dataclass(frozen=True, slots=True)
class Carried:
    """What the text before one sentence carries over to it (read when first asked, see :class:`ContextReader`).

    Attributes
    ----------
    reader : ContextReader
        The reader of the report.
    at : int
        The sentence's start in the report.
    """

    reader: ContextReader = field(repr=False)
    at: int

    def claimant(self) -> _Attr | None:
        """The attribution carried over: the previous sentence's last, else the nearest header line's."""
        return self.reader.claimant(self.at)

    def direction(self) -> str:
        """The last front direction named before the sentence, or ""."""
        return self.reader.direction(self.at)


def carried_from(context: str) -> Carried:
    """What a context given as text (the text before a sentence, all of it counting) carries to the sentence after it.

    >>> carried_from("Fighting continues on the Lyman direction, the ministry said.\\n").claimant().text
    'the ministry'
    """
    return ContextReader(context, reach=None).at(len(context))
