"""Dates in report text: the report's own date, absolute dates, and a claim's date relative to it.

Written forms understood (English, Russian, Ukrainian):

- ISO ``2025-11-20`` (also ``2025/11/20``, ``2025-11-20T06:17``);
- numeric, day first as European and Russian sources write them: ``25/11/2025``, ``25.11.2025``,
  ``25-11-25``; month first (``11/25/2025``) only when the day (> 12) makes it unambiguous;
- ``November 23rd, 2025``, ``Nov 23, 2025``, ``Nov. 23``, ``Tuesday, December 2, 2025``,
  ``On November, 11th``;
- ``23 November 2025``, ``23rd of November``, ``23-Nov-2025``, ``23 ноября 2025 г.``,
  ``23 листопада 2025 року``;
- ``(27/11)``: day/month in brackets, needing a reference year.

A date without a year takes the year that puts it on or before the reference (the report's date);
one up to 7 days after the reference keeps the nearer year, so "talks on December 5" in a
December 3 report stays in the same year, and "December 30" in a January 2 report goes back a year.
Dates that do not exist (``31/02/2025``) are not dates.

For claims, relative words count from the report's date. They are data: ``geo/rules/day_phrases.jsonl``,
one row per phrase with its language, offset in days and scope (:func:`day_phrases`): "yesterday"
(вчера, вчора) -1, "the day before yesterday" -2, "today", "overnight", the Russian MoD's "за
прошедшие сутки" and the English "over the past 24 hours" 0 — and the Ukrainian daily summary's
"past day" ("минулої доби", "за минулу добу", "упродовж доби"), written in the morning about the day
before, -1, with paragraph scope (:mod:`geo.discourse` carries it through its paragraph and list); an
evening update's "з початку доби" (since the day began) is 0. A row's ``morning_offset`` is its offset
when a speaker whose daily summary comes out in the morning says it (:func:`date_and_scope`, ``summary``):
the English "past day" of a regional governor's morning list is the day before; its ``bulletin_offset`` its
offset in the General Staff's summary, which is dated the day it comes out: the Ukrainian "упродовж доби"
("during the day") that the General Staff reports, retold by an outlet or not, is the report's day.
Weekdays are the most recent such day
on or before the report date, the report day itself included, as in Russian MoD news ("the Russian
Defense Ministry said on Saturday", published that Saturday); "last Friday" excludes the report day.
A weekday followed by a day of a month ("Saturday, 16 March", "среду, 25 сентября") leaves the day to
that date; followed by any other number ("On Saturday, 58 combat engagements were recorded") it is its own.
So does a relative day set off from a written date ("Напередодні, 21 грудня, …", "today, December 23"): the
date names the day, the relative word keeps its scope.
Vague spans ("last week", "in recent days") give no date.

No ``dateparser``: a few compiled regular expressions cover these forms at a fraction of its cost
and without its eagerness to read "May" or "2 of 3" as dates.

Examples
--------
>>> import datetime as dt
>>> parse_date("Tuesday, December 2, 2025")
datetime.date(2025, 12, 2)
>>> parse_date("23 ноября 2025 г.")
datetime.date(2025, 11, 23)
>>> claim_date("The Russian Defense Ministry said on Saturday", dt.date(2024, 9, 14))
datetime.date(2024, 9, 14)
>>> claim_date("On November 22, the settlement of Zvanovka was liberated.", dt.date(2025, 11, 23))
datetime.date(2025, 11, 22)
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from frontmap.errors import DateError, RuleError
from geo.rules import APOSTROPHES, RULES_DIR, Rule, load_table, normalise_phrase
from geo.rules.lookup import class_pattern, lookup_rows, row_pattern
from geo.rules.matcher import rows
from geo.text import FOLDS_TO_ASCII

__all__ = ["BODY_REFERENCE", "refers_back", "DAY_TABLE", "RELATIVE_OPENING", "SCOPES", "SUMMARY_OFFSETS",
           "find_report_date", "parse_date", "claim_date", "date_and_scope", "written_date", "day_phrases", "item_date",
           "mention_date", "PAGE_STAMP"]

# month and weekday names: the rows of geo/rules/calendar.jsonl (each form a row, with its number)
_MONTHS: dict[str, int] = {r.key: int(r.get("month")) for r in lookup_rows("calendar") if r.cls == "month"}
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
# English month words that are also common words: accepted only when capitalised (``case: title``).
_AMBIGUOUS_MONTHS = frozenset(r.key for r in lookup_rows("calendar") if r.cls == "month" and r.get("case") == "title")

_WEEKDAYS: dict[str, int] = {r.key: int(r.get("weekday")) for r in lookup_rows("calendar") if r.cls == "weekday"}
# a day of the month named without the month ("2 числа"): the words of calendar.jsonl's ``month-day`` rows
_MONTH_DAY_RE = "|".join(sorted((re.escape(r.key) for r in lookup_rows("calendar") if r.cls == "month-day"),
                                key=len, reverse=True))
# an apostrophe in any of its spellings (п'ятниця, п’ятниця, пʼятниця), as in every rule table
_WEEKDAY_RE = "|".join(sorted((re.escape(w).replace("'", f"[{APOSTROPHES}]") for w in _WEEKDAYS), key=len, reverse=True))

_SP = r"[\s\u00a0]"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_YEAR_SUFFIX = r"(?:" + _SP + r"*(?:г\.?|года|року|р\.))?"

DAY_TABLE = "day_phrases"
SCOPES = frozenset({"sentence", "paragraph"})
_OFFSETS = frozenset({"-2", "-1", "0"})
COUNTS_FROM = frozenset({"named"})  #: a day phrase's ``counts_from``: the day named before it in its sentence
_WORDS_BEFORE_ANCHOR = 3  # at most this many words of a match stand before its digit or date word


def day_phrases(folder: Path | None = None) -> tuple[Rule, ...]:
    """The rows of ``geo/rules/day_phrases.jsonl``: words that date a claim relative to the report.

    Each row gives a phrase (``yesterday``, ``минулої доби``…), its language, ``offset`` (days from
    the report's date: ``-2``, ``-1`` or ``0``) and ``scope``: ``sentence`` (it dates the sentence it
    stands in) or ``paragraph`` (it also dates the rest of its paragraph and a list its sentence
    introduces with a colon, wherever in the paragraph it stands: the opening of a daily summary).
    A row may give a ``morning_offset``: its offset when the speaker is one whose daily summary comes
    out in the morning about the day before (a speaker row of ``summary: morning``, a regional
    administration: "Over the past day, Russian forces shelled 12 settlements, the governor said"); a
    ``bulletin_offset`` its offset when the speaker's summary is dated the day it comes out (a speaker row of
    ``summary: bulletin``, the General Staff: "Упродовж доби відбулося 120 боєзіткнень, повідомляє Генштаб");
    without them, the phrase means the same day whoever says it.

    Parameters
    ----------
    folder : Path, optional
        Where the table lives (default ``geo/rules/``; tests use a temporary folder).

    Raises
    ------
    frontmap.errors.RuleError
        Naming the file and line of a bad row, or of a phrase of more than four words (the scan's
        fast gate looks for its last word and reads back at most three words from it).

    Examples
    --------
    >>> rows = {(r.phrase, r.lang): r for r in day_phrases()}
    >>> rows["минулої доби", "uk"].get("offset"), rows["минулої доби", "uk"].get("scope")
    ('-1', 'paragraph')
    """
    rows = load_table(DAY_TABLE, classes={"relative"},
                      fields={"offset": _OFFSETS, "scope": SCOPES, "counts_from": COUNTS_FROM,
                              **{f: _OFFSETS for f in SUMMARY_OFFSETS.values()}},
                      required=("offset", "scope"), folder=folder)
    for row in rows:
        if len(row.key.split()) > _WORDS_BEFORE_ANCHOR + 1:
            raise RuleError(f"{(folder or RULES_DIR) / DAY_TABLE}.jsonl:{row.line}: {row.phrase!r}: more than "
                            f"{_WORDS_BEFORE_ANCHOR + 1} words (the scan's gate looks for the last one)")
    return rows


def _anchor(key: str) -> str:
    """The word of a phrase the scan's gate looks for: its last (the head noun: "day", "доби", "сутки")."""
    return key.split()[-1]


