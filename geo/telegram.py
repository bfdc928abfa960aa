"""Telegram Desktop exports: one report per message.

Telegram Desktop's "Export chat history" writes a channel either as JSON (``result.json``: the
chat's ``name``, ``type``, ``id`` and a list of ``messages``) or as HTML pages (``messages.html``,
``messages2.html`` …, each a ``div.history`` of ``div.message`` blocks). Both are recognised by
their file names, also inside folders, and read here:

- one :class:`~geo.model.Report` per message that has text, in the order of the export; service
  messages (channel created, pinned, title changed…) and media without a caption are skipped;
- the text joined from its pieces whatever the formatting: in JSON, ``text`` is a string or a list
  of strings and entity objects (``{"type": "bold", "text": …}``; ``text_entities`` the same as
  objects only); in HTML, the ``div.text`` with its inline markup, ``<br>`` as a line break. A
  photo's or video's caption is the message's text and is read like any other;
- dated by the message: the JSON ``date`` (the exporting machine's local time, the same wall clock
  the HTML shows; ``date_unixtime`` read as UTC when ``date`` is missing) and the HTML ``title``
  of the message's date (``"24.02.2025 05:10:11 UTC+03:00"``, the date as written with its offset);
- ``source`` is ``<path>#<message id>`` and ``uid`` the message's identity whatever the export's
  folder (its link, else ``telegram:<channel name>/<id>``); ``url`` is ``https://t.me/<username>/<id>`` when the
  channel's username is known: given (``channel=``, ``frontmap --channel``), or found by the
  channel's name in the table of known channels (:mod:`geo.channels`; exports carry the name only);
- ``Report.author`` is the channel's name; ``Report.claimant_hint`` is the channel's claimant when
  the table knows it. A forwarded message keeps its origin (``Report.forwarded_from``) and takes the
  origin's claimant instead (none when the table does not know the origin: the forwarding channel
  does not speak for it).

Examples
--------
>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> export = {"name": "Минобороны России", "type": "public_channel", "id": 1, "messages": [
...     {"id": 1, "type": "service", "date": "2025-11-20T08:00:00", "action": "pin_message", "text": ""},
...     {"id": 2, "type": "message", "date": "2025-11-21T09:15:00", "from": "Минобороны России",
...      "text": ["Units ", {"type": "bold", "text": "liberated"}, " the settlement of Zvanovka."]}]}
>>> _ = (d / "result.json").write_text(json.dumps(export), encoding="utf-8")
>>> [(r.source.rsplit("/", 1)[-1], r.date.isoformat(), r.text, r.url, r.claimant_hint.value)
...  for r in read_telegram_export(d / "result.json")]
[('result.json#2', '2025-11-21', 'Units liberated the settlement of Zvanovka.', 'https://t.me/mod_russia/2', 'RU-MoD')]
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from frontmap.errors import ReportError
from geo.channels import Channel, known_channels
from geo.model import Report

__all__ = [
    "TELEGRAM_JSON_NAME",
    "telegram_export_kind",
    "read_telegram_export",
    "read_telegram_json",
    "read_telegram_html",
    "telegram_reports",
]

#: The file name Telegram Desktop gives a JSON export.
TELEGRAM_JSON_NAME = "result.json"
_HTML_PAGE = re.compile(r"messages\d*\.html", re.IGNORECASE)
#: Largest JSON export read (it is parsed whole): 1 GiB.
MAX_EXPORT_BYTES = 1 << 30


def telegram_export_kind(path: str | os.PathLike[str]) -> str | None:
    """``"json"`` or ``"html"`` when the file's name is the one Telegram Desktop gives an export, else None.

    Examples
    --------
    >>> telegram_export_kind("export/result.json"), telegram_export_kind("messages12.html"), telegram_export_kind("a.html")
    ('json', 'html', None)
    """
    name = os.path.basename(os.fspath(path))
    if name.casefold() == TELEGRAM_JSON_NAME:
        return "json"
    if _HTML_PAGE.fullmatch(name):
        return "html"
    return None


@dataclass(frozen=True, slots=True)
class _Message:
    id: str
    date: _dt.date | None
    text: str
    forwarded_from: str = ""


def _pieces(text: Any) -> str:
    """A JSON message's text joined from its pieces: a string, or a list of strings and entity objects."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, dict):
        return _pieces(text.get("text", ""))
    if isinstance(text, list):
        return "".join(_pieces(p) for p in text)
    return ""


