"""`dateline serve`: the REST API and the dashboard over a store, and with --watch the feeds
ingested in the background by the server, the store's one writer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.cli.ingest import watch_sources
from dateline.cli.options import DEFAULT_DB, DbOption, err, fail, open_store, store_failure
from dateline.ingest.fetch import DELAY, Fetcher
from dateline.store import Store, StoreError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than loopback needs a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="DATELINE_TOKEN", help="Required on every request when set.")
    ] = None,
    watch: Annotated[
        list[str] | None,
        typer.Option(
            "--watch", help="A feed or site to watch while serving (repeatable): the server ingests it."
        ),
    ] = None,
    every: Annotated[str, typer.Option("--every", help="With --watch: time between polls.")] = "15m",
    delay: Annotated[
        float, typer.Option("--delay", min=0, help="With --watch: seconds between requests to one site.")
    ] = DELAY,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard over a store.

    With --watch, the server is also the store's one writer: it polls the feeds
    in the background (as `dateline watch` does) and the dashboard shows new
    articles as they are stored, without a restart. DuckDB lets one process write
    a file or several read it, so a separate `dateline ingest` or `dateline watch`
    cannot write into a store that is being served.
    """
    import threading

    import uvicorn

    from dateline.api import create_app

    if token is not None and not token.strip():
        raise fail("--token is empty or blank; give a real secret, or none on a loopback address")
    if host not in LOOPBACK and not token:
        raise fail(f"--host {host}: serving beyond this machine needs --token (or DATELINE_TOKEN)")
    interval = watch_sources(watch or [], every)
    if not watch and not Path(db).exists():
        raise fail(f"{db}: no such store; create it with `dateline ingest PATH --db {db}`")
    try:
        # Token-less on loopback: answer only to this machine's names (no DNS rebinding).
        hosts = [*LOOPBACK, host] if not token else None
        if watch:
            open_store(db, must_exist=False).close()  # created if new, upgraded if old
        application = create_app(db, token, hosts, writable=bool(watch))
    except StoreError as exc:
        raise store_failure(db, exc) from None
    stop = threading.Event()
    watcher = _watch_in_background(db, watch or [], interval, delay, stop) if watch else None
    err.print(f"Dateline on http://{host}:{port}/ (API docs at /docs); Ctrl-C to stop", highlight=False)
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    finally:
        stop.set()
        if watcher is not None:
            watcher.join(timeout=30)  # it stops between articles


def _watch_in_background(db: str, sources: list[str], interval: float, delay: float, stop: Any) -> Any:
    """Start a thread that watches `sources` into the served store until `stop` is set."""
    import threading

    from dateline.watch import Watcher
    from dateline.watch.run import WorkerProcessor

    def report(kind: str, where: str, message: str) -> None:
        label = {"new": "new", "error": "[bold red]error:[/]"}.get(kind)
        if label is not None:
            err.print(f"{label} {where}{': ' + message if message else ''}", highlight=False, soft_wrap=True)

    def work() -> None:
        try:
            # A second connection to the server's own database (DuckDB shares it within a process).
            with Store(db) as store, Fetcher(delay=delay) as fetcher:
                Watcher(store, fetcher, sources, interval, report, stop, process=processor).run()
        except Exception as exc:  # noqa: BLE001 - the server keeps serving what is stored
            err.print(f"[bold red]error:[/] watching stopped ({type(exc).__name__}: {exc})", highlight=False)
        finally:
            processor.close()

    # Articles are parsed in a worker process, so that readers of the server do not wait on the GIL.
    processor = WorkerProcessor()

    thread = threading.Thread(target=work, name="dateline-watch", daemon=True)
    thread.start()
    return thread