def _phrase_regex(row: Rule) -> str:
    words = [re.escape(w) for w in row.key.split()]
    if row.match == "prefix":
        words[-1] += r"\w*"
    return (_SP + "+").join(words)


#: a speaker row's ``summary`` (``geo/rules/speakers.jsonl``) → the day phrases' field that gives a phrase's offset in
#: that speaker's daily summary: "morning" (a regional administration's list, out in the morning about the day
#: before) and "bulletin" (the General Staff's summary, dated the day it comes out, as the Russian MoD's bulletin)
SUMMARY_OFFSETS = {"morning": "morning_offset", "bulletin": "bulletin_offset"}


def _kind(row: Rule) -> tuple[str, str, tuple[tuple[str, str], ...], bool]:
    """What a day phrase says: its offset, scope, its offset in each kind of daily summary (its offset when it
    gives none), and whether it counts from a day its sentence names before it ("the previous day")."""
    off = row.get("offset")
    return (off, row.get("scope"), tuple((k, row.get(f) or off) for k, f in sorted(SUMMARY_OFFSETS.items())),
            row.get("counts_from") == "named")


# one alternative per (offset, scope, offsets by summary): which row matched needs no second look; the alternatives
# are tried longest phrase first, so that a phrase another one begins with ("the day before" of "the day before
# yesterday") does not take its place
_RELATIVE: list[tuple[int, str, str, dict[str, int]]] = []  # offset, scope, pattern, offset by the speaker's summary
_FROM_NAMED: set[str] = set()  # the groups of the phrases that count from a day named before them ("the previous day")
for (_off, _scope, _by_summary, _named) in sorted({_kind(r) for r in day_phrases()},
                                                  key=lambda k: -max(len(r.key) for r in day_phrases() if _kind(r) == k)):
    _keys = sorted((r for r in day_phrases() if _kind(r) == (_off, _scope, _by_summary, _named)), key=lambda r: -len(r.key))
    if _named:
        _FROM_NAMED.add(f"rel{len(_RELATIVE)}")
    _RELATIVE.append((int(_off), _scope, "|".join(_phrase_regex(r) for r in _keys),
                      {k: int(v) for k, v in _by_summary}))

_PATTERN = re.compile(
    r"(?:\b|(?=\())"  # every form starts at a word boundary or a bracket: a cheap first test
    r"(?:(?P<iso>(?<![\d.])(?P<iso_y>" + _YEAR + r")[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})(?!\d))"
    r"|(?P<num>(?<![\d./])(?P<n_a>\d{1,2})(?P<n_sep>[./-])(?P<n_b>\d{1,2})(?P=n_sep)"
    r"(?P<n_y>" + _YEAR + r"|\d\d)(?![\d])(?!\.\d)" + _YEAR_SUFFIX + r")"
    r"|(?P<dmy>(?<![\w.])(?P<dmy_d>\d{1,2})" + _ORD + r"(?:" + _SP + r"+of)?(?:" + _SP
    + r"+|-)(?P<dmy_m>" + _MONTH_RE + r")(?![^\W\d_])\.?(?:(?:," + _SP + r"*|" + _SP + r"+|-)(?P<dmy_y>"
    + _YEAR + r")(?!\d)" + _YEAR_SUFFIX + r")?)"
    r"|(?P<mdy>(?<![\w.])(?P<mdy_m>" + _MONTH_RE + r")(?![^\W\d_])\.?,?" + _SP
    + r"+(?P<mdy_d>\d{1,2})" + _ORD + r"(?![\d:])(?:,?" + _SP + r"+(?P<mdy_y>" + _YEAR + r")(?!\d))?)"
    r"|(?P<paren>\((?P<p_d>\d{1,2})[/.](?P<p_m>\d{1,2})\))"
    r"|(?P<dom>(?<![\w.])(?P<dom_d>\d{1,2})(?:-?го)?" + _SP + r"+(?:" + _MONTH_DAY_RE + r")(?![^\W\d_]))"
    + "".join(r"|(?P<rel" + str(i) + r">(?<!\w)(?:" + rx + r")(?!\w))" for i, (_, _, rx, _) in enumerate(_RELATIVE))
    + r"|(?P<wd>(?<!\w)(?P<wd_last>last" + _SP + r"+)?(?P<wd_name>" + _WEEKDAY_RE + r")(?![^\W\d_])"
    # a weekday that heads a written date ("Tuesday, December 2", "Sunday 30 June", "среду, 25 сентября",
    # "Friday 14.06.2024") leaves the day to it; a number that is no day of a month ("On Saturday, 58 combat
    # engagements were recorded") leaves the weekday its own
    r"(?!,?" + _SP + r"+(?:\d{1,2}" + _ORD + r"(?:" + _SP + r"+of)?(?:" + _SP + r"+|-)(?:" + _MONTH_RE
    + r")(?![^\W\d_])|\d{1,2}[./-]\d{1,2}(?!\d)|" + _YEAR + r"[-/.]\d|(?:" + _MONTH_RE + r")(?![^\W\d_])))))",
    re.IGNORECASE,
)

