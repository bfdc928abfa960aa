"""Reading reports: files and folders in, one :class:`~geo.model.Report` per post out.

Decoding
    UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM (UTF-16 without one when its NUL
    pattern is unmistakable), the ``charset`` an HTML page declares, and otherwise the best of
    cp1251, koi8-r, cp1252, latin-1 and a few other single-byte code pages as judged by
    ``charset-normalizer``. Line ends become ``\\n``. An empty (or blank) file, a binary one (NUL
    bytes, control characters, undecodable) or an unreadable one raises
    :class:`~frontmap.errors.ReportError` (:class:`~frontmap.errors.ReportDecodeError` for bytes
    that are not text) naming the path and the problem.

HTML
    Pages (suffix ``.html``/``.htm``, or text that starts like a page) become plain text with the
    standard library's ``html.parser``: scripts and styles dropped, entities unescaped, one line per
    block element and a blank line between paragraphs; ``<title>`` becomes ``Report.title``.

Metadata line
    A first line of ``KEY: value`` fields separated by ``|`` (``SOURCE: <url> | DATE: 2024-09-14 |
    VIA: … | NOTE: …``) gives ``Report.url`` and ``Report.date`` and is removed, as is a YAML front
    matter block (``---`` … ``---``) right after it. **``Report.text`` is the text after them**:
    offsets of mentions and claims count from there. A ``DATE`` of only year and month
    (``2025-11 (undated page)``) is not a date; it dates the report only through a date in its text
    that falls in that month.

Echoed headline
    A post whose body opens with its headline line repeated, running on into the body's first sentence with no
    full stop (video pages, reposts, scraped news pages), has the space after the repeat made a line break: the
    headline is a sentence of its own (the text keeps its length).

Compilations
    A document made of several posts separated by lines of asterisks (``***``, ``******``,
    ``* * *``) yields one Report per post, in order. Each post takes its own date, author and URL when
    its text gives them (``Published by @nsanzo ⋅ 25/11/2025``, ``Posted by b on November 24, 2025``,
    ``Posted on … by Yves Smith``, a bare URL among its last lines) and otherwise inherits the
    document's: the metadata line's, else the latest date any of its posts gives. The first post's ``source`` is the
    path as given; the Nth post's is ``"<path>#N"`` (``#2``, ``#3`` …). A plain article is one Report.

Examples
--------
>>> import os, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "digest.txt").write_text(
...     "Published by @analyst ⋅ 25/11/2025\\nSeversk: fighting in the north.\\n***\\n"
...     "Dimitrov: our troops advanced.\\nhttps://t.me/s/example/1\\n", encoding="utf-8")
>>> [(os.path.basename(r.source), r.date.isoformat(), r.author, r.url) for r in read_reports(d / "digest.txt")]
[('digest.txt', '2025-11-25', '@analyst', ''), ('digest.txt#2', '2025-11-25', '', 'https://t.me/s/example/1')]
"""

from __future__ import annotations

import calendar
import codecs
import datetime as _dt
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from frontmap.errors import ReportDecodeError, ReportError, ReportWarning
from geo.channels import known_channels
from geo.dates import find_report_date
from geo.feeds import FEED_SUFFIXES, feed_reports, is_feed_file, looks_like_feed, read_feed, read_feed_url
from geo.model import Report
from geo.rules.lookup import lookup_rows, rows_pattern
from geo.telegram import TELEGRAM_JSON_NAME, read_telegram_html, read_telegram_json, telegram_export_kind

__all__ = [
    "TEXT_SUFFIXES",
    "MAX_REPORT_BYTES",
    "STREAM_BLOCK",
    "STDIN",
    "iter_file_reports",
    "iter_input_files",
    "read_text_file",
    "html_to_text",
    "read_reports",
    "iter_reports",
    "read_stdin_reports",
    "normalise_text",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".html", ".htm"})
"""Suffixes of the files taken when walking a folder (files named explicitly are always read)."""

#: The path that stands for standard input (``frontmap extract -``).
STDIN = "-"
_REMOTE = re.compile(r"^(https?):/+(?=[^/])", re.IGNORECASE)

MAX_REPORT_BYTES = 16 * 1024 * 1024
"""Largest report file read (16 MiB, some 200 000 lines); a larger one is refused before any of
it is read, so memory stays bounded (the pipeline reads some 75 kB of report a second: split it)."""

_HTML_SUFFIXES = frozenset({".html", ".htm"})
# A folder's own documentation is not a report ("frontmap map seeds/" must not map seeds/README.md).
_NOT_REPORTS = frozenset(
    {"readme", "license", "licence", "changelog", "changes", "contributing", "notice", "copying", "authors"}
)


