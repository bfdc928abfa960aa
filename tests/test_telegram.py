"""Telegram Desktop exports (JSON and HTML), as the real exporter writes them.

The fixtures follow the export's own formats: ``result.json`` with the chat's name, type and id and
a ``messages`` list (``type`` "message"/"service", ``date`` and ``date_unixtime``, ``text`` a string
or a list of strings and entity objects, ``text_entities``, ``forwarded_from``, ``photo``); the HTML
pages ``messages.html``, ``messages2.html`` with a ``page_header`` naming the channel, ``div.history``,
``div.message service`` date separators (``id="message-1"``), ``div.message default clearfix``
(``joined`` for a follow-up), the date's ``title`` with its UTC offset, ``div.forwarded body`` and
``div.media_wrap``. The message texts are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontmap.errors import ReportError
from geo.extract import extract_files
from geo.reports import iter_input_files, iter_reports
from geo.telegram import read_telegram_html, read_telegram_json, telegram_export_kind

TEXTS = {
    2: "Units of the Battlegroup South liberated the settlement of Zvanovka in the Donetsk People's Republic.",
    3: "Assault detachments took control of Otradnoe, Dnepropetrovsk region.",
    5: "Fighting continues on the northern outskirts of Siversk.",
    6: "The enemy advanced near Myrnohrad and in Rodynske.",
}


def _json_export(tmp: Path, name: str = "Минобороны России") -> Path:
    folder = tmp / "ChatExport_2025-11-25"
    folder.mkdir(parents=True)
    messages = [
        {"id": 1, "type": "service", "date": "2025-11-20T08:00:00", "date_unixtime": "1763622000",
         "actor": name, "actor_id": "channel1101806611", "action": "pin_message", "message_id": 2,
         "text": "", "text_entities": []},
        {"id": 2, "type": "message", "date": "2025-11-21T09:15:00", "date_unixtime": "1763705700",
         "from": name, "from_id": "channel1101806611", "text": TEXTS[2],
         "text_entities": [{"type": "plain", "text": TEXTS[2]}]},
        {"id": 3, "type": "message", "date": "2025-11-22T23:50:10", "date_unixtime": "1763844610",
         "edited": "2025-11-22T23:55:00", "edited_unixtime": "1763844900", "from": name,
         "from_id": "channel1101806611",
         "text": ["Assault detachments ", {"type": "bold", "text": "took control"}, " of ",
                  {"type": "text_link", "text": "Otradnoe", "href": "https://example.org/otradnoe"},
                  ", Dnepropetrovsk region."],
         "text_entities": [{"type": "plain", "text": "Assault detachments "}, {"type": "bold", "text": "took control"},
                           {"type": "plain", "text": " of "},
                           {"type": "text_link", "text": "Otradnoe", "href": "https://example.org/otradnoe"},
                           {"type": "plain", "text": ", Dnepropetrovsk region."}]},
        {"id": 4, "type": "message", "date": "2025-11-23T10:00:00", "date_unixtime": "1763881200",
         "from": name, "from_id": "channel1101806611", "photo": "photos/photo_1@23-11-2025_10-00-00.jpg",
         "width": 1280, "height": 720, "text": "", "text_entities": []},
        {"id": 5, "type": "message", "date": "2025-11-23T10:05:00", "date_unixtime": "1763881500",
         "from": name, "from_id": "channel1101806611", "file": "video_files/video_1@23-11-2025_10-05-00.mp4",
         "media_type": "video_file", "mime_type": "video/mp4", "duration_seconds": 31,
         "text": [{"type": "italic", "text": TEXTS[5]}],
         "text_entities": [{"type": "italic", "text": TEXTS[5]}]},
        {"id": 6, "type": "message", "date": "2025-11-24T12:00:00", "date_unixtime": "1763985600",
         "from": name, "from_id": "channel1101806611", "forwarded_from": "DeepState",
         "text": TEXTS[6], "text_entities": [{"type": "plain", "text": TEXTS[6]}]},
    ]
    doc = {"name": name, "type": "public_channel", "id": 1101806611, "messages": messages}
    path = folder / "result.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


_PAGE = """<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
  <meta content="width=device-width, initial-scale=1.0" name="viewport"/>
  <link href="css/style.css" rel="stylesheet"/>
  <script src="js/script.js" type="text/javascript"></script>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
{name}
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
{messages}
    </div>
   </div>
  </div>
 </body>
</html>
"""


def _message(mid: int, title: str, body: str, *, joined: bool = False, name: str = "") -> str:
    head = "" if joined else f"""
      <div class="pull_left userpic_wrap">
       <div class="userpic userpic2" style="width: 42px; height: 42px">
        <div class="initials" style="line-height: 42px">M</div>
       </div>
      </div>"""
    sender = "" if joined else f"""
       <div class="from_name">
{name}
       </div>"""
    return f"""
     <div class="message default clearfix{' joined' if joined else ''}" id="message{mid}">{head}
      <div class="body">
       <div class="pull_right date details" title="{title}">
{title[11:16]}
       </div>{sender}
{body}
      </div>
     </div>"""


def _html_export(tmp: Path, name: str = "Минобороны России") -> Path:
    folder = tmp / "ChatExport_html"
    folder.mkdir(parents=True)
    page1 = "\n".join([
        """     <div class="message service" id="message-1">
      <div class="body details">
