"""The oblast or raion a report or a paragraph states as its scope, and the text it holds for.

A regional administration's strike list ("Минулої доби … обстрілювали населені пункти Херсонської області. Під
ударами були Михайлівка, Софіївка …"), a governor's statement ("Kharkiv Oblast Governor … said. Strikes hit
Mykhailivka …"), a paragraph of a summary about one oblast ("На Запоріжжі ворог атакував …"): the region named
first is where the villages listed after it lie, though they stand in a sentence of their own. A region counts
so for the text from the start of the sentence that names it to the next sentence naming a region, and never past
the end of its paragraph (as a front direction does, :mod:`geo.sectors`); a line ending in a colon (a heading:
"Херсонська область:") holds for the lines after it up to a blank line. A report that names regions of one oblast
only, one of them in its lead (its first two paragraphs: a headline and the first paragraph, or the first two
lines of a post), and no front direction named after a town of another, has that scope throughout.

What is not a scope: a region written right after a name as that name's own ("Tykhe, Dnipropetrovsk Oblast",
"Гуєво (Курщина)"): :mod:`geo.resolve` leaves those out (``owned``).

The regions are found by :func:`geo.resolve.find_regions` (the forms are rule tables: the kind words of
``geo/rules/region_words.jsonl``, "Херсонської області", "Kherson region", "Нікопольському районі", "у
Великописарівській громаді" (a hromada, which places the villages after it as its raion does); the one-word
names of ``geo/rules/region_names.jsonl``, "на Херсонщині", "на Запоріжжі"); this module only says where each
holds.

>>> from gazetteer.model import Place
>>> kherson = Place(1, "Kherson Oblast", 46.7, 33.4, "A", "ADM1", "UA", "Kherson Oblast")
>>> text = "Ворог обстрілював Херсонську область. Під ударами були Михайлівка та Софіївка."
>>> [(s.start, s.end, sorted(s.regions), s.lead) for s in find_scopes(text, [(18, 36, kherson, False)],
...                                                                 lambda x: (0, 37) if x < 37 else (38, len(text)))]
[(0, 78, ['Kherson Oblast'], False), (0, 78, ['Kherson Oblast'], True)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.model import Place
from gazetteer.names import fold

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["Scope", "clause_regions", "find_scopes", "oblast_of", "scope_name", "LEAD_PARAGRAPHS"]

#: How many of a report's first paragraphs with text are its lead (a headline and its first paragraph)
LEAD_PARAGRAPHS = 2

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
#: An oblast named by its centre's name opening a clause, before a comma: English retellings of a bulletin that
#: goes through the oblasts one by one ("In Kharkiv, the Sever group expelled … from Liman", "…, and in
#: Dnipropetrovsk, the village of X came under control")
_CLAUSE_REGION = re.compile(r"(?:^|(?<=[.;!?]\s)|(?<=\n)|(?<=,\sand\s))[Ii]n\s([A-Z][a-z'’]+),\s")
#: Where such a clause ends: the sentence's end, or the next clause opening so
_CLAUSE_END = re.compile(r"[.;!?\n]|,\sand\s[Ii]n\s")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z'’-]+")


@dataclass(frozen=True, slots=True)
class Scope:
    """The regions a stretch of text is about.

    Attributes
    ----------
    regions : frozenset[str]
        The regions' names as the gazetteer writes them ("Kherson Oblast", "Nikopol Raion"; a hromada's raion:
        :func:`scope_name`).
    start, end : int
        The text it holds for.
    text : str
        The first region as written ("Херсонської області").
    lead : bool
        Stated in the lead of a report about one oblast, holding for the whole report.
    """

    regions: frozenset[str]
    start: int
    end: int
    text: str
    lead: bool = False


def oblast_of(region: Place) -> str:
    """The oblast a region lies in: its own name for an oblast (ADM1), its ``admin1`` for a raion."""
    return region.name if region.feature_code == "ADM1" or not region.admin1 else region.admin1


def scope_name(region: Place) -> str:
    """The name a region places settlements by: its own, but a hromada's (ADM3) raion, the finest division a
    settlement of the gazetteer knows it lies in ("у Великописарівській громаді … Кам'янку": a Kamianka of
    Okhtyrka raion), so a hromada weighs as its raion does."""
    return region.admin2 if region.feature_code == "ADM3" and region.admin2 else region.name


def find_scopes(
    text: str,
    regions: Sequence[tuple[int, int, Place, bool]],
    sentence_of: Callable[[int], tuple[int, int]],
    other_oblasts: Iterable[str] = (),
) -> list[Scope]:
    """The scopes a report states: each paragraph's (in text order), then the report's own (``lead``), if any.

    Parameters
    ----------
    text
        The report's text.
    regions
        The regions named in it: (start, end, region, owned), ``owned`` when the region is a name's own
        ("Tykhe, Dnipropetrovsk Oblast"), which is no scope.
    sentence_of
        ``offset -> (start, end)`` of the sentence holding an offset.
    other_oblasts
        The oblasts of what else the report places by name alone: the towns of the front directions it
        names (a General Staff summary naming one oblast in its lead and the Kupiansk direction further
        on is about more than that oblast).
    """
    free = sorted((s, e, p) for s, e, p, owned in regions if not owned)
    if not free:
        return []
    # the sentences that state a scope: their start, their regions, the first as written
    stated: dict[int, tuple[set[str], str, int]] = {}
    for s, e, p in free:
        # (from its sentence's start, or its paragraph's where a sentence runs across a line break)
        sent = max(sentence_of(s)[0], text.rfind("\n", 0, s) + 1)
        names, _, _ = stated.setdefault(sent, (set(), text[s:e], s))
        names.add(scope_name(p))
    starts = sorted(stated)
    blanks: list[int] | None = None  # where the blank lines are, found once for the first heading
    out: list[Scope] = []
    for k, sent in enumerate(starts):
        names, written, at = stated[sent]
        para_end = text.find("\n", at)
        end = len(text) if para_end < 0 else para_end
        if text[sent:end].rstrip().endswith(":"):
            # a heading ("Херсонська область:"): the lines after it, up to a blank line
            if blanks is None:
                blanks = [b.start() for b in _BLANK_LINE.finditer(text)]
            k_blank = bisect.bisect_left(blanks, end)
            end = blanks[k_blank] if k_blank < len(blanks) else len(text)
        if k + 1 < len(starts):
            end = min(end, starts[k + 1])  # the next sentence naming a region closes it
        out.append(Scope(frozenset(names), sent, end, written))
    # the report's own: regions (and front directions) of one oblast only, one of them named in its lead
    if len({oblast_of(p) for _, _, p, _ in regions} | set(other_oblasts)) == 1:
        lead_end = _lead_end(text)
        in_lead = [(s, e, p) for s, e, p in free if s < lead_end]
        if in_lead:
            out.append(Scope(frozenset(scope_name(p) for _, _, p in in_lead), 0, len(text),
                             text[in_lead[0][0]:in_lead[0][1]], lead=True))
    return out


def _lead_end(text: str) -> int:
    """Where a report's lead ends: after its first :data:`LEAD_PARAGRAPHS` lines with text."""
    seen, pos = 0, 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            seen += 1
            if seen == LEAD_PARAGRAPHS:
                return end
        pos = end + 1
    return len(text)