# --------------------------------------------------------------------------- normalisation

# a stress mark (combining acute, or grave) on a Cyrillic letter: Покро́вск is Покровск
_STRESS = re.compile(r"(?<=[\u0400-\u04ff])[\u0301\u0300]+")
#: a dash between two letters, with no space: a hyphen typed as another dash (U+2010, U+2011, the en dash U+2013),
#: inside a name ("Рай–Олександрівка") as much as a hyphen is (the dash first, the letter before it looked back at:
#: the scan looks for the three dashes alone, not for a letter before every character)
_INNER_DASH = re.compile(r"[\u2010\u2011\u2013](?<=[^\W\d_].)(?=[^\W\d_])")
_NOT_PLAIN = re.compile(r"[^\x00-\u02ff\u0400-\u04ff\u2010-\u2027\u2030-\u205f]")


def normalise_text(text: str) -> str:
    """Text as frontmap reads it: format characters deleted, stress marks on Cyrillic letters
    deleted, a dash between two letters made a hyphen ("Рай–Олександрівки": a hyphen typed as an en
    dash; one character for one, so offsets keep), then Unicode NFC (a decomposed й is one letter again).

    Everything downstream (mentions, spans, quotes) works on this text: a quote is the report's
    text as normalised. Plain text comes back as it is, unchanged and uncopied.

    Examples
    --------
    >>> normalise_text("Myr\u00adno\u200bhrad and Покро\u0301вск, Бахмут\u200e, Краи\u0306ний")
    'Myrnohrad and Покровск, Бахмут, Крайний'
    >>> normalise_text("біля Рай\u2013Олександрівки, 2024\u20132025")
    'біля Рай-Олександрівки, 2024–2025'
    >>> s = "Plain text."
    >>> normalise_text(s) is s
    True
    """
    if text.isascii():
        return text
    if _INNER_DASH.search(text):
        text = _INNER_DASH.sub("-", text)
    if not _NOT_PLAIN.search(text) and not any(c in text for c in "\u00ad\u0301\u0300"):
        return text
    # every format character (Unicode category Cf: soft hyphen, zero-width space/joiner/non-joiner,
    # word joiner, LRM/RLM and the other direction marks, a BOM inside text...) is deleted
    fmt = {ord(c): None for c in set(text) if c > "\x7f" and unicodedata.category(c) == "Cf"}
    if fmt:
        text = text.translate(fmt)
    if "\u0301" in text or "\u0300" in text:
        text = _STRESS.sub("", text)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- files


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The report files named by ``paths``, in order.

    A file is yielded as given, whatever its name; ``"-"`` (standard input) as ``Path("-")`` and a
    feed URL (``https://…``) as a string, both read by :func:`iter_file_reports`. A folder is walked
    recursively in sorted order, yielding only files whose suffix is in :data:`TEXT_SUFFIXES` or
    :data:`geo.feeds.FEED_SUFFIXES` and Telegram Desktop's ``result.json``, and skipping hidden files and
    folders (names starting with ``.``) and a folder's own documentation (``README``, ``LICENSE``,
    ``CHANGELOG`` … with any of those suffixes); symbolic links to folders are not followed.

    Raises
    ------
    frontmap.errors.ReportError
        If a path does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.md", ".hidden.txt", "img.png", "README.md", "sub/c.html"):
    ...     (d / name).parent.mkdir(exist_ok=True); _ = (d / name).write_text("x")
    >>> [p.relative_to(d).as_posix() for p in iter_input_files([d])]
    ['a.md', 'b.txt', 'sub/c.html']
    """
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            yield Path(STDIN)  # standard input: read by iter_file_reports
            continue
        if _REMOTE.match(name):
            yield _REMOTE.sub(r"\1://", name, count=1)  # type: ignore[misc] # a feed URL (--online), kept as text
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():  # a broken link: read_text_file says so
            yield path
        else:
            raise ReportError(raw, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            stem, suffix = os.path.splitext(name)
            if name.startswith(".") or stem.casefold() in _NOT_REPORTS:
                continue
            # report files, feeds, and Telegram Desktop's JSON export (result.json) by its name
            if suffix.lower() in TEXT_SUFFIXES or suffix.lower() in FEED_SUFFIXES or name == TELEGRAM_JSON_NAME:
                yield Path(dirpath) / name


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte code pages a frontline report plausibly comes in; charset-normalizer picks among them.
_CODEPAGES = [
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp1252",
    "latin_1",
    "iso8859_5",
    "cp866",
    "mac_cyrillic",
    "cp1250",
    "iso8859_2",
    "cp1253",
]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def read_text_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_REPORT_BYTES) -> str:
    """The text of a file: its bytes decoded, line ends normalised to ``\\n``.

    Raises
    ------
    frontmap.errors.ReportError
        The file is missing (or a broken symbolic link), unreadable, a folder, not a regular
        file (a FIFO, socket or device: never opened, so never waited on), larger than
        ``max_bytes`` (refused unread), or empty (or only whitespace).
    frontmap.errors.ReportDecodeError
        The bytes are not text: NUL bytes, control characters, or no encoding fits.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "koi8.txt"
    >>> _ = p.write_bytes("Российские войска освободили населённый пункт Звановка.\\r\\n".encode("koi8_r"))
    >>> read_text_file(p)
    'Российские войска освободили населённый пункт Звановка.\\n'
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReportError(path, f"broken symbolic link (to {os.readlink(path)})") from None
        raise ReportError(path, "no such file") from None
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
        raise ReportError(path, f"not a regular file ({kind})")
    if info.st_size > max_bytes:
        raise ReportError(
            path, f"too large ({info.st_size / 2**20:.1f} MiB; the limit is {max_bytes / 2**20:g} MiB): split it"
        )
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise ReportError(path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise ReportError(path, "no such file") from None
    except PermissionError:
        raise ReportError(path, "permission denied") from None
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror or exc})") from None
    text = _decode(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReportError(path, "empty file" if not data else "empty file (only whitespace)")
    return text


def _decode(data: bytes, path: object) -> str:
    if not data:
        raise ReportError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), path)
            except UnicodeDecodeError as exc:
                raise ReportDecodeError(
                    path, f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"({exc.reason} at byte {exc.start})"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        text = _utf16_without_bom(data)
        if text is not None:
            return _checked(text, path)
        raise ReportDecodeError(path, f"binary file, not text (NUL byte at offset {nul})")
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return _checked(data.decode(declared.group(1).decode("ascii")), path)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CODEPAGES).best()
    if best is None:
        raise ReportDecodeError(
            path, "not text: no encoding fits (tried UTF-8, UTF-16 and " + ", ".join(_CODEPAGES) + ")"
        )
    return _checked(str(best), path)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM, recognised by NULs in every other byte (mostly-ASCII or Cyrillic)."""
    sample = data[: 1 << 14]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Cyrillic letters are U+04xx: their high byte is 4, so a Cyrillic text's high bytes are all 0 or 4
    even_hi, odd_hi = even + sample[0::2].count(4), odd + sample[1::2].count(4)
    encoding = "utf-16-le" if (odd > 0.3 * half or odd_hi > 0.95 * half) and even < 0.02 * half else (
        "utf-16-be" if (even > 0.3 * half or even_hi > 0.95 * half) and odd < 0.02 * half else None
    )
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text[:4096]) else text


def _checked(text: str, path: object) -> str:
    """Refuse decoded text that is really binary: a few control characters in its first 64k."""
    sample = text[: 1 << 16]
    bad = len(_CONTROL.findall(sample))
    if bad > max(4, len(sample) // 200):
        raise ReportDecodeError(path, f"binary file, not text ({bad} control characters in the first {len(sample)})")
    return text


# --------------------------------------------------------------------------- HTML

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "section", "article",
     "pre", "hr", "figure", "main", "header", "footer", "aside", "nav", "form", "dl", "address"}
)
_LINE_TAGS = frozenset({"br", "div", "li", "tr", "dt", "dd", "figcaption", "caption", "details", "summary", "td", "th"})
_WS = re.compile(r"\s+")
_PARA, _BR = "\ue000", "\ue001"  # private-use marks for "paragraph break" and "line break" while parsing
# (?<!\s): a match starts where its whitespace starts, so that a long run of whitespace is read
# once, not once from each of its characters (the same matches: the leftmost one starts there)
_BREAKS = re.compile(r"(?<!\s)\s*[\ue000\ue001][\s\ue000\ue001]*")


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip = 0
        self._pre = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "pre":
            self._pre += 1
        self._block(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        self._block(tag)

    def _block(self, tag: str) -> None:
        if tag in _PARAGRAPH_TAGS:
            self.parts.append(_PARA)
        elif tag in _LINE_TAGS:
            self.parts.append(_BR)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            self.parts.append(data if self._pre else _WS.sub(" ", data))


def _html(html: str) -> tuple[str, str]:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = _BREAKS.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", text)
    title = _WS.sub(" ", "".join(parser.title_parts)).strip()
    return "\n".join(line.strip() for line in text.strip().split("\n")), title


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: no scripts or styles, entities unescaped, paragraphs kept.

    Examples
    --------
    >>> html_to_text("<html><head><title>T</title><style>p{}</style></head><body><h1>Kupiansk</h1>"
    ...              "<p>Fighting&nbsp;goes on&hellip;</p><script>var x</script><p>Line<br>two</p></body></html>")
    'Kupiansk\\n\\nFighting goes on…\\n\\nLine\\ntwo'
    """
    return _html(html)[0]


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<html" in head or (
        head.startswith("<") and ("<body" in head or "<head" in head)
    )