21 November 2025
      </div>
     </div>""",
        """     <div class="message service" id="message1">
      <div class="body details">
Минобороны России pinned this message
      </div>
     </div>""",
        _message(2, "21.11.2025 09:15:00 UTC+03:00", f"""       <div class="text">
{TEXTS[2]}
       </div>""", name=name),
        _message(3, "22.11.2025 23:50:10 UTC+03:00", """       <div class="text">
Assault detachments <strong>took control</strong> of <a href="https://example.org/otradnoe">Otradnoe</a>, Dnepropetrovsk region.
       </div>""", joined=True),
    ])
    page2 = "\n".join([
        _message(4, "23.11.2025 10:00:00 UTC+03:00", """       <div class="media_wrap clearfix">
        <a class="photo_wrap clearfix pull_left" href="photos/photo_1@23-11-2025_10-00-00.jpg">
         <img class="photo" src="photos/photo_1@23-11-2025_10-00-00_thumb.jpg" style="width: 260px; height: 146px"/>
        </a>
       </div>""", name=name),
        _message(5, "23.11.2025 10:05:00 UTC+03:00", f"""       <div class="media_wrap clearfix">
        <a class="video_file_wrap clearfix pull_left" href="video_files/video_1@23-11-2025_10-05-00.mp4">
         <div class="video_play_bg"><div class="video_play"></div></div>
         <div class="video_duration">00:31</div>
         <img class="video_file" src="video_files/video_1@23-11-2025_10-05-00.mp4_thumb.jpg" style="width: 260px; height: 146px"/>
        </a>
       </div>
       <div class="text">
<em>{TEXTS[5]}</em>
       </div>""", joined=True),
        _message(6, "24.11.2025 12:00:00 UTC+03:00", f"""       <div class="forwarded body">
        <div class="from_name">
DeepState<span class="date details" title="24.11.2025 11:40:00 UTC+03:00"> 24.11.2025 11:40:00</span>
        </div>
        <div class="text">
{TEXTS[6]}
        </div>
       </div>""", name=name),
        _message(7, "25.11.2025 00:30:00 UTC+03:00", """       <div class="reply_to details">
In reply to <a href="#go_to_message6" onclick="return GoToMessage(6)">this message</a>
       </div>
       <div class="text">