def clause_regions(text: str, gaz: Gazetteer) -> list[tuple[int, int, Place]]:
    """The oblasts named by their centres' names opening a clause (``(start, end, oblast)`` of each name).

    "In Kharkiv, the Sever group expelled the enemy from Liman": Kharkiv Oblast, which places the villages of
    that clause as any region named in their sentence does; an oblast only when a capitalised word after the
    comma, before the clause ends (the sentence's end or the next ", and in X,"), names a place of the
    gazetteer (in any spelling it looks names up by) other than the centre: "In Kharkiv, a drone hit a house"
    is the city. Only in a text that goes through two oblasts or more so: "In Kherson, shelling damaged houses
    in the Dniprovskyi district" is the city too.
    """
    out = []
    for m in _CLAUSE_REGION.finditer(text):
        place = gaz.region(m.group(1))
        if place is None or place.feature_code != "ADM1":
            continue
        end = _CLAUSE_END.search(text, m.end())
        own = fold(m.group(1))
        if any(fold(w.group(0)) != own and gaz.candidates(w.group(0), fuzzy=False, limit=1)
               for w in _CAPITALISED_WORD.finditer(text, m.end(), end.start() if end else len(text))):
            out.append((m.start(1), m.end(1), place))
    # a retelling that goes through the oblasts names two or more so; one such clause is a town's
    return out if len({p.geonameid for _, _, p in out}) >= 2 else []