# --------------------------------------------------------------------------- metadata

_META_KEYS = frozenset({"source", "url", "date", "via", "note", "title", "author"})
_META_FIELD = re.compile(r"^[ \t]*([A-Za-z]+)[ \t]*:[ \t]*(.*)$", re.DOTALL)
_META_SPLIT = re.compile(r"(?<![ \t])[ \t]+\|[ \t]+")  # from a run's start: linear in long runs
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_URL_LINE = re.compile(r"^[ \t]*((?:https?://|www\.)\S+(?:[ \t]+\.\.\.[ \t]+\S+)?)[ \t]*$", re.MULTILINE)
_URL = re.compile(r"^(?:https?://|www\.)\S+$")


def _metadata_line(text: str) -> tuple[dict[str, str], str] | None:
    """The fields of a ``SOURCE: … | DATE: …`` first line and the text after it, if there is one."""
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    fields: dict[str, str] = {}
    key = ""
    for part in _META_SPLIT.split(first.strip()):
        m = _META_FIELD.match(part)
        if m and m.group(1).casefold() in _META_KEYS:
            key = m.group(1).casefold()
            fields[key] = m.group(2).strip()
        elif key:
            fields[key] += " | " + part
        else:
            return None
    if not fields.keys() & {"source", "url", "date"}:
        return None
    if len(fields) == 1:
        # one field alone is metadata only when it is plainly a URL or a date ("Source: the ministry said …" is not)
        ((key, value),) = fields.items()
        if not (_URL.match(value) if key in ("source", "url") else key == "date" and _ISO_PREFIX.match(value)):
            return None
    return fields, "" if end < 0 else text[end + 1 :]