First line.<br>Second line about Kupiansk.
       </div>""", name=name),
    ])
    (folder / "messages.html").write_text(_PAGE.format(name=name, messages=page1), encoding="utf-8")
    (folder / "messages2.html").write_text(_PAGE.format(name=name, messages=page2), encoding="utf-8")
    return folder


def test_export_names() -> None:
    assert telegram_export_kind("x/result.json") == "json"
    assert telegram_export_kind("messages.html") == telegram_export_kind("messages23.html") == "html"
    assert telegram_export_kind("notes.json") is None and telegram_export_kind("mymessages.html") is None


def test_json_export_one_report_per_message(tmp_path: Path) -> None:
    path = _json_export(tmp_path)
    reports = read_telegram_json(path)
    # the service message and the photo without a caption are not reports
    assert [r.source.rsplit("#", 1)[1] for r in reports] == ["2", "3", "5", "6"]
    by_id = {int(r.source.rsplit("#", 1)[1]): r for r in reports}
    for mid, text in TEXTS.items():
        assert by_id[mid].text == text  # string, entity list and caption texts joined
    assert by_id[2].date == dt.date(2025, 11, 21)
    assert by_id[3].date == dt.date(2025, 11, 22)  # the local day of the message, not the UTC one
    assert by_id[2].url == "https://t.me/mod_russia/2"  # the channel found by its name in the table
    assert by_id[2].claimant_hint.value == "RU-MoD" and by_id[2].author == "Минобороны России"
    assert by_id[6].forwarded_from == "DeepState" and by_id[6].claimant_hint.value == "DeepState"
    assert by_id[2].source == f"{path}#2"


def test_json_text_entities_only_and_unixtime(tmp_path: Path) -> None:
    doc = {"name": "Some channel", "type": "public_channel", "id": 7, "messages": [
        {"id": 9, "type": "message", "date_unixtime": "1763705700",
         "text_entities": [{"type": "plain", "text": "Strikes on "}, {"type": "hashtag", "text": "#Kharkiv"}]}]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r, = read_telegram_json(path, channel="@somechannel")
    assert r.text == "Strikes on #Kharkiv" and r.date == dt.date(2025, 11, 21)
    assert r.url == "https://t.me/somechannel/9" and r.claimant_hint is None


def test_html_export_pages(tmp_path: Path) -> None:
    folder = _html_export(tmp_path)
    first = read_telegram_html(folder / "messages.html")
    second = read_telegram_html(folder / "messages2.html")
    assert [r.source.rsplit("#", 1)[1] for r in first] == ["2", "3"]  # separators and service skipped
    assert [r.source.rsplit("#", 1)[1] for r in second] == ["5", "6", "7"]  # the photo alone is skipped
    by_id = {int(r.source.rsplit("#", 1)[1]): r for r in first + second}
    for mid, text in TEXTS.items():
        assert by_id[mid].text == text, mid
    assert by_id[3].date == dt.date(2025, 11, 22)  # the date as written, with its offset
    assert by_id[7].date == dt.date(2025, 11, 25)
    assert by_id[7].text == "First line.\nSecond line about Kupiansk."  # <br>; the reply header is not text
    assert by_id[6].forwarded_from == "DeepState" and by_id[6].claimant_hint.value == "DeepState"
    assert by_id[3].claimant_hint.value == "RU-MoD" and by_id[3].url == "https://t.me/mod_russia/3"


def test_exports_found_inside_folders(tmp_path: Path) -> None:
    _json_export(tmp_path / "a")
    _html_export(tmp_path / "b")
    (tmp_path / "notes.txt").write_text("Fighting near Siversk.", encoding="utf-8")
    (tmp_path / "other.json").write_text("{}", encoding="utf-8")  # not an export: not walked
    names = [p.name for p in iter_input_files([tmp_path])]
    assert names == ["notes.txt", "result.json", "messages.html", "messages2.html"]
    sources = [r.source.split("/")[-1] for r in iter_reports([tmp_path])]
    assert sources == ["notes.txt", "result.json#2", "result.json#3", "result.json#5", "result.json#6",
                       "messages.html#2", "messages.html#3", "messages2.html#5", "messages2.html#6",
                       "messages2.html#7"]


def test_a_page_named_like_an_export_is_read_as_a_page(tmp_path: Path) -> None:
    p = tmp_path / "messages.html"
    p.write_text("<html><body><p>Russian troops advanced near Siversk.</p></body></html>", encoding="utf-8")
    r, = iter_reports([p])
    assert r.text == "Russian troops advanced near Siversk." and r.source == str(p)


def test_bad_json_export_is_named(tmp_path: Path) -> None:
    p = tmp_path / "result.json"
    p.write_text('{"name": "x", "messages": [', encoding="utf-8")
    with pytest.raises(ReportError, match="not valid JSON"):
        read_telegram_json(p)
    p.write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(ReportError, match="'messages' list"):
        read_telegram_json(p)


def _placements(claims):
    return sorted((Path(c.source.rsplit("#", 1)[-1]).name.removesuffix(".txt"), c.place, c.geonameid, c.lat, c.lon, str(c.action),
                   c.report_date) for c in claims)


def test_exports_place_as_plain_files(tmp_path: Path, gaz) -> None:
    """The same texts give the same placements, each dated on its message's day and naming it."""
    path = _json_export(tmp_path / "j")
    html = _html_export(tmp_path / "h")
    plain = tmp_path / "plain"
    plain.mkdir()
    for r in read_telegram_json(path):
        mid = r.source.rsplit("#", 1)[1]
        (plain / f"{mid}.txt").write_text(f"DATE: {r.date.isoformat()}\n{r.text}\n", encoding="utf-8")
    want = _placements(extract_files([plain], gaz).claims)
    assert len([w for w in want if w[2] is not None]) >= 4
    from_json = extract_files([path], gaz).claims
    assert _placements(from_json) == want
    from_html = [c for c in extract_files([html], gaz).claims if not c.source.endswith("#7")]
    assert _placements(from_html) == want
    for c in from_json:
        assert c.source.startswith(str(path) + "#") and c.url.startswith("https://t.me/mod_russia/")
    fwd = [c for c in from_json if c.source.endswith("#6")]
    assert fwd and all(c.forwarded_from == "DeepState" for c in fwd)


def test_standard_input_recognises_what_it_is_given(tmp_path: Path) -> None:
    import io

    from geo.reports import read_stdin_reports

    page = (_html_export(tmp_path) / "messages2.html").read_bytes()
    reports = read_stdin_reports(stream=io.BytesIO(page))
    assert [r.source for r in reports] == ["<stdin>#5", "<stdin>#6", "<stdin>#7"]
    data = _json_export(tmp_path / "j").read_bytes()
    assert [r.source for r in read_stdin_reports(stream=io.BytesIO(data), channel="mod_russia")][0] == "<stdin>#2"
    r, = read_stdin_reports(stream=io.BytesIO("Бои у Северска.\n".encode("cp1251")))
    assert r.text == "Бои у Северска." and r.source == "<stdin>"
    with pytest.raises(ReportError, match="empty input"):
        read_stdin_reports(stream=io.BytesIO(b"  \n"))
