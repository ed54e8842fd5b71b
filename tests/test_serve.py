"""How the app is served: on loopback only, unless a school opens it on purpose.

The real tests start Streamlit exactly as ``make run`` does (the command is read
from ``make -n run``) and read the listening sockets from Linux's
``/proc/net/tcp`` and ``/proc/net/tcp6``.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.pg import free_port
from tests.support import missing_dependency

ROOT = Path(__file__).resolve().parents[1]
PROC_NET = Path("/proc/net")


def make_run_command(**variables: object) -> list[str]:
    """The ``streamlit run`` line that ``make run`` executes, with make variables overridden."""
    if shutil.which("make") is None:
        missing_dependency("make is not installed")
    assignments = [f"{name}={value}" for name, value in variables.items()]
    out = subprocess.run(["make", "-n", "run", *assignments], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    [line] = [line for line in out.splitlines() if "streamlit run " in line]
    argv = shlex.split(line)
    assert argv[0].endswith("/streamlit"), argv
    # The same command, through the interpreter running the tests (its venv may live elsewhere).
    return [sys.executable, "-m", "streamlit", *argv[1:]]


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if sys.byteorder == "little":  # /proc writes each 32-bit word in host byte order
        raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(raw))


def listening_addresses(port: int, proc_net: Path = PROC_NET) -> set[str]:
    """Local addresses with a TCP socket listening on ``port`` (``0.0.0.0`` and ``::`` mean every interface)."""
    found = set()
    for table in ("tcp", "tcp6"):
        path = proc_net / table
        if not path.exists():
            continue
        for row in path.read_text().splitlines()[1:]:
            fields = row.split()
            local, state = fields[1], fields[3]
            address, _, hex_port = local.rpartition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(_address(address))
    return found


def serve_and_list_addresses(argv: list[str], port: int, log_path: Path) -> set[str]:
    """Start ``argv`` in the repository root, wait until it listens on ``port``, stop it; return where it listened."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}  # only the command decides
    with open(log_path, "w") as log:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while not listening_addresses(port):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("streamlit did not start listening:\n" + log_path.read_text()[-3000:])
                time.sleep(0.2)
            time.sleep(0.5)  # every socket of the server is open by now
            return listening_addresses(port)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


needs_proc_net = pytest.mark.skipif(not (PROC_NET / "tcp").exists(),
                                    reason="reads listening sockets from Linux's /proc/net/tcp")


@pytest.mark.server
@needs_proc_net
def test_make_run_listens_on_loopback_only(tmp_path):
    port = free_port()
    assert serve_and_list_addresses(make_run_command(PORT=port), port, tmp_path / "streamlit.log") == {"127.0.0.1"}


@pytest.mark.server
@needs_proc_net
def test_streamlit_run_by_hand_listens_on_loopback_only(tmp_path):
    port = free_port()
    argv = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port)]
    assert serve_and_list_addresses(argv, port, tmp_path / "streamlit.log") == {"127.0.0.1"}


@pytest.mark.server
@needs_proc_net
def test_make_run_address_opens_the_app_to_the_network(tmp_path):
    port = free_port()
    argv = make_run_command(PORT=port, ADDRESS="0.0.0.0")
    assert serve_and_list_addresses(argv, port, tmp_path / "streamlit.log") == {"0.0.0.0"}


def test_make_run_and_the_streamlit_config_default_to_loopback():
    argv = make_run_command()
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"


def test_listening_addresses_reads_both_tables(tmp_path):
    (tmp_path / "tcp").write_text(
        "  sl  local_address rem_address   st\n"
        "   0: 0100007F:1F90 00000000:0000 0A\n"  # 127.0.0.1:8080 listening
        "   1: 00000000:1F91 00000000:0000 0A\n"  # 0.0.0.0:8081 listening
        "   2: 0100007F:1F92 0100007F:A000 01\n"  # 127.0.0.1:8082 established, not listening
    )
    (tmp_path / "tcp6").write_text(
        "  sl  local_address                         remote_address                        st\n"
        "   0: 00000000000000000000000000000000:1F91 00000000000000000000000000000000:0000 0A\n"  # [::]:8081
        "   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A\n"  # [::1]:8080
    )
    if sys.byteorder != "little":
        pytest.skip("the sample rows are written as a little-endian kernel writes them")
    assert listening_addresses(8080, tmp_path) == {"127.0.0.1", "::1"}
    assert listening_addresses(8081, tmp_path) == {"0.0.0.0", "::"}
    assert listening_addresses(8082, tmp_path) == set()