def _front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """A YAML front matter block (``---`` lines around ``key: value`` lines) at the start."""
    stripped = text.lstrip("\n")
    if not stripped.startswith("---\n"):
        return None
    close = stripped.find("\n---", 3, 8192)
    if close < 0:
        return None
    fields: dict[str, str] = {}
    for line in stripped[4:close].split("\n"):
        if not line.strip():
            continue
        m = re.match(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$", line)
        if m is None:
            if line[:1] in " \t-":
                continue  # a nested value or list item
            return None
        fields[m.group(1).casefold()] = m.group(2).strip().strip("\"'")
    rest = stripped[close + 4 :]
    return fields, rest[rest.find("\n") + 1 :] if "\n" in rest else ""


def _meta_date(value: str, path: object = "") -> tuple[_dt.date | None, tuple[int, int] | None]:
    """A metadata DATE value: a full date, or only a (year, month) to look for in the text.

    A date that does not exist (``2025-02-31``) is no date, and says so: a
    :class:`~frontmap.errors.ReportWarning` naming the file.
    """
    m = _ISO_PREFIX.match(value)
    if not m:
        return None, None
    year, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        try:
            return _dt.date(year, month, int(m.group(3))), None
        except ValueError as exc:
            warnings.warn(ReportWarning(path, f"DATE {m.group(0).strip()!r} is not a date ({exc}): "
                                              "the report is dated by its text, if at all"), stacklevel=2)
            return None, None
    if 1 <= month <= 12:
        return None, (year, month)
    warnings.warn(ReportWarning(path, f"DATE {m.group(0).strip()!r} is not a month: ignored"), stacklevel=2)
    return None, None


#: The earliest report date taken as one: the war's reports start in 2014; an earlier date in a
#: dateline is a typo or an archive's, and would put claims on no front line
EARLIEST_REPORT_DATE = _dt.date(2014, 1, 1)


def _plausible(date: _dt.date | None, path: object) -> _dt.date | None:
    """``date`` if a report can bear it (from 2014 to tomorrow), else None and a ReportWarning."""
    if date is None or EARLIEST_REPORT_DATE <= date <= _dt.date.today() + _dt.timedelta(days=1):
        return date
    when = "before 2014" if date < EARLIEST_REPORT_DATE else "in the future"
    warnings.warn(ReportWarning(path, f"report date {date.isoformat()} is {when}: not used as a date"), stacklevel=2)
    return None


# --------------------------------------------------------------------------- posts

_SEPARATOR = re.compile(r"^[ \t]*\*(?:[ \t]*\*){2,}[ \t]*$", re.MULTILINE)
# the words before "by" that open a byline ("Published by X"): the byline rows of geo/rules/bylines.jsonl
_BYLINE_ROWS = tuple(r for r in lookup_rows("bylines") if r.cls == "byline")
_BYLINE = re.compile(
    r"^[ \t]*(?:" + rows_pattern(_BYLINE_ROWS) + r"[ \t]+by|by|author:)[ \t]*"
    r"(?P<a>@?[^\W\d_][^\n|⋅·•–—(]*?)"
    r"(?=[ \t]+(?:on|at)[ \t]|[ \t]*[|⋅·•–—(\n]|[ \t]*[.,;]?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
_BY_AFTER_DATE = re.compile(
    r"^[ \t]*posted[ \t]+on[ \t][^\n]*?[ \t]by[ \t]+(?P<a>[^\n|.,;]+)", re.IGNORECASE | re.MULTILINE
)
_EDGE = 1500
# _BYLINE and _BY_AFTER_DATE match only at the start of a line (never across a line break) whose
# first word, after spaces and tabs, begins with one of these letters (case-insensitive, as they
# are: a byline row's, "by", "author:", "posted on"): the other lines need not be tried.
_BYLINE_LINE = re.compile(r"\n[ \t]*(?i:[" + "".join(sorted({r.key[0] for r in _BYLINE_ROWS} | {"a", "b", "p"}))
                          + "])")


def _author(post: str) -> str:
    regions = [post[:_EDGE]]
    if len(post) > _EDGE:
        regions.append(post[-_EDGE:])
    for region in regions:
        # the first byline of the region: "Posted on … by X" at the top beats "Posted by Y" at the foot.
        # Line by line, both patterns at each line start (as their matches sorted by start would be).
        starts = [0]
        starts += [m.start() + 1 for m in _BYLINE_LINE.finditer(region)]
        for start in starts:
            for rx in (_BYLINE, _BY_AFTER_DATE):
                m = rx.match(region, start)
                if m is not None:
                    author = m.group("a").strip()
                    if 0 < len(author) <= 60:
                        return author
    return ""


def _post_url(post: str) -> str:
    lines = [line for line in post[-2000:].split("\n") if line.strip()][-5:]
    for line in reversed(lines):
        m = _URL_LINE.match(line)
        if m:
            return re.sub(r"[ \t]+\.\.\.[ \t]+", "...", m.group(1))
    return ""


def _title(post: str) -> str:
    first = post.lstrip().split("\n", 1)[0].strip()
    if (
        not first
        or len(first) > 150
        or first[-1] in ".!?:;,"
        or _URL.match(first)
        or _BYLINE.match(first)
        or find_report_date(first) is not None
        or "\n" not in post.strip()
    ):
        return ""
    return first


def _break_echoed_title(post: str) -> str:
    """The post with its headline, where the body repeats it as its first words on the same line, ended there.

    Video pages, reposts and scraped news pages print the headline, then open the body with the same words and no
    full stop ("Lyman Holds, Siversk Burns" / "Lyman Holds, Siversk Burns Our units advanced near Torske"):
    read as one sentence, the headline's names would take the body's first verb. The space after the repeat
    becomes a line break, a sentence boundary; the text keeps its length, so offsets are unchanged.

    >>> _break_echoed_title("Lyman Holds, Siversk Burns\\n\\nLyman Holds, Siversk Burns Our units advanced.")
    'Lyman Holds, Siversk Burns\\n\\nLyman Holds, Siversk Burns\\nOur units advanced.'
    """
    title = _title(post)
    if len(title.split()) < _ECHO_MIN_WORDS:
        return post
    first = post.index(title) + len(title)
    m = re.compile(r"\n[ \t]*" + re.escape(title) + r"([ \t])(?=\S)").search(post, first)
    if m is None:
        return post
    return post[: m.start(1)] + "\n" + post[m.start(1) + 1 :]


_ECHO_MIN_WORDS = 3  # a repeated headline of fewer words may be a name that opens a sentence again


# Bylines that open a post ("Published by @x ⋅ 25/11/2025", "Posted on November 24, 2025 by Yves Smith")
# and bylines that close one ("Posted by b on November 24, 2025 at 16:21 UTC | Permalink"): in a
# compilation without separator lines they are where one post ends and the next begins.
_HEADER_BYLINE = re.compile(
    r"^[ \t]*(?:published[ \t]+by[ \t]+[^\n]{1,60}?[ \t]*[⋅·•|–—][^\n]*\d[^\n]*"
    r"|posted[ \t]+on[ \t]+[^\n]*?\d[^\n]*?[ \t]by[ \t]+[^\n]{1,60})$",
    re.IGNORECASE | re.MULTILINE,
)
_FOOTER_BYLINE = re.compile(
    r"^[ \t]*posted[ \t]+by[ \t]+[^\n]{1,60}?[ \t]+(?:on|at)[ \t]+[^\n]*\d[^\n]*$\n?(?:[ \t]*(?:https?://|www\.)\S+[^\n]*(?:\n|$))*",
    re.IGNORECASE | re.MULTILINE,
)
_MIN_POST = 200  # characters of text both sides of a byline split must have


def _title_before(chunk: str, pos: int) -> int:
    """Where a post that starts at ``pos`` begins when a headline line stands right above its byline."""
    lines_before = chunk[:pos].rstrip("\n")
    k = lines_before.rfind("\n") + 1
    line = lines_before[k:].strip()
    if line and len(line) <= 150 and line[-1] not in ".!?:;,\"”" and not _URL.match(line) and not _SEPARATOR.match(line):
        return k
    return pos


# Both byline patterns above match only at a line whose first word (after spaces and tabs) starts
# with a p ("published", "posted"): a chunk without such a line has no byline to cut at.
_P_FIRST_LINE = re.compile(r"[ \t]*[pP]")
_P_LINE = re.compile(r"\n[ \t]*[pP]")


def _split_bylines(chunk: str) -> list[str]:
    """A chunk cut where a byline opens or closes a post."""
    if _P_FIRST_LINE.match(chunk) is None and _P_LINE.search(chunk) is None:
        return [chunk.strip("\n")] if chunk.strip() else []
    cuts = set()
    for m in _HEADER_BYLINE.finditer(chunk):
        cuts.add(_title_before(chunk, m.start()))
    for m in _FOOTER_BYLINE.finditer(chunk):
        cuts.add(m.end())
    parts, last = [], 0
    for cut in sorted(cuts):
        if len(chunk[last:cut].strip()) >= _MIN_POST and len(chunk[cut:].strip()) >= _MIN_POST:
            parts.append(chunk[last:cut].strip("\n"))
            last = cut
    parts.append(chunk[last:].strip("\n"))
    return [p for p in parts if p.strip()]


def _split_posts(text: str) -> list[str]:
    posts: list[str] = []
    start = 0
    for m in _SEPARATOR.finditer(text):
        chunk = text[start : m.start()].strip("\n")
        if chunk.strip():
            posts.extend(_split_bylines(chunk))
        start = m.end()
    chunk = text[start:].strip("\n")
    if chunk.strip():
        posts.extend(_split_bylines(chunk))
    return posts


def _html_name(path: str | os.PathLike[str]) -> bool:
    """Whether ``Path(path).suffix`` is ``.html`` or ``.htm`` (any case), without building a Path.

    The name's suffix is taken as :attr:`pathlib.PurePath.suffix` takes it (from the last dot, not
    the first character). Path would also drop a trailing ``/`` or ``/.``; the paths asked about
    here are regular files that were opened, whose names end in neither.
    """
    name = os.path.basename(os.fspath(path))
    dot = name.rfind(".")
    return 0 < dot < len(name) - 1 and name[dot:].lower() in _HTML_SUFFIXES


def read_reports(path: str | os.PathLike[str], *, source: str | None = None) -> list[Report]:
    """The posts of one report file.

    Parameters
    ----------
    path : str or path-like
    source : str, optional
        What to record as ``Report.source``; default ``str(path)`` as given.

    Returns
    -------
    list of Report
        One per post (a plain article is one post), in the order they appear.

    Raises
    ------
    frontmap.errors.ReportError
        The file is missing, unreadable, empty or binary (see :func:`read_text_file`), or holds
        no text once its markup and metadata are taken off (an HTML page of scripts only, a
        metadata line alone).
    """
    src = _printable(str(path) if source is None else source)
    return _reports_from_text(read_text_file(path), path, src)


def _reports_from_text(text: str, path: str | os.PathLike[str], src: str) -> list[Report]:
    """The posts of one decoded file (or one streamed part of a large one)."""
    title = ""
    hint = None
    if _html_name(path) or _looks_like_html(text):
        text, title = _html(text)
        if not text.strip():
            raise ReportError(path, "no text: an HTML page whose body holds no text")
    text = normalise_text(text)
    url = ""
    doc_date: _dt.date | None = None
    month: tuple[int, int] | None = None
    author = ""
    meta = _metadata_line(text)
    if meta is not None:
        fields, text = meta
        url = fields.get("source", "") or fields.get("url", "")
        known = known_channels().by_source(url)
        hint = known.claimant if known is not None else None
        url = url if _URL.match(url) else ""
        doc_date, month = _meta_date(fields.get("date", ""), path)
        title = fields.get("title", title)
        author = fields.get("author", "")
    front = _front_matter(text)
    if front is not None:
        fields, text = front
        title = fields.get("title", "") or title
        url = url or (fields.get("source", "") if _URL.match(fields.get("source", "")) else "")
        author = author or fields.get("author", "")
        if doc_date is None:
            doc_date, fm_month = _meta_date(fields.get("date", ""), path)
            month = month or fm_month
    doc_date = _plausible(doc_date, path)
    reference = doc_date
    if month is not None:
        reference = _dt.date(month[0], month[1], calendar.monthrange(*month)[1])
    if not text.strip():
        raise ReportError(path, "no text after the metadata")

    posts = [_break_echoed_title(post) for post in _split_posts(text)]
    if len(posts) <= 1:
        body = _break_echoed_title(text.strip("\n"))
        date = doc_date or _plausible(_in_month(find_report_date(body, reference=reference), month), path)
        return [
            Report(
                text=body,
                source=src,
                url=url or _post_url(body),
                author=author or _author(body),
                date=date,
                title=title or _title(body),
                claimant_hint=hint,
                month=month if date is None else None,
            )
        ]

    own_dates: list[_dt.date | None] = []
    for post in posts:
        own = _plausible(_in_month(find_report_date(post, reference=reference), month), path)
        own_dates.append(own)
        if reference is None and own is not None:
            reference = own  # gives the year of later posts' yearless dates ("November 25, 1:06 PM")
    if doc_date is None:
        # posts without a date of their own take the compilation's: the latest any post gives
        doc_date = max((d for d in own_dates if d is not None), default=None)
    return [
        Report(
            text=post,
            source=src if i == 1 else f"{src}#{i}",
            url=_post_url(post) or url,
            author=_author(post) or author,
            date=own or doc_date,
            title=_title(post) or (title if i == 1 else ""),
            claimant_hint=hint,
            month=month if (own or doc_date) is None else None,
        )
        for i, (post, own) in enumerate(zip(posts, own_dates), start=1)
    ]


def _printable(name: str) -> str:
    """``name`` as text any output can hold: bytes of a file name that are not UTF-8 (which Python
    keeps as lone surrogates) are written ``\\xff``, so writing a claim's source cannot fail."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _in_month(d: _dt.date | None, month: tuple[int, int] | None) -> _dt.date | None:
    if d is None or month is None:
        return d
    return d if (d.year, d.month) == month else None


def iter_reports(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Report]:
    """Every post of every file named by ``paths`` (folders walked as :func:`iter_input_files` does)."""
    for path in iter_input_files(paths):
        yield from iter_file_reports(path)


#: Bytes read at a time when a file is streamed.
STREAM_BLOCK = 4 * 1024 * 1024


def iter_file_reports(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
    block_bytes: int = STREAM_BLOCK,
    channel: str | None = None,
    online: bool = False,
) -> Iterator[Report]:
    """The posts of one file, streamed when it is larger than :data:`MAX_REPORT_BYTES`.

    A file up to that size is read whole (:func:`read_reports`). A larger plain-text file — a
    year of a channel's posts in one dump — is read :data:`STREAM_BLOCK` bytes at a time,
    decoded incrementally in the encoding its first block shows, and cut at paragraph breaks
    into parts whose posts are yielded as they come, so memory stays bounded whatever the file's
    size. The posts of the second and later parts have sources ``path@2``, ``path@3``...
    An HTML page that large is refused: its text cannot be taken out piecewise.

    Standard input (``"-"``), Telegram Desktop exports (:mod:`geo.telegram`; ``channel``: the
    channel's username, for links to its messages) and RSS/Atom feeds (:mod:`geo.feeds`; a feed's
    URL only with ``online``) are read whole, one report per message or entry.

    Raises
    ------
    frontmap.errors.ReportError
        As :func:`read_reports`; for a streamed file possibly after some posts were yielded
        (a stretch that is not valid text in the file's encoding).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "dump.txt"
    >>> post = "Russian troops liberated the settlement of Zvanovka." + chr(10) * 2
    >>> _ = p.write_text(post * 2000, encoding="utf-8")
    >>> streamed = list(iter_file_reports(p, max_bytes=10_000, block_bytes=8_192))
    >>> len(streamed) > 1, sum(r.text.count("Zvanovka") for r in streamed)
    (True, 2000)
    >>> streamed[1].source.endswith("dump.txt@2")
    True
    """
    special = _special_reports(path, source=source, channel=channel, online=online)
    if special is not None:
        yield from special
        return
    src = _printable(str(path) if source is None else source)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if (
        info is None
        or not stat.S_ISREG(info.st_mode)
        or info.st_size <= max_bytes
    ):
        yield from read_reports(path, source=source)  # small, missing or odd files: the usual errors
        return
    if _html_name(path):
        raise ReportError(path, f"an HTML page of {info.st_size / 2**20:.1f} MiB: too large to take its text out")
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, the generator may stop early
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror or exc})") from None
    with fh:
        block = fh.read(block_bytes)
        encoding = _stream_encoding(block, path)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        pending, part, offset = "", 0, 0
        while True:
            final = not block
            try:
                pending += decoder.decode(block, final=final)
            except UnicodeDecodeError as exc:
                raise ReportDecodeError(
                    path, f"not valid {encoding} near byte {offset + exc.start} ({exc.reason})"
                ) from None
            offset += len(block)
            if final:
                piece, pending = pending, ""
            else:
                # cut at the last paragraph break (else the last line break) of what was decoded
                cut = pending.rfind("\n\n")
                if cut < len(pending) // 2:
                    cut = pending.rfind("\n")
                if cut <= 0:
                    cut = len(pending)
                piece, pending = pending[:cut], pending[cut:]
            if "\r" in piece:
                piece = piece.replace("\r\n", "\n").replace("\r", "\n")
            if piece.strip():
                _checked(piece, path)
                part += 1
                try:
                    yield from _reports_from_text(piece, path, src if part == 1 else f"{src}@{part}")
                except ReportError:
                    if part == 1:  # a first part of metadata alone: go on with the rest
                        pass
                    else:
                        raise
            if final:
                break
            block = fh.read(block_bytes)


def _special_reports(
    path: str | os.PathLike[str], *, source: str | None, channel: str | None, online: bool
) -> list[Report] | None:
    """The reports of standard input, a feed URL, a Telegram export or a feed file; None for other files."""
    name = os.fspath(path)
    if name == STDIN:
        return read_stdin_reports(channel=channel)
    if _REMOTE.match(name):
        if not online:
            raise ReportError(name, "a URL: reading a feed from the web needs --online")
        return read_feed_url(_REMOTE.sub(r"\1://", name, count=1))
    src = _printable(name if source is None else source)
    kind = telegram_export_kind(name)
    if kind == "json":
        return read_telegram_json(path, source=src, channel=channel)
    if kind == "html":
        text = read_text_file(path)
        if _TELEGRAM_PAGE in text:
            return read_telegram_html(path, source=src, channel=channel, text=text)
        return _reports_from_text(text, path, src)  # a page that happens to have the name
    if is_feed_file(name):
        return read_feed(path, source=src)
    return None


# every page of a Telegram Desktop HTML export holds its messages in this div
_TELEGRAM_PAGE = 'class="history"'


def read_stdin_reports(*, channel: str | None = None, stream=None) -> list[Report]:
    """The reports of standard input (``frontmap extract -``): text, HTML, a Telegram JSON export or a feed.

    Their ``source`` is ``<stdin>`` (``<stdin>#N``, ``<stdin>#<message id>``).
    """
    import sys

    data = (stream if stream is not None else sys.stdin.buffer).read()
    if not data.strip():
        raise ReportError("<stdin>", "empty input")
    head = data[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    if looks_like_feed(head):
        return feed_reports(data, "<stdin>")
    text = _decode(data, "<stdin>")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if head.startswith(b"{") and '"messages"' in text:
        return read_telegram_json("<stdin>", source="<stdin>", channel=channel, text=text)
    if _TELEGRAM_PAGE in text and 'class="message' in text:
        return read_telegram_html("<stdin>", source="<stdin>", channel=channel, text=text)
    return _reports_from_text(text, "<stdin>", "<stdin>")


def _stream_encoding(first: bytes, path: object) -> str:
    """The encoding of a streamed file, from its first block (the rules of :func:`_decode`)."""
    if not first:
        raise ReportError(path, "empty file")
    for bom, encoding in _BOMS:
        if first.startswith(bom):
            return encoding
    if b"\x00" in first:
        even = first[: len(first) - len(first) % 2]
        if _utf16_without_bom(even) is not None:
            return "utf-16-le" if even[1::2].count(0) > even[0::2].count(0) else "utf-16-be"
        nul = first.find(b"\x00")
        raise ReportDecodeError(path, f"binary file, not text (NUL byte at offset {nul})")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(first, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(first[: 1 << 20], cp_isolation=_CODEPAGES).best()
    if best is None:
        raise ReportDecodeError(
            path, "not text: no encoding fits (tried UTF-8, UTF-16 and " + ", ".join(_CODEPAGES) + ")"
        )
    return best.encoding