_ABSOLUTE_KINDS = ("iso", "num", "dmy", "mdy", "paren")

# A relative day set off from the written date it stands for: "напередодні, 21 грудня,", "накануне (20 ноября)",
# "today, December 23", "the day before, on December 21", or followed by it directly, a summary's day and the day it
# counts ("упродовж доби 26 лютого", "за сутки 26 февраля"): the written date names the day (the relative word counts
# from a day the writer may not share: a retelling published later), the relative word keeps its scope.
_APPOSED = re.compile(r"(?<![ \t\u00a0])(?:[ \t\u00a0]*[,(–—-][ \t\u00a0]*(?:on[ \t\u00a0]+)?|[ \t\u00a0]+)"
                      r"(?=\d|(?:" + _MONTH_RE + r")(?![^\W\d_]))",
                      re.IGNORECASE)
_FORWARD_GRACE = _dt.timedelta(days=7)


def _make(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, reference: _dt.date | None) -> _dt.date | None:
    """The date ``day``/``month`` in the latest year that puts it at most 7 days after ``reference``."""
    if reference is None:
        return None
    for year in (reference.year + 1, reference.year, reference.year - 1):
        d = _make(year, month, day)
        if d is not None and d <= reference + _FORWARD_GRACE:
            return d
    return None


def _with_month(day: int, reference: _dt.date | None) -> _dt.date | None:
    """The day ``day`` of the reference's month, or of the month before when that one puts it more than 7 days
    after ``reference`` ("2 числа" in a report of October 7: October 2; "30 числа" in one of November 1: October 30)."""
    if reference is None:
        return None
    first = reference.replace(day=1)
    for start in (first, (first - _dt.timedelta(days=1)).replace(day=1)):
        d = _make(start.year, start.month, day)
        if d is not None and d <= reference + _FORWARD_GRACE:
            return d
    return None


def _month(token: str) -> int | None:
    key = token.casefold().rstrip(".")
    if key in _AMBIGUOUS_MONTHS and token[:1].islower():
        return None
    return _MONTHS.get(key)


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if len(text) == 2 else y


