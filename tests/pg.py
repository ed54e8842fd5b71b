"""A throwaway PostgreSQL cluster for the test suite and the benchmarks.

``PgCluster.start()`` runs ``initdb`` into a fresh temp folder, starts the
server on a free loopback port (TCP only, no Unix socket) and returns a handle
that hands out ``postgresql+psycopg://`` URLs. PostgreSQL refuses to run as
root, so when the tests run as root the cluster is run as the ``postgres`` OS
user (``runuser``) in a folder that user owns. ``stop()`` shuts the server down
and removes the folder.

Each test gets its own database, made with ``CREATE DATABASE ... TEMPLATE``
from one migrated template database: copying is much faster than migrating.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "tutor"
TEMPLATE_DB = "tutor_template"


class PgUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed (``scripts/setup.sh dev`` installs them)."""


def find_bindir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``; Debian keeps them off PATH."""
    candidates = []
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10, check=True)
            candidates.append(Path(out.stdout.strip()))
        except (subprocess.SubprocessError, OSError):
            pass
    # Debian/Ubuntu layout, newest major version first.
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    candidates += [Path(p) for p in versions]
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).resolve().parent)
    for cand in candidates:
        if (cand / "initdb").exists() and (cand / "pg_ctl").exists():
            return cand
    raise PgUnavailable("PostgreSQL server programs (initdb, pg_ctl) not found; run `scripts/setup.sh dev`.")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgCluster:
    """A running throwaway cluster; see the module docstring."""

    bindir: Path
    datadir: Path
    root: Path
    port: int
    run_as: str | None
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def start(cls, *, durable: bool = False, max_connections: int = 300) -> PgCluster:
        """Create and start a cluster. ``durable=False`` turns fsync off (tests need speed, not crash safety)."""
        bindir = find_bindir()
        run_as = "postgres" if os.geteuid() == 0 else None
        root = Path(tempfile.mkdtemp(prefix="tutor-pg-"))
        if run_as:
            try:
                pw = pwd.getpwnam(run_as)
            except KeyError:
                shutil.rmtree(root)
                raise PgUnavailable("running as root needs the 'postgres' OS user (Debian's postgresql package "
                                    "creates it): PostgreSQL refuses to run as root") from None
            os.chown(root, pw.pw_uid, pw.pw_gid)
        datadir = root / "data"
        cluster = cls(bindir=bindir, datadir=datadir, root=root, port=free_port(), run_as=run_as)
        try:
            cluster._run(
                "initdb", "-D", str(datadir), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync", "--no-instructions",
            )
            opts = [
                "-c listen_addresses=127.0.0.1",
                f"-c port={cluster.port}",
                "-c unix_socket_directories=''",
                f"-c max_connections={max_connections}",
                "-c shared_buffers=64MB",
            ]
            if not durable:
                opts += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
            cluster._run("pg_ctl", "-D", str(datadir), "-l", str(root / "server.log"), "-w", "-t", "60",
                         "-o", " ".join(opts), "start")
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _run(self, prog: str, *args: str) -> None:
        cmd = [str(self.bindir / prog), *args]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.root)
        if proc.returncode != 0:
            log = ""
            logfile = self.root / "server.log"
            if logfile.exists():
                log = logfile.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{prog} failed ({proc.returncode}): {proc.stderr.strip()}\n{log}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string (for psycopg and the LangGraph checkpointer)."""
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """Create a database (optionally a copy of ``template``); return its name."""
        name = name or f"t{os.getpid()}_{next(self._counter)}"
        tmpl = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.admin(f'CREATE DATABASE "{name}"{tmpl}')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_migrated_template(self) -> str:
        """The template database every test database is copied from, at the head migration."""
        from tutor.db import make_engine
        from tutor.migrate import upgrade

        self.create_database(TEMPLATE_DB)
        engine = make_engine(self.url(TEMPLATE_DB))
        try:
            upgrade(engine)
        finally:
            engine.dispose()  # CREATE DATABASE ... TEMPLATE needs the template to have no connections
        return TEMPLATE_DB

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        if (self.datadir / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "-t", "30", "stop")
            except (RuntimeError, subprocess.SubprocessError):
                self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        for _ in range(3):
            try:
                shutil.rmtree(self.root)
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.2)
