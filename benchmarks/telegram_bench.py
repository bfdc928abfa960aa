"""Telegram exports read at the plain-file speed; a day appended to a large claims store quickly.

The corpus is made at run time in a temporary folder (the texts are third-party: never committed),
with the paragraphs of ``benchmarks/extract_bench.py`` (the real texts of ``$FRONTMAP_DATA/../eval``
and ``../seeds`` recombined with a fixed seed): ``--messages`` messages (10,000 by default), each one
to three paragraphs dated on one of 60 days, written three ways:

- **plain**: one file per message, ``DATE: …`` on its first line;
- **json**: one Telegram Desktop ``result.json``, every other text as a list of entity pieces;
- **html**: Telegram Desktop HTML pages of 1,000 messages each (``messages.html``, ``messages2.html`` …).

Figures, each a ratio to the plain files within the same run:

- **read**: all reports read (:func:`geo.reports.iter_reports`), seconds;
- **extract**: claims extracted (:func:`geo.extract.extract_files`, no front line), seconds, after a
  warm-up pass over the first 1,000 plain files (name caches warm for every form alike); the
  placements of the three forms are checked identical;
- **store**: a store of ``--store-claims`` claims (100,000) made from the extracted claims under
  new sources, then a day of 200 new messages (a ``result.json``) appended the way
  ``frontmap extract day/ -o claims.gpkg --append`` does (read, skip what is held, extract, append),
  in process and as the real command (a fresh process: imports, index load); then the same day
  appended again (0 rows expected).

Run:  FRONTMAP_DATA=../shared/data python benchmarks/telegram_bench.py [--messages N] [--store-claims N]
Writes benchmarks/results/telegram.json and prints the figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import html
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_bench import _texts  # noqa: E402

from gazetteer import Gazetteer  # noqa: E402
from geo.extract import extract_files  # noqa: E402
from geo.reports import iter_reports  # noqa: E402
from maps.store import append_claims, report_hash, report_key, store_hashes  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
DAY0 = dt.date(2025, 9, 1)


def make_messages(n: int, seed: int = 20251125) -> list[tuple[int, dt.date, str]]:
    _, paras = _texts()
    paras = [p for p in paras if not p.startswith("---")]  # a YAML front matter fence is not a post's first line
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        k = int(rng.integers(1, 4))
        body = "\n\n".join(paras[j] for j in rng.choice(len(paras), size=k, replace=False))
        out.append((i + 1, DAY0 + dt.timedelta(days=int(rng.integers(60))), body))
    return out


def write_plain(folder: Path, messages) -> None:
    for mid, day, text in messages:
        p = folder / f"{mid // 1000:03d}" / f"{mid}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"DATE: {day.isoformat()}\n{text}\n", encoding="utf-8")


def _pieces(text: str, i: int):
    if i % 2:
        return text
    head, _, rest = text.partition(" ")
    return [{"type": "bold", "text": head}, " " + rest] if rest else text


def write_json(folder: Path, messages, name: str = "Benchmark channel") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"name": name, "type": "public_channel", "id": 1000000001, "messages": [
        {"id": mid, "type": "message", "date": f"{day.isoformat()}T12:00:00",
         "date_unixtime": str(int(dt.datetime(day.year, day.month, day.day, 9).timestamp())),
         "from": name, "from_id": "channel1000000001", "text": _pieces(text, mid),
         "text_entities": [{"type": "plain", "text": text}]}
        for mid, day, text in messages]}
    path = folder / "result.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_html(folder: Path, messages, name: str = "Benchmark channel") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for page in range(0, len(messages), 1000):
        blocks = []
        for mid, day, text in messages[page : page + 1000]:
            body = "<br>".join(html.escape(line) for line in text.split("\n"))
            blocks.append(
                f'     <div class="message default clearfix joined" id="message{mid}">\n      <div class="body">\n'
                f'       <div class="pull_right date details" title="{day:%d.%m.%Y} 12:00:00 UTC+03:00">\n12:00\n       </div>\n'
                f'       <div class="text">\n{body}\n       </div>\n      </div>\n     </div>')
        doc = ('<!DOCTYPE html>\n<html>\n <head>\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n </head>\n'
               ' <body>\n  <div class="page_wrap">\n   <div class="page_header">\n    <div class="content">\n'
               f'     <div class="text bold">\n{html.escape(name)}\n     </div>\n    </div>\n   </div>\n'
               '   <div class="page_body chat_page">\n    <div class="history">\n' + "\n".join(blocks)
               + '\n    </div>\n   </div>\n  </div>\n </body>\n</html>\n')
        k = page // 1000 + 1
        (folder / ("messages.html" if k == 1 else f"messages{k}.html")).write_text(doc, encoding="utf-8")


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def _placements(claims):
    return sorted((c.source.rsplit("#", 1)[-1].rsplit("/", 1)[-1].removesuffix(".txt"), c.place, c.geonameid or 0,
                   str(c.report_date)) for c in claims)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--store-claims", type=int, default=100_000)
    ap.add_argument("--day", type=int, default=200, help="messages in the appended day")
    ap.add_argument("--out", type=Path, default=RESULTS / "telegram.json")
    args = ap.parse_args(argv)
    data = os.environ.get("FRONTMAP_DATA")
    if not data:
        sys.exit("set FRONTMAP_DATA (../shared/data)")
    gaz = Gazetteer.open(data, progress=False)
    messages = make_messages(args.messages)
    result: dict = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg()},
        "messages": args.messages,
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_plain(tmp / "plain", messages)
        json_path = write_json(tmp / "json", messages)
        write_html(tmp / "html", messages)
        forms = {"plain": tmp / "plain", "json": json_path, "html": tmp / "html"}
        result["bytes"] = {k: sum(p.stat().st_size for p in ([v] if v.is_file() else v.rglob("*")) if p.is_file())
                           for k, v in forms.items()}

        read = {}
        for k, v in forms.items():
            reports, secs = _timed(lambda v=v: list(iter_reports([v])))
            assert len(reports) == args.messages, (k, len(reports))
            read[k] = secs
        result["read_s"] = {k: round(v, 3) for k, v in read.items()}
        result["read_ratio_to_plain"] = {k: round(v / read["plain"], 2) for k, v in read.items()}
        print("read:", result["read_s"], result["read_ratio_to_plain"], flush=True)

        warm = sorted((tmp / "plain").rglob("*.txt"))[:1000]
        extract_files(warm, gaz)
        extracted, secs = {}, {}
        for k in ("json", "plain", "html"):
            extracted[k], secs[k] = _timed(lambda k=k: extract_files([forms[k]], gaz))
            print(f"extract {k}: {secs[k]:.1f} s, {len(extracted[k].claims)} claims", flush=True)
        same = {k: _placements(extracted[k].claims) == _placements(extracted["plain"].claims) for k in ("json", "html")}
        result["extract_s"] = {k: round(v, 2) for k, v in secs.items()}
        result["extract_ratio_to_plain"] = {k: round(v / secs["plain"], 2) for k, v in secs.items()}
        result["extract_reports_per_s"] = {k: round(args.messages / v) for k, v in secs.items()}
        result["same_placements_as_plain"] = same
        result["claims"] = len(extracted["plain"].claims)

        # ---------------------------------------------------------------- the store
        base = extracted["json"].claims
        store = tmp / "store" / "claims.gpkg"
        big, reports = [], []
        k = 0
        while len(big) < args.store_claims:
            for c in base:
                src = f"archive{k}:{c.source}"
                big.append(dataclasses.replace(c, source=src))
                if len(big) >= args.store_claims:
                    break
            k += 1
            # one report per 10 claims is enough for the reports table's size
        sources = sorted({c.source for c in big})
        from geo.model import Report

        reports = [Report(text=s, source=s) for s in sources]
        _, secs_create = _timed(lambda: append_claims(store, big, reports))
        result["store_create_s"] = round(secs_create, 2)
        result["store_claims"] = len(big)
        print(f"store of {len(big)} claims created in {secs_create:.1f} s", flush=True)

        day = [(10_000_000 + i, dt.date(2025, 11, 30), t) for i, (_, _, t) in enumerate(messages[: args.day])]
        day_path = write_json(tmp / "day", day)

        def append_day():
            t0 = time.perf_counter()
            held = store_hashes(store)
            res = extract_files([day_path], gaz, keep=lambda r: held.get(report_key(r)) != report_hash(r))
            t1 = time.perf_counter()
            done = append_claims(store, res.claims, res.read)
            return done, t1 - t0, time.perf_counter() - t1

        (done, ex_s, ap_s), total = _timed(append_day)
        result["append_day"] = {"messages": args.day, "claims_added": done.claims_added, "added": done.added,
                                "total_s": round(total, 2), "read_and_extract_s": round(ex_s, 2),
                                "store_write_s": round(ap_s, 3)}
        (again, ex2, ap2), total2 = _timed(append_day)
        result["append_again"] = {"added": again.added, "claims_added": again.claims_added,
                                  "total_s": round(total2, 2), "store_write_s": round(ap2, 3)}
        print("append day:", result["append_day"], "again:", result["append_again"], flush=True)

        # the real command on a second day, in a fresh process (imports and index load included)
        day2 = [(20_000_000 + i, dt.date(2025, 12, 1), t) for i, (_, _, t) in enumerate(messages[args.day : 2 * args.day])]
        day2_path = write_json(tmp / "day2", day2)
        cmd = [sys.executable, "-m", "frontmap.cli", "extract", str(day2_path), "-o", str(store), "--append",
               "--data", data, "--no-front"]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        import resource

        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        run = subprocess.run([sys.executable, "-c", "from frontmap.cli import app; app()", *cmd[3:]],
                             capture_output=True, text=True, env=env)
        cmd_s = time.perf_counter() - t
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert run.returncode == 0, run.stderr
        t = time.perf_counter()
        run2 = subprocess.run([sys.executable, "-c", "from frontmap.cli import app; app()", *cmd[3:]],
                              capture_output=True, text=True, env=env)
        cmd2_s = time.perf_counter() - t
        cpu2 = resource.getrusage(resource.RUSAGE_CHILDREN)
        result["command_append_day_cpu_s"] = round(cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime, 2)
        result["command_append_again_cpu_s"] = round(cpu2.ru_utime + cpu2.ru_stime - cpu1.ru_utime - cpu1.ru_stime, 2)
        result["command_append_day_s"] = round(cmd_s, 2)
        result["command_append_again_s"] = round(cmd2_s, 2)
        result["command_output"] = [run.stderr.strip().splitlines()[-1], run2.stderr.strip().splitlines()[-1]]
        con = sqlite3.connect(store)
        result["store_rows_after"] = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        result["store_integrity"] = con.execute("PRAGMA integrity_check").fetchone()[0]
        con.close()
        print("command:", cmd_s, cmd2_s, result["command_output"], flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