def _resolve(m: re.Match[str], reference: _dt.date | None, summary: str | None = None) -> tuple[str, _dt.date | None]:
    """What a match of ``_PATTERN`` is (its kind) and the date it stands for, when it can be known (a day
    phrase's offset in a daily summary of the kind ``summary``, when its speaker's summary is one:
    :data:`SUMMARY_OFFSETS`)."""
    kind = m.lastgroup or ""
    if m.group("iso"):
        return "iso", _make(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    if m.group("num"):
        a, b, y = int(m["n_a"]), int(m["n_b"]), _year(m["n_y"])
        day, month = (b, a) if a <= 12 < b else (a, b)
        return "num", _make(y, month, day)
    if m.group("dmy") or m.group("mdy"):
        kind = "dmy" if m.group("dmy") else "mdy"
        month = _month(m[kind + "_m"])
        if month is None:
            return "", None
        day = int(m[kind + "_d"])
        if m[kind + "_y"]:
            return kind, _make(int(m[kind + "_y"]), month, day)
        return kind + "-noyear", _with_year(month, day, reference)
    if m.group("paren"):
        return "paren", _with_year(int(m["p_m"]), int(m["p_d"]), reference)
    if m.group("dom"):
        return "dom-noyear", _with_month(int(m["dom_d"]), reference)
    if m.group("wd"):
        if reference is None:
            return "weekday", None
        back = (reference.weekday() - _WEEKDAYS[normalise_phrase(m["wd_name"])]) % 7
        if back == 0 and m["wd_last"]:
            back = 7
        return "weekday", reference - _dt.timedelta(days=back)
    for i, (offset, scope, _, by_summary) in enumerate(_RELATIVE):
        if m.group(f"rel{i}"):
            days = by_summary.get(summary, offset) if summary else offset
            return f"relative-{scope}", None if reference is None else reference + _dt.timedelta(days=days)
    return kind, None


def _scan(
    text: str, reference: _dt.date | None, lo: int = 0, hi: int | None = None, summary: str | None = None
) -> Iterator[tuple[re.Match[str], str, _dt.date | None]]:
    for m in _PATTERN.finditer(text, lo, len(text) if hi is None else hi):
        kind, d = _resolve(m, reference, summary)
        if kind:
            yield m, kind, d


_LEAD = re.compile(
    r"^(?:(?:dated?|on|published|posted|updated|as\s+of)\b[:\s]*)?(?:(?:" + _WEEKDAY_RE + r"),?\s+)?", re.IGNORECASE
)
_TRAIL_TIME = re.compile(
    r"(?<![T\s,])(?:[T\s,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|UTC|GMT|MSK|[ap]\.?m\.?|[+-]\d{2}:?\d{2}))?)$",
    re.IGNORECASE,
)


_DIGITS = re.compile(r"\d+")


def _scan_written(text: str, reference: _dt.date | None, lo: int, hi: int) -> Iterator[tuple[str, _dt.date | None]]:
    """Written (absolute or yearless) dates in ``text[lo:hi]``, found fast.

    Every written form holds a digit, so the full pattern runs only in a small window around each
    run of digits (from three words before it to 30 characters after), not over the whole text.
    """
    last_end = lo
    for d in _DIGITS.finditer(text, lo, hi):
        if d.start() < last_end:
            continue
        ws = d.start()
        for _ in range(3):
            k = text.rfind(" ", max(lo, ws - 24), ws - 1)
            if k < 0:
                ws = max(lo, ws - 24) if ws - 24 <= lo else ws
                break
            ws = k + 1
        if ws > lo and not text[ws - 1].isspace():
            ws = d.start()
        for m in _PATTERN.finditer(text, ws, min(hi, d.end() + 30)):
            if m.start() < last_end:
                continue
            kind, day = _resolve(m, reference)
            if kind in _ABSOLUTE_KINDS or kind.endswith("-noyear"):
                last_end = m.end()
                yield kind, day


def parse_date(s: str, *, reference: _dt.date | None = None) -> _dt.date:
    """Read one written date.

    Parameters
    ----------
    s : str
        The date alone. Surrounding spaces and brackets, a final full stop, a leading "date",
        "on" or "published" and a trailing time of day ("2025-11-20T06:17Z", "Nov 24, 2025 at
        16:21 UTC") are ignored.
    reference : datetime.date, optional
        Gives the year of a date written without one (the year that puts it on or before the
        reference, or at most 7 days after it).

    Returns
    -------
    datetime.date

    Raises
    ------
    frontmap.errors.DateError
        If ``s`` is not one of the known forms, names a day that does not exist, or has no year
        and no ``reference``.

    Examples
    --------
    >>> parse_date("25/11/2025"), parse_date("11/25/2025"), parse_date("Nov. 23", reference=_dt.date(2025, 11, 25))
    (datetime.date(2025, 11, 25), datetime.date(2025, 11, 25), datetime.date(2025, 11, 23))
    >>> parse_date("31/02/2025")
    Traceback (most recent call last):
    ...
    frontmap.errors.DateError: '31/02/2025' is not a valid date: that day does not exist
    """
    core = _LEAD.sub("", s.strip().rstrip(",;").strip())
    core = _TRAIL_TIME.sub("", core)
    if core.startswith("(") and core.endswith(")") and not _PATTERN.fullmatch(core):
        core = core[1:-1].strip()
    m = _PATTERN.fullmatch(core) or _PATTERN.fullmatch(core.rstrip("."))
    if m is None or m.lastgroup is None:
        raise DateError(f"{s!r} is not a date in a known form")
    kind, d = _resolve(m, reference)
    if not kind:
        raise DateError(f"{s!r} is not a date in a known form")
    if kind not in _ABSOLUTE_KINDS and not kind.endswith("-noyear"):
        raise DateError(f"{s!r} is a relative date, not a written date")
    if d is None:
        if kind.endswith("-noyear") or kind == "paren":
            if reference is None:
                raise DateError(f"{s!r} has no year and no reference date was given")
        raise DateError(f"{s!r} is not a valid date: that day does not exist")
    return d


# Lines that announce the report's own date: "date 2025-11-20", "Published by @x ⋅ 25/11/2025",
# "Posted by b on November 24, 2025 at 16:21 UTC", "Published - May 27, 2024".
_DATE_LINE = re.compile(
    r"^[ \t]*(?:date[ds]?|dated|published|posted|updated|written|опубликовано|дата|опубліковано)\b[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
# a page's publication stamp at the start of a sentence: metadata, not prose. An ISO or numeric date ("2026-02-25",
# "27.02.2026"), a date with a time of day ("27 лютого 2026, 09:40", "08 января 2026 в 11:36", "10:15 27.02.2026"), or
# a labelled date ("date 2026-02-25", "Published: 27 February 2026"); always with its year: a lead's own day has none
# ("26 лютого ворог …"), and one with a year but no time nor label opens prose ("18 липня 2024 року стало відомо …")
_STAMP_TIME = r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
_STAMP_NUMERIC = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?!\d)"
_STAMP_DATE = (_STAMP_NUMERIC + r"|(?:\d{1,2}\s{1,3}[^\W\d_]{3,12}\.?|[^\W\d_]{3,9}\.?\s{1,3}\d{1,2},?)\s{1,3}\d{4}(?!\d)"
               r"(?:\s{0,2}(?:р\.|року|г\.|года)(?!\w))?")
_STAMP_SEP = r"[\s,|]{1,4}(?:(?:в|о|at|GMT)\s{1,3})?"
PAGE_STAMP = re.compile(
    r"\s{0,4}(?:(?:date|дата|published|posted|updated|опубліковано|опубликовано)\s{0,3}[:\-–]?\s{0,3}(?:" + _STAMP_DATE + r")"
    r"|" + _STAMP_TIME + _STAMP_SEP + r"(?:" + _STAMP_DATE + r")"
    r"|(?:" + _STAMP_DATE + r")" + _STAMP_SEP + _STAMP_TIME + r"|" + _STAMP_NUMERIC + r")"
    r"(?:" + _STAMP_SEP + _STAMP_TIME + r")?", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_HEAD = 1500
_SHORT_LINE = 100


def find_report_date(
    text: str, *, default: _dt.date | None = None, reference: _dt.date | None = None
) -> _dt.date | None:
    """The report's own date, read from its text.

    Candidates are the dates of a page's stamp opening the text (:data:`PAGE_STAMP`, even on a long line), the dates
    on lines that announce a date ("date …", "Published by … ⋅ 25/11/2025",
    "Posted by b on November 24, 2025 …") in the first or last 1,500 characters, and the dates on
    short lines (≤ 100 characters: datelines, bylines, headlines) in the first 1,500 characters. The
    latest candidate wins: a page that shows a blog date and then the article's own dateline is
    dated by the later one. Dates in running prose are ignored (they are what the report is about).

    Parameters
    ----------
    text : str
    default : datetime.date, optional
        Returned when the text gives no date.
    reference : datetime.date, optional
        Gives the year of a header date written without one ("November 25, 1:06 PM").

    Returns
    -------
    datetime.date or None

    Examples
    --------
    >>> find_report_date(" date 2025-11-20 The EU did not take part.")
    datetime.date(2025, 11, 20)
    >>> find_report_date("27.02.2026 10:15 Упродовж доби 26 лютого на фронті зафіксовано 212 бойових зіткнень, "
    ...                  "повідомляє Генштаб у своєму ранковому зведенні за минулу добу.")
    datetime.date(2026, 2, 27)
    >>> find_report_date("Tuesday, December 2, 2025\\n\\nHeadline\\nWednesday, December 3, 2025\\nSource: ANA-MPA")
    datetime.date(2025, 12, 3)
    >>> find_report_date("Fighting went on since 24 February 2022 in the whole region, officials said on Monday, "
    ...                  "and it goes on.", default=None) is None
    True
    """
    found: list[_dt.date] = []
    n = len(text)
    regions = [(0, min(n, _HEAD))]
    if n > _HEAD:
        regions.append((max(_HEAD, n - _HEAD), n))
    for lo, hi in regions:
        for line in _DATE_LINE.finditer(text, lo, hi):
            for _, d in _scan_written(text, reference, line.start(), line.end()):
                if d is not None:
                    found.append(d)
                break
    # a page's stamp opening the text dates it, even on the lead's long line ("27.02.2026 10:15 Упродовж доби …")
    stamp = PAGE_STAMP.match(text, len(text) - len(text.lstrip()))
    if stamp is not None:
        found.extend(d for _, d in _scan_written(text, reference, stamp.start(), stamp.end()) if d is not None)
    for line in _LINE.finditer(text, 0, min(n, _HEAD)):
        if line.end() - line.start() > _SHORT_LINE + 40 or len(line.group().strip()) > _SHORT_LINE:
            continue
        for _, d in _scan_written(text, reference, line.start(), line.end()):
            if d is not None:
                found.append(d)
                break
    return max(found) if found else default


# A sentence that goes on quoting a statement an earlier sentence dated: "Russia's defence ministry
# said Sunday it had captured a village." then "'... liberated Berestove,' the ministry said."
_BACK_ROWS = lookup_rows("back_references")  # geo/rules/back_references.jsonl


def _back_words(*classes: str) -> str:
    return "|".join(row_pattern(r, lead=False) for r in _BACK_ROWS if r.cls in classes)


# "the ministry said", "the regional head noted", "the spokesman also added": a body named by its kind, as a
# reference back (geo.discourse also reads it so: the body is the last speaker named)
# (a lower-case word may qualify the body: "the regional head"; a name's word does not: "the Ukrainian General Staff
# reported" names its speaker)
_BODY_REFERENCE = (rf"\b(?:{_back_words('determiner')})\s+(?:(?-i:[a-z][a-z-]*)\s+)?(?:{_back_words('body')})\s+(?:\w+\s+)?"
                   rf"(?:{_back_words('verb')})")
BODY_REFERENCE = re.compile(_BODY_REFERENCE + r"\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(
    _BODY_REFERENCE
    + rf"|\b(?:{_back_words('pronoun')})\s+(?:(?:{_back_words('also')})\s+)?(?:{_back_words('pronoun-verb')})"
    # after a quotation Russian and Ukrainian put the verb first: "…», – сказав він"
    rf"|\b(?:{_back_words('pronoun-verb')})\s+(?:{_back_words('pronoun')})\b"
    rf"|\b(?:{_back_words('according')})\s+(?:{_back_words('according-body')})"
    rf"|\b(?:{_back_words('pronoun-according')})(?!\w)",  # (a row may end in its comma: "As indicated, …")
    re.IGNORECASE,
)
# Every match of _BACK_REFERENCE holds a verb's or "according"'s word, or a whole "according to him" row (lower-cased):
# a sentence with none is not searched.
_BACK_REFERENCE_STEMS = tuple(sorted({r.key.split(" ")[0] for r in _BACK_ROWS if r.cls in ("verb", "pronoun-verb", "according")}
                                     | {r.key for r in _BACK_ROWS if r.cls == "pronoun-according"}))


def _may_refer_back(sentence: str) -> bool:
    """False when ``_BACK_REFERENCE`` cannot match in ``sentence`` (a string test, not a regex pass)."""
    if not sentence.isascii() and not _ODD_FOLDS.isdisjoint(sentence):
        return True  # a letter the regex folds onto ASCII: let it judge
    low = sentence.lower()
    return any(stem in low for stem in _BACK_REFERENCE_STEMS)


@lru_cache(maxsize=256)  # asked for each claim of a sentence, and by the report's voice for each sentence
def refers_back(sentence: str) -> bool:
    """Whether ``sentence`` goes on in the words of a speaker named before it ("According to him, …", "the
    ministry said", "He also said", "…», – сказав він"): news copy attributing what it tells.

    Examples
    --------
    >>> refers_back("According to him, Kupiansk was shelled twice.")
    True
    >>> refers_back("Russian troops shelled Kupiansk twice.")
    False
    """
    return _may_refer_back(sentence) and _BACK_REFERENCE.search(sentence) is not None


def claim_date(sentence: str, report_date: _dt.date | None, *, previous: str = "",
               month: tuple[int, int] | None = None) -> _dt.date | None:
    """The date a sentence gives its claim, relative to the report's date.

    The first date expression in the sentence that can be resolved wins: a full date, a day and
    month (year from the report date), ``(27/11)``, a weekday, or a relative word. A sentence
    without one that goes on quoting an earlier statement ("..., the ministry said.", "it added")
    takes the date of ``previous``, the sentence before it. Returns None when the sentence names
    no day, or names one only relative to an unknown report date. ``month`` (year, month) is what is
    known of an undated report (a page dated "2025-11"): it gives written dates without a year their
    year, as a report date would; relative words and weekdays still need the day.

    Examples
    --------
    >>> d = _dt.date(2025, 11, 27)  # a Thursday
    >>> claim_date("Russian forces attacked on Thursday", d), claim_date("Strikes hit Kherson yesterday", d)
    (datetime.date(2025, 11, 27), datetime.date(2025, 11, 26))
    >>> claim_date("Over the past 24 hours, Kupiansk was shelled", d), claim_date("Last week it fell", d)
    (datetime.date(2025, 11, 27), None)
    >>> print(claim_date("On Monday the village was taken", None))
    None
    >>> claim_date("Kupiansk fell on November 20th, the general said.", None, month=(2025, 11))
    datetime.date(2025, 11, 20)
    >>> claim_date("'Units liberated Berestove,' the ministry said.", d,
    ...            previous="The defence ministry said on Tuesday its forces had captured a village.")
    datetime.date(2025, 11, 25)
    """
    if report_date is None and month is not None:
        # only the month is known: written dates take their year from it, relative ones stay unknown
        reference, written = _dt.date(month[0], month[1], calendar.monthrange(*month)[1]), True
    else:
        reference, written = report_date, False
    found = _first_date_scope(sentence, reference, written)[0]
    if found is None and previous and refers_back(sentence):
        found = _first_date_scope(previous, reference, written)[0]
    return found


# Every written form holds a digit; every other form one of these words (lower-cased): a sentence
# with neither is spared the scan. Letters a case-insensitive regex matches to other letters than
# str.lower() gives (ı, İ, ſ, the Kelvin sign, Cyrillic letter variants) leave the test to the regex.
_DATE_WORDS = tuple(sorted({_anchor(r.key).lower() for r in day_phrases()}
                           | {w.replace("'", a) for w in _WEEKDAYS for a in APOSTROPHES}))  # each apostrophe
_ODD_FOLDS = FOLDS_TO_ASCII | frozenset("\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86")


@lru_cache(maxsize=32)
def _first_date_scope(text: str, reference: _dt.date | None, written: bool = False,
                      summary: str | None = None) -> tuple[_dt.date | None, str]:
    """The first date expression in ``text`` that resolves (only written dates when ``written``:
    ``reference`` then gives a year, not a day; a day phrase's offset in a daily summary of the kind
    ``summary``), and its
    scope (kept: each claim in a sentence asks, and the next sentence may ask again for its ``previous``)."""
    start = _scan_start(text)
    if start is None:
        return None, "sentence"
    for m, kind, d in _scan(text, reference, start, summary=summary):
        if written and kind not in _ABSOLUTE_KINDS and not kind.endswith("-noyear"):
            continue
        if kind.startswith("relative-") and (named := _apposed_date(text, m.end(), reference)) is not None:
            d = named
        if d is not None:
            return d, kind.removeprefix("relative-") if kind.startswith("relative-") else "sentence"
    return None, "sentence"


def _apposed_date(text: str, at: int, reference: _dt.date | None) -> _dt.date | None:
    """The written date set off right after a relative day that ends at offset ``at`` ("напередодні, 21 грудня"), or
    None: that date names the day (:data:`_APPOSED`).

    >>> t = "Напередодні, 21 грудня, угруповання повідомило про бої."
    >>> _apposed_date(t, t.index(","), _dt.date(2025, 12, 23))
    datetime.date(2025, 12, 21)
    >>> t = "Упродовж доби 26 лютого на фронті зафіксовано 230 бойових зіткнень."
    >>> _apposed_date(t, len("Упродовж доби"), _dt.date(2026, 2, 27))
    datetime.date(2026, 2, 26)
    >>> print(_apposed_date("Yesterday, 58 combat engagements took place.", 9, _dt.date(2025, 12, 23)))
    None
    >>> print(_apposed_date("Упродовж доби 12 разів атакували Степове.", 13, _dt.date(2025, 12, 23)))
    None
    """
    gap = _APPOSED.match(text, at)
    if gap is None:
        return None
    m = _PATTERN.match(text, gap.end())
    if m is None:
        return None
    kind, d = _resolve(m, reference)
    return d if kind in _ABSOLUTE_KINDS or kind.endswith("-noyear") else None


def date_and_scope(sentence: str, report_date: _dt.date | None, *,
                   summary: str | None = None) -> tuple[_dt.date | None, str]:
    """The date a sentence names (as :func:`claim_date` reads it, without looking back, and outside its background
    clauses: "The assault, which began on July 17, is now …" names no day of its own) and how far
    it reaches: ``paragraph`` when it is a phrase of ``day_phrases.jsonl`` with that scope (the
    opening of a daily summary, "Минулої доби…"), else ``sentence``.

    ``summary`` is the ``summary`` field of the speaker's row (``geo/rules/speakers.jsonl``): with
    ``"morning"`` (a regional administration's morning summary about the day before), a day phrase
    that gives a ``morning_offset`` ("over the past day") counts it instead of its ``offset``; with
    ``"bulletin"`` (the General Staff's summary, dated the day it comes out), its ``bulletin_offset``
    ("упродовж доби": the report's day).

    Examples
    --------
    >>> d = _dt.date(2026, 3, 3)
    >>> date_and_scope("Голова ОВА повідомив, що минулої доби ворог обстріляв Берислав.", d)
    (datetime.date(2026, 3, 2), 'paragraph')
    >>> date_and_scope("Вчора ворог обстріляв Берислав.", d)
    (datetime.date(2026, 3, 2), 'sentence')
    >>> date_and_scope("Russian forces shelled Beryslav.", d)
    (None, 'sentence')
    >>> date_and_scope("Over the past day, Russian forces shelled Beryslav.", d, summary="morning")
    (datetime.date(2026, 3, 2), 'sentence')
    >>> date_and_scope("Упродовж доби відбулося 120 боєзіткнень, повідомляє Генштаб.", d, summary="bulletin")
    (datetime.date(2026, 3, 3), 'paragraph')
    """
    return _first_date_scope(_foreground(sentence), report_date, summary=summary if summary in SUMMARY_OFFSETS else None)



def written_date(sentence: str, report_date: _dt.date | None) -> _dt.date | None:
    """The first date written out in ``sentence`` (a calendar day: "On August 7", "7 серпня"; no relative
    day such as "yesterday" or "over the past day"), its year from ``report_date`` when it names none.

    Examples
    --------
    >>> written_date("On August 7, Russian forces attacked near Borova.", _dt.date(2025, 8, 8))
    datetime.date(2025, 8, 7)
    >>> written_date("The General Staff reported ten attacks over the past day.", _dt.date(2025, 8, 8)) is None
    True
    """
    return _first_date_scope(sentence, report_date, written=True)[0]


def _scan_start(text: str) -> int | None:
    """An offset of ``text`` before which no match of ``_PATTERN`` starts; None when none can match.

    Every match holds a digit or one of ``_DATE_WORDS`` (its anchor), with at most
    ``_WORDS_BEFORE_ANCHOR`` whitespace-separated words before it ("over the past 24 hours", "the
    day before yesterday", "last Monday", "Nov. 24"). The first anchor of the text is at or before a
    match's own, so a match starts no earlier than that many words (one more, for margin) before the
    first anchor; scanning from there, with the text before still seen by the look-behinds and
    boundaries, finds the matches a scan of the whole text finds. A text without an anchor holds no
    match. 0 when a letter folds oddly (the regex may read a date word where ``str.lower`` does not,
    or the lower-cased text's offsets may differ).
    """
    if not _ODD_FOLDS.isdisjoint(text):
        return 0
    low = text.lower()
    if len(low) != len(text):
        return 0
    digit = _DIGITS.search(text)
    anchor = digit.start() if digit else len(text)
    found = digit is not None
    for word in _DATE_WORDS:
        at = low.find(word, 0, anchor)
        if at != -1:
            anchor, found = at, True
    if not found:
        return None
    pos = anchor
    for _ in range(_WORDS_BEFORE_ANCHOR + 1):
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
    return pos


# A background clause: a relative clause after a comma (", which Russia first claimed on July 17", ", when the
# assault began") or a clause opened by the history rows of geo/rules/intentions.jsonl ("since July 17", "ever since"),
# up to the next comma, semicolon or colon (not the comma before a year: "since July 17, 2025"). Its day is its own
# event's, not the day of the clause it hangs on.
_HISTORY = "|".join(sorted((re.escape(r.key) for r in rows("intentions") if r.cls == "history" and r.lang == "en"),
                           key=len, reverse=True))
_CLAUSE_BODY = r"(?:[^,;:]|,(?=\s*+\d{4}\b))*+"  # a clause's words up to its end (not the comma before a year)
_BACKGROUND_CLAUSE = re.compile(r"(?:,\s*+(?:which|that|when|where)\b|\b(?:" + _HISTORY + r")\b)" + _CLAUSE_BODY,
                                re.IGNORECASE)


# The opening of a relative clause right after a place's name, or after its appositive of a few lower-case words that
# names what the place is ("Kurakhove, a key logistics hub that Moscow claimed to have seized"; "Toretsk, a larger
# town which Russian forces have advanced toward"): geo.claims.action reads the clause's cue as the place's, and
# mention_date its day. Each run of whitespace is read one way only (possessive: a bracket, a comma or a word follows).
RELATIVE_OPENING = (r"\s*+(?:\([^)]*+\)\s*+)?(?:,\s*+(?:a|an|the)\s++(?P<apposition>(?:[a-z][\w'’-]*+\s++){1,4}?)|,?\s*+)"
                    r"(?:which|where|that)\b")
# the relative clause after a place, to its end (as _BACKGROUND_CLAUSE's)
_RELATIVE_CLAUSE = re.compile(RELATIVE_OPENING + _CLAUSE_BODY)


def mention_date(sentence: str, at: int, report_date: _dt.date | None, *, previous: str = "",
                 month: tuple[int, int] | None = None, relative: int | None = None) -> _dt.date | None:
    """The date the claim at offset ``at`` of ``sentence`` takes: its semicolon item's (:func:`item_date`), else
    the sentence's (:func:`claim_date`) read without the background clauses that do not hold ``at``.

    A date in a relative clause or after "since" dates that clause's own event, not the place the clause hangs
    on ("Russian units entered Dachne, which the army had been storming since July 17": Dachne takes the report's
    day, as a post's events do); a place inside the clause keeps its day.

    >>> d = _dt.date(2025, 7, 20)
    >>> s = "Russian units entered Dachne, which Russia first claimed on July 17, a war correspondent wrote."
    >>> print(mention_date(s, s.index("Dachne"), d))
    None
    >>> s = "Russian units advanced from Novopavlivka, which they took on July 17."
    >>> mention_date(s, s.index("Novopavlivka"), d), mention_date("They took Tykhe on July 17.", 10, d)
    (None, datetime.date(2025, 7, 17))
    >>> s = "Fighting goes on near Dachne, where Russian troops entered Zelenyi Hai on July 17."
    >>> mention_date(s, s.index("Dachne"), d), mention_date(s, s.index("Zelenyi"), d)
    (None, datetime.date(2025, 7, 17))

    ``relative`` is the offset where the place ends when its event is the one its relative clause tells ("Units
    attacked south of Dachne, which Moscow claimed to have captured on Sunday": the capture is Dachne's); the day that
    clause names, when it names one, is the place's.

    >>> s = "On Sunday, Ukrainian troops attacked south of Dachne, which Moscow said it took on July 17."
    >>> mention_date(s, s.index("Dachne"), d, relative=s.index("Dachne") + 6)
    datetime.date(2025, 7, 17)
    """
    if relative is not None and (clause := _RELATIVE_CLAUSE.match(sentence, relative)) is not None:
        own = claim_date(clause.group(), report_date, month=month)
        if own is not None:
            return own
    own = item_date(sentence, at, report_date, month=month)
    if own is not None:
        return own
    return claim_date(_foreground(sentence, at), report_date, previous=previous, month=month)


def _foreground(sentence: str, at: int = -1) -> str:
    """``sentence`` with its background clauses (:data:`_BACKGROUND_CLAUSE`) blanked out, but for one holding offset
    ``at``: offsets kept."""
    kept = sentence
    for m in _BACKGROUND_CLAUSE.finditer(sentence):
        if not m.start() <= at < m.end():
            kept = kept[:m.start()] + " " * (m.end() - m.start()) + kept[m.end():]
    return kept


def item_date(sentence: str, at: int, report_date: _dt.date | None, *,
              month: tuple[int, int] | None = None) -> _dt.date | None:
    """The day the item of a list in ``sentence`` holding offset ``at`` names, when the list's items each name their
    own, or None (the sentence's date then holds, :func:`claim_date`).

    A retrospective list gives each item its day: set apart with semicolons ("seized A by 9 October 2024; B by 23
    February 2025; and C by 16 August 2025"), or with commas and conjunctions where each item's day ends it ("A by
    September 24, B by October 9, and C by October 11", "north of A on Wednesday and B the previous day") or opens it
    ("5 января … освобождении A, 8 января — B, 9 января — C"): each place takes its item's day, not the first
    (:func:`_list_items`). A day phrase that counts from the day named before it ("the previous day", "накануне": a
    row of ``counts_from: named``) counts from that day. Background clauses that do not hold ``at`` are left out
    (:func:`_foreground`).

    >>> s = "Russian troops seized A by 9 October 2024; B by 23 February 2025; and C by 16 August 2025."
    >>> item_date(s, s.index("B"), _dt.date(2025, 12, 22)), item_date(s, s.index("A"), _dt.date(2025, 12, 22))
    (datetime.date(2025, 2, 23), datetime.date(2024, 10, 9))
    >>> s = "The map shows advances north of Tykhe on Wednesday and in Novoye the previous day."
    >>> item_date(s, s.index("Novoye"), _dt.date(2025, 5, 9)), item_date(s, s.index("Tykhe"), _dt.date(2025, 5, 9))
    (datetime.date(2025, 5, 6), datetime.date(2025, 5, 7))
    >>> print(item_date("Russian forces attacked near Tykhe on May 3.", 30, _dt.date(2025, 5, 4)))
    None
    """
    if report_date is None and month is not None:
        reference, written = _dt.date(month[0], month[1], calendar.monthrange(*month)[1]), True
    else:
        reference, written = report_date, False
    if reference is None:
        return None
    items = _list_items(_foreground(sentence, at), reference, written)
    for lo, hi, day, apart in items:
        if lo <= at < hi:
            return day if apart or len({d for _, _, d, _ in items if d is not None}) > 1 else None
    return None


# What may join two items of a list: a semicolon or a comma, and a list, addition or contrast conjunction of
# geo/rules/conjunctions.jsonl ("A on May 3, and B on May 5", "A on Wednesday and B the previous day", "A, а 8 января — B")
_CONJUNCTION = "|".join(class_pattern("conjunctions", c).pattern for c in ("list", "addition", "contrast"))
# (a run of spaces is entered at its start only: searched, the expression stays linear)
_JOINT = re.compile(r"(?<![ \t\u00a0])(?:[ \t\u00a0]*+[;,][ \t\u00a0]*+(?:(?:" + _CONJUNCTION + r")[ \t\u00a0]++)?"
                    r"|[ \t\u00a0]++(?:" + _CONJUNCTION + r")[ \t\u00a0]++)", re.IGNORECASE)
_AFTER_DAY = " \t\u00a0.)»\"'”’"  # what may stand between an item's closing day and the joint after it
_BEFORE_DAY = re.compile(r"[ \t\u00a0]*+(?:[^\W\d_]{1,3}[ \t\u00a0]++)?")  # a preposition before an item's opening day
_PREPOSITION = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{1,3}[ \t\u00a0]++)?$")  # the one before a day, if any


@lru_cache(maxsize=64)
def _list_items(sentence: str, reference: _dt.date, written: bool) -> tuple[tuple[int, int, _dt.date | None, bool], ...]:
    """The items of ``sentence`` as a list whose items name their own day: (start, end, the item's first day or None,
    whether a semicolon sets it apart), in order; one item when no joint parts two days.

    A semicolon always parts items; a comma or a conjunction (:data:`_JOINT`) parts them where the words before it end
    with a day ("A by September 24, B …") or those after it open with one ("… A, 8 января — B"), and that side holds
    more than the day ("On Tuesday, December 2, …" is one item); a joint before a bare number joins a span of days ("on
    December 20 and 21"). The days are written dates and weekdays, and the day phrases of ``counts_from: named``,
    counted from the last day named before them in the sentence ("A on Wednesday and B the previous day": Tuesday);
    another relative day ("overnight on December 19", "yesterday") is the report's, no item's own.
    """
    start = _scan_start(sentence)
    if start is None and ";" not in sentence:
        return ((0, len(sentence), None, False),)
    days: list[tuple[int, int, _dt.date | None]] = []
    for m, kind, d in (_scan(sentence, reference, start) if start is not None else ()):
        if written and kind not in _ABSOLUTE_KINDS and not kind.endswith("-noyear"):
            continue
        if kind.startswith("relative-"):
            if m.lastgroup not in _FROM_NAMED:
                continue  # "overnight on December 19", "yesterday": the report's days, no item's own
            if (before := next((x for _, _, x in reversed(days) if x), None)) is not None:
                d = before + (d - reference)
        days.append((m.start(), m.end(), d))
    # (a joint before a bare number joins a span of days: "on December 20 and 21", "overnight on May 19 to 20")
    joints = [j for j in _JOINT.finditer(sentence)
              if not any(s < j.start() < e for s, e, _ in days) and not sentence[j.end():j.end() + 1].isdigit()
              or j.end() in {s for s, _, _ in days}]
    if not joints:
        return ((0, len(sentence), days[0][2] if days else None, False),)
    bounds = [0] + [x for j in joints for x in (j.start(), j.end())] + [len(sentence)]
    segments = list(zip(bounds[::2], bounds[1::2]))  # the words between joints

    def worded(lo: int, hi: int) -> bool:  # a letter outside the days and the prepositions before them ("by 9 May")
        inside = [(_PREPOSITION.search(sentence, max(lo, s - 5), s).start(), e) for s, e, _ in days if lo <= s < hi]
        return any(ch.isalpha() and not any(s <= i < e for s, e in inside)
                   for i, ch in enumerate(sentence[lo:hi], lo))

    def ends_with_day(lo: int, hi: int) -> bool:
        return any(lo <= s and e <= hi and not sentence[e:hi].strip(_AFTER_DAY) for s, e, _ in days) and worded(lo, hi)

    def opens_with_day(lo: int, hi: int) -> bool:
        at = _BEFORE_DAY.match(sentence, lo).end()
        return any(s in (lo, at) for s, _, _ in days) and worded(lo, hi)

    items, lo, apart = [], 0, False
    for k, j in enumerate(joints):
        semicolon = ";" in j.group()
        if semicolon or ends_with_day(*segments[k]) or opens_with_day(*segments[k + 1]):
            items.append((lo, j.start(), apart or semicolon))
            lo, apart = j.end(), semicolon
    items.append((lo, len(sentence), apart))
    return tuple((lo, hi, next((d for s, _, d in days if lo <= s < hi and d is not None), None), apart)
                 for lo, hi, apart in items)
