"""Progress of the command: a tqdm bar on a terminal, plain lines anywhere else.

Logs, CI and a notebook's ``!frontmap …`` have a stderr that is not a terminal, where a bar is
either hidden or a mess of carriage returns. There, :class:`Progress` prints one plain line when a
slow stage starts (``frontmap: building the gazetteer index…``), then one every few seconds while
it runs (``frontmap: extracting: 120/2000 files, 340 reports (12 s)``), and one when a stage that
took a while ends. A stage that ends within :attr:`Progress.quiet` seconds prints nothing.

Examples
--------
>>> import io, time
>>> out = io.StringIO()
>>> p = Progress(out, every=0.05, quiet=0.0, tty=False)
>>> with p.stage("opening the gazetteer"):
...     time.sleep(0.2)
>>> p.close()
>>> lines = out.getvalue().splitlines()
>>> lines[0], lines[-1].startswith("frontmap: opening the gazetteer: done in")
('frontmap: opening the gazetteer…', True)
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from typing import IO

__all__ = ["Progress"]


class Progress:
    """Plain progress lines on a stream that is not a terminal (see the module docstring).

    Parameters
    ----------
    stream
        Where the lines go (default ``sys.stderr``).
    every
        Seconds between two lines about one stage.
    quiet
        A stage is said only once it has run this long (seconds): fast steps stay silent.
    tty
        Whether ``stream`` is a terminal (default: asked of it); on a terminal nothing is printed
        here (tqdm draws bars there).
    """

    def __init__(self, stream: IO[str] | None = None, *, every: float = 5.0, quiet: float = 1.0,
                 tty: bool | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        if tty is None:
            isatty = getattr(self.stream, "isatty", None)
            tty = bool(isatty and isatty())
        self.tty = tty
        self.every = every
        self.quiet = quiet
        self._lock = threading.Lock()
        self._stage = ""
        self._started = 0.0
        self._said = 0.0  # when the last line about this stage was printed (0: none yet)
        self._done = 0
        self._total: int | None = None
        self._reports = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def plain(self) -> bool:
        """Whether plain lines are printed (the stream is not a terminal)."""
        return not self.tty

    def _line(self, text: str) -> None:
        try:
            print(f"frontmap: {text}", file=self.stream, flush=True)
        except (OSError, ValueError):  # a closed or broken stderr: progress is not worth failing for
            pass

    def _status(self) -> str:
        secs = f"{time.monotonic() - self._started:.0f} s"
        if self._total is None and not self._done and not self._reports:
            return f"{self._stage}… ({secs})"
        files = f"{self._done}/{self._total} files, " if self._total is not None else ""
        return f"{self._stage}: {files}{self._reports} reports ({secs})"

    def _beat(self) -> None:
        while not self._stop.wait(min(0.25, self.every / 2)):
            with self._lock:
                if not self._stage:
                    continue
                now = time.monotonic()
                if not self._said and now - self._started >= self.quiet:
                    self._line(f"{self._stage}…" if self._total is None and not self._reports else self._status())
                    self._said = now
                elif self._said and now - self._said >= self.every:
                    self._line(self._status())
                    self._said = now

    @contextlib.contextmanager
    def stage(self, text: str, *, total: int | None = None) -> Iterator[Progress]:
        """A stage of the run: said when it has lasted :attr:`quiet` seconds, then every :attr:`every`."""
        if not self.plain:
            yield self
            return
        with self._lock:
            self._stage, self._started, self._said = text, time.monotonic(), 0.0
            self._done, self._total, self._reports = 0, total, 0
            if self._thread is None:
                self._thread = threading.Thread(target=self._beat, name="frontmap-progress", daemon=True)
                self._thread.start()
        try:
            yield self
        except BaseException:  # the error says what happened: no "done" line after it
            with self._lock:
                self._stage = ""
            raise
        else:
            with self._lock:
                if self._said:
                    took = time.monotonic() - self._started
                    what = f"{self._stage}: done in {took:.0f} s" if self._total is None and not self._reports \
                        else self._status().replace(f" ({took:.0f} s)", f", done in {took:.0f} s")
                    self._line(what)
                self._stage = ""

    def update(self, reports: int = 1, files: int = 0) -> None:
        """Count reports (and files) done in the current stage."""
        with self._lock:
            self._reports += reports
            self._done += files

    def close(self) -> None:
        """Stop the background thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
