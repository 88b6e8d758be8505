"""Live preview (`finsam watch`, `make watch`): one warm process that rebuilds a förbund's
HTML on every save of its data, the templates or the styles, serves it on
http://127.0.0.1:<port>/ and reloads the open page; the findings go to the terminal and
onto the page. The PDF is printed when the page asks for it (/pdf).

The files are polled (their modification times, every POLL seconds, with the standard
library): no extra package, and an editor that saves by renaming is seen like any other.
The page and PDF are kept in memory; build/ is neither read nor written.
"""
from __future__ import annotations

import argparse
import errno
import signal
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from ..paths import STYLES, TEMPLATES

if TYPE_CHECKING:
    from .preview import Preview, State

POLL = 0.2  # seconds between looks at the files
DEFAULT_PORT = 8765

__all__ = ["DEFAULT_PORT", "port", "watch"]


def port(value: str) -> int:
    """--port: a TCP port number, 1024–65535 (0: any free port)."""
    if value.isascii() and value.isdigit() and (int(value) == 0 or 1024 <= int(value) <= 65535):
        return int(value)
    raise argparse.ArgumentTypeError(f'"{value[:20]}" är ingen port: skriv ett tal mellan 1024 och 65535, '
                                     f"till exempel {DEFAULT_PORT}")


def watch(folder: Path, year: int | None, port: int, browser: bool, out: TextIO) -> int:
    """Serve and rebuild until Ctrl-C; 0 then, 2 when the port cannot be had."""
    # Imported here, so that `finsam check` does not load the layout (matplotlib) to parse --port.
    from .preview import Preview
    from .server import HOST, PreviewServer

    preview = Preview(folder, year)
    try:
        server = PreviewServer(port, preview, out)
    except OSError as exc:
        taken = exc.errno == errno.EADDRINUSE
        why = "används redan av ett annat program (kanske en annan förhandsvisning)" if taken else \
            f"kan inte användas: {exc.strerror}"
        print(f"watch: fel: porten {port} på {HOST} {why}; välj en annan med --port (PORT=… för make)",
              file=out, flush=True)
        return 2
    threading.Thread(target=server.serve_forever, name="finsam-watch-server", daemon=True).start()
    url = f"http://{HOST}:{server.server_port}/"
    before = _stop_on_term()
    try:
        print(f"Förhandsvisning av {folder.name} på {url}  (Ctrl-C avslutar)", file=out, flush=True)
        _loop(preview, url if browser else None, out)
    except KeyboardInterrupt:
        print("\nFörhandsvisningen avslutades.", file=out, flush=True)
    finally:
        preview.close()
        server.shutdown()
        server.server_close()
        if before is not None:
            signal.signal(signal.SIGTERM, before)
    return 0


def _stop_on_term() -> signal.Handlers | Callable[[int, FrameType | None], object] | int | None:
    """SIGTERM (`kill`, a closing terminal's session manager) ends the preview as Ctrl-C does.
    Returns the handler it replaced, or None where none can be set (not the main thread)."""
    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, stop)


def _loop(preview: Preview, open_url: str | None, out: TextIO) -> None:
    from .preview import snapshot

    roots = (preview.folder, TEMPLATES, STYLES)
    seen = snapshot(roots)
    _tell(preview.rebuild(), (), out)
    if open_url is not None:
        import webbrowser

        webbrowser.open(open_url)
    while True:
        time.sleep(POLL)
        now = snapshot(roots)
        if now != seen:
            changed = sorted(p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p))
            seen = now
            _tell(preview.rebuild(), changed, out)


def _tell(state: State, changed: Sequence[str], out: TextIO) -> None:
    """The terminal's account of one build: what changed, how long it took, every finding."""
    from ..cli import summary
    from .preview import errors

    count = errors(state.findings)
    what = f"ändrat: {', '.join(Path(p).name for p in changed[:3])}{' …' if len(changed) > 3 else ''}; " \
        if changed else ""
    result = "sidan visar den senaste versionen utan fel" if state.stale else "sidan uppdaterad"
    seconds = f"{state.seconds:.2f}".replace(".", ",")
    print(f"{time.strftime('%H:%M:%S')} {what}byggd på {seconds} s, "
          f"{summary(count, len(state.findings) - count)}; {result}", file=out)
    for finding in state.findings:
        print(finding, file=out)
    out.flush()