def _json_date(message: dict[str, Any]) -> _dt.date | None:
    raw = message.get("date")
    if isinstance(raw, str) and len(raw) >= 10:
        try:
            return _dt.date.fromisoformat(raw[:10])
        except ValueError:
            pass
    unix = message.get("date_unixtime")
    try:
        return _dt.datetime.fromtimestamp(int(unix), tz=_dt.timezone.utc).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _json_messages(doc: Any, path: object) -> tuple[str, list[_Message]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
        raise ReportError(path, "not a Telegram Desktop export: a JSON object with a 'messages' list was expected")
    name = doc.get("name") if isinstance(doc.get("name"), str) else ""
    out = []
    for m in doc["messages"]:
        if not isinstance(m, dict) or m.get("type", "message") != "message":
            continue  # service messages: channel created, pinned, title changed...
        text = _pieces(m.get("text"))
        if not text.strip() and "text_entities" in m:
            text = _pieces(m.get("text_entities"))
        fwd = m.get("forwarded_from")
        out.append(_Message(str(m.get("id", "")), _json_date(m), text, fwd if isinstance(fwd, str) else ""))
    return name, out


_TITLE_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+UTC([+-]\d{1,2}(?::?\d{2})?))?")
_MESSAGE_ID = re.compile(r"message(\d+)")
_BLOCKS = frozenset({"p", "blockquote", "pre", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})


def _title_date(title: str) -> _dt.date | None:
    """The date of an HTML export's date title ("24.02.2025 05:10:11 UTC+03:00"), as written."""
    m = _TITLE_DATE.search(title)
    if m is None:
        return None
    try:
        return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


class _ExportPage(HTMLParser):
    """The channel name and the messages of one HTML page of a Telegram Desktop export."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.name = ""
        self.messages: list[_Message] = []
        self._divs: list[str] = []  # what each open div is: "message", "forwarded", "text", "from", "header"...
        self._id = ""
        self._date: _dt.date | None = None
        self._text: list[str] = []
        self._forwarded: list[str] = []
        self._header: list[str] = []
        self._span = 0  # open spans inside a forwarded name (its date)
        self._skip = 0  # open script/style

    # -- structure
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
            return
        in_text = "text" in self._divs
        if tag == "div":
            a = dict(attrs)
            classes = (a.get("class") or "").split()
            kind = "div"
            if "message" in classes and self._divs.count("message") == 0:
                kind = "message"
                m = _MESSAGE_ID.fullmatch(a.get("id") or "")
                # "message-1" date separators and service messages are not posts
                self._id = m.group(1) if m and "service" not in classes else ""
                self._date, self._text, self._forwarded = None, [], []
            elif "page_header" in classes:
                kind = "header"
            elif "message" in self._divs and self._id:
                if "date" in classes and a.get("title") and self._date is None and "forwarded" not in self._divs:
                    self._date = _title_date(a["title"] or "")
                if "forwarded" in classes:
                    kind = "forwarded"
                elif "from_name" in classes and "forwarded" in self._divs:
                    kind = "from"
                elif "text" in classes and "reply_to" not in self._divs and not in_text:
                    kind = "text"
                    if self._text:
                        self._text.append("\n\n")
                elif "reply_to" in classes:
                    kind = "reply_to"
                elif in_text:
                    self._text.append("\n")
            elif "header" in self._divs and "text" in classes and "bold" in classes:
                kind = "name"
            self._divs.append(kind)
        elif tag == "span" and "from" in self._divs:
            self._span += 1
        elif tag == "br" and in_text:
            self._text.append("\n")
        elif tag in _BLOCKS and in_text:
            self._text.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and "text" in self._divs:
            self._text.append("\n")
        elif tag == "div":  # <div/>: opened and closed at once
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
            return
        if tag == "span" and self._span:
            self._span -= 1
        elif tag in _BLOCKS and "text" in self._divs:
            self._text.append("\n")
        elif tag == "div" and self._divs:
            kind = self._divs.pop()
            if kind == "message" and self._id:
                text = "".join(self._text)
                self.messages.append(_Message(self._id, self._date, text, " ".join("".join(self._forwarded).split())))
                self._id = ""
            elif kind == "name" and not self.name:
                self.name = " ".join("".join(self._header).split())

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        top = self._divs[-1] if self._divs else ""
        if "text" in self._divs:
            # markup spaces: the export puts each tag on its own line; text keeps the <br> breaks only
            self._text.append(" ".join(data.split("\n")) if "\n" in data else data)
        elif top == "from" and not self._span:
            self._forwarded.append(data)
        elif top == "name":
            self._header.append(data)


_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy_html_text(text: str) -> str:
    """Spaces folded within each line, lines stripped, at most one blank line in a row."""
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _html_messages(text: str, path: object) -> tuple[str, list[_Message]]:
    page = _ExportPage()
    page.feed(text)
    page.close()
    if not page.messages and 'class="history"' not in text and "class='history'" not in text:
        raise ReportError(path, "not a Telegram Desktop export page: no div.history of messages")
    return page.name, [
        _Message(m.id, m.date, _tidy_html_text(m.text), m.forwarded_from) for m in page.messages
    ]


def telegram_reports(
    name: str, messages: list[Any], src: str, *, channel: str | None = None
) -> list[Report]:
    """Reports of an export's messages (see the module's description)."""
    table = known_channels()
    known: Channel | None = table.by_username(channel) if channel else table.by_name(name) if name else None
    username = channel.lstrip("@") if channel else (known.key if known is not None and known.is_telegram else "")
    reports = []
    for m in messages:
        text = m.text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if not text.strip():
            continue  # media without a caption
        hint = known.claimant if known is not None else None
        if m.forwarded_from:
            origin = table.by_name(m.forwarded_from)
            hint = origin.claimant if origin is not None else None
        reports.append(
            Report(
                text=text,
                source=f"{src}#{m.id}",
                url=f"https://t.me/{username}/{m.id}" if username and m.id else "",
                author=name,
                date=m.date,
                claimant_hint=hint,
                forwarded_from=m.forwarded_from,
                uid=(f"https://t.me/{username}/{m.id}" if username else f"telegram:{name}/{m.id}") if m.id else "",
            )
        )
    return reports


def read_telegram_json(
    path: str | os.PathLike[str], *, source: str | None = None, channel: str | None = None, text: str | None = None
) -> list[Report]:
    """The messages of a JSON export (``result.json``) as reports (``text``: its content, already read).

    Raises
    ------
    frontmap.errors.ReportError
        The file cannot be read, is not JSON, or is not a Telegram Desktop export.
    """
    src = str(path) if source is None else source
    if text is None:
        text = _read(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportError(path, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    name, messages = _json_messages(doc, path)
    return telegram_reports(name, messages, src, channel=channel)


def read_telegram_html(
    path: str | os.PathLike[str], *, source: str | None = None, channel: str | None = None, text: str | None = None
) -> list[Report]:
    """The messages of one HTML page of an export (``messages.html``, ``messages2.html`` …) as reports.

    Raises
    ------
    frontmap.errors.ReportError
        The file cannot be read or holds no Telegram Desktop message history.
    """
    src = str(path) if source is None else source
    if text is None:
        from geo.reports import read_text_file

        text = read_text_file(path)
    name, messages = _html_messages(text, path)
    return telegram_reports(name, messages, src, channel=channel)


def read_telegram_export(
    path: str | os.PathLike[str], *, source: str | None = None, channel: str | None = None
) -> list[Report]:
    """The messages of an export file, JSON or HTML by its name (see :func:`telegram_export_kind`)."""
    kind = telegram_export_kind(path)
    if kind == "json":
        return read_telegram_json(path, source=source, channel=channel)
    if kind == "html":
        return read_telegram_html(path, source=source, channel=channel)
    raise ReportError(path, "not a Telegram Desktop export name (result.json, messages.html, messages2.html …)")


def _read(path: str | os.PathLike[str]) -> str:
    try:
        size = os.stat(path).st_size
        if size > MAX_EXPORT_BYTES:
            raise ReportError(path, f"too large ({size / 2**20:.0f} MiB; the limit is {MAX_EXPORT_BYTES >> 20} MiB)")
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ReportError(path, "no such file") from None
    except IsADirectoryError:
        raise ReportError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ReportError(path, "empty file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportError(path, f"not UTF-8 ({exc.reason} at byte {exc.start}); Telegram exports are UTF-8") from None
