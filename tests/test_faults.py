"""Faults: a killed app process, a full or read-only disk, a broken model file,
a model server that dies mid-reply. Each must end in a clear message and no lost
or corrupted data.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from bench.load import SKILL, submit_answer
from tests.pg import free_port
from tests.support import crashes, require_module
from tutor import repo
from tutor.accounts import create_user
from tutor.context import TutorContext
from tutor.db import make_engine, session_scope
from tutor.errors import ModelError, StorageError
from tutor.models import Attempt, MasteryState, Skill
from tutor.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PROBLEM = {"id": "p", "text": "1/2 + 1/3", "answer": "5/6"}


def seed_student(ctx, name: str = "kid") -> int:
    with ctx.session() as s:
        if s.get(Skill, SKILL) is None:
            repo.upsert_skills(session=s, skills=[Skill(id=SKILL, title="Adding fractions", subject="fractions",
                                                        plugin="test")])
        return create_user(session=s, username=name, password="password123", role="student").id


def counts(ctx, student_id=None):
    """Stored submission ids, and the attempts the mastery rows counted (of one student, or all)."""
    with ctx.session() as s:
        stmt = select(Attempt.submission_id)
        states = s.exec(select(MasteryState)).all()
        if student_id is not None:
            stmt = stmt.where(Attempt.student_id == student_id)
            states = [m for m in states if m.student_id == student_id]
        stored = set(s.exec(stmt).all())
    return stored, sum(m.n_attempts for m in states)


def integrity_ok(db: Path) -> bool:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


# --- SIGKILL in the middle of submitting ---------------------------------------

WORKER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from bench.load import record_attempt  # the transaction submit_answer ends in, without the verifier import
    from tutor.context import TutorContext
    from tutor.models import Verdict
    from tutor.settings import Settings

    home, url, student, tag = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    ctx = TutorContext(Settings.from_env({"TUTOR_HOME": home, "TUTOR_DATABASE_URL": url}))
    problem = {"id": "p", "text": "1/2 + 1/3", "answer": "5/6"}
    i = 0
    while True:
        sub = f"{tag}-{i}"
        record_attempt(ctx, student, problem, "5/6", Verdict.correct if i % 3 else Verdict.incorrect, sub)
        print("ACK", sub, flush=True)  # the student saw "saved" for this one
        i += 1
    """
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tutor_home, migrated_template, monkeypatch):
    """A migrated database on either backend, as a context (home shared with worker processes)."""
    import shutil

    if request.param == "postgres":
        monkeypatch.setenv("TUTOR_DATABASE_URL", request.getfixturevalue("pg_url"))
    else:
        shutil.copy(migrated_template, tutor_home / "tutor.db")
    context = TutorContext(Settings.from_env())
    yield context
    context.engine.dispose()


def test_sigkill_mid_submission_keeps_every_acknowledged_attempt(any_db, tmp_path):
    """Two app processes submit answers flat out and are SIGKILLed mid-stream:
    every answer they acknowledged is stored once, with its mastery update."""
    ctx = any_db
    students = [seed_student(ctx, f"kid{w}") for w in range(2)]  # one student per app process
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    acked: set[str] = set()
    for round_ in range(2):  # kill at different moments
        procs = [
            subprocess.Popen(
                [sys.executable, str(script), str(ROOT), str(ctx.settings.home), ctx.settings.database_url,
                 str(students[w]), f"r{round_}w{w}"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for w in range(2)
        ]
        lines: list[list[str]] = [[] for _ in procs]

        def read(i, p):
            for line in p.stdout:
                lines[i].append(line)

        readers = [threading.Thread(target=read, args=(i, p), daemon=True) for i, p in enumerate(procs)]
        for r in readers:
            r.start()
        deadline = time.monotonic() + 60
        while min(len(x) for x in lines) < 5 + 7 * round_ and time.monotonic() < deadline:
            if any(p.poll() is not None for p in procs):
                pytest.fail("a worker died on its own: " + "".join(p.stderr.read() for p in procs if p.poll()))
            time.sleep(0.02)
        for p in procs:
            p.send_signal(signal.SIGKILL)
        for p, r in zip(procs, readers):
            p.wait(timeout=10)
            r.join(timeout=10)
            p.stderr.close()
        assert all(p.returncode == -signal.SIGKILL for p in procs)
        acked |= {line.split()[1] for x in lines for line in x if line.startswith("ACK ")}

    stored, mastery_count = counts(ctx)
    assert len(acked) >= 2 * (5 + 12)
    assert acked <= stored, f"lost acknowledged attempts: {sorted(acked - stored)[:5]}"
    # At most one unacknowledged commit per killed worker (committed, killed before printing).
    assert len(stored - acked) <= 2 * 2
    assert mastery_count == len(stored)  # the attempt and its mastery update commit together
    if ctx.settings.is_sqlite:
        ctx.engine.dispose()
        assert integrity_ok(ctx.settings.home / "tutor.db")
    # The database is usable at once after the crash: no stale lock.
    submit_answer(ctx, students[0], PROBLEM, "5/6", "after-restart")
    assert "after-restart" in counts(ctx)[0]


# --- disk full and read-only ----------------------------------------------------

@pytest.mark.sqlite_only
def test_disk_full_is_a_clear_error_and_corrupts_nothing(ctx):
    """SQLite's max_page_count stands in for a full disk (SQLITE_FULL, as from ENOSPC)."""
    student = seed_student(ctx)
    for i in range(5):
        submit_answer(ctx, student, PROBLEM, "5/6", f"before-{i}")
    ctx.engine.dispose()
    db = ctx.settings.home / "tutor.db"
    full = make_engine(ctx.settings.database_url)

    @event.listens_for(full, "connect")
    def cap_size(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    full_ctx = TutorContext(ctx.settings)
    full_ctx.__dict__["engine"] = full  # the cached engine, as make_engine would have built it
    with pytest.raises(StorageError, match="disk is full") as err:
        for i in range(2000):  # long answers fill the two spare pages quickly
            submit_answer(full_ctx, student, PROBLEM | {"text": "x" * 3000}, "5/6", f"full-{i}")
    assert "Free some space" in str(err.value)
    full.dispose()
    assert integrity_ok(db)
    stored, mastery_count = counts(ctx, student)
    assert {f"before-{i}" for i in range(5)} <= stored
    assert mastery_count == len(stored)  # the failed transaction left no half-written attempt
    submit_answer(ctx, student, PROBLEM, "5/6", "space-freed")  # works again once there is room
    assert "space-freed" in counts(ctx, student)[0]


@pytest.mark.sqlite_only
def test_read_only_database_while_submitting_is_a_clear_error(ctx):
    student = seed_student(ctx)
    submit_answer(ctx, student, PROBLEM, "5/6", "kept")
    ctx.engine.dispose()
    db = ctx.settings.home / "tutor.db"
    ro_ctx = TutorContext(ctx.settings.replace(database_url=f"sqlite:///file:{db}?mode=ro&uri=true"))
    with pytest.raises(StorageError, match="read-only.*Check the file's permissions"):
        submit_answer(ro_ctx, student, PROBLEM, "5/6", "lost?")
    with ro_ctx.session() as s:  # reading (reports, progress) still works
        assert s.exec(select(func.count()).select_from(Attempt)).one() == 1
    ro_ctx.engine.dispose()
    assert integrity_ok(db)
    assert counts(ctx, student)[0] == {"kept"}


def test_database_server_down_is_a_clear_error():
    ctx = TutorContext(Settings.from_env({"TUTOR_HOME": "/nonexistent-tutor-home",
                                          "TUTOR_DATABASE_URL": f"postgresql+psycopg://u:pw@127.0.0.1:{free_port()}/x"}))
    with pytest.raises(StorageError, match="Cannot connect to the database server"):
        submit_answer(ctx, 1, PROBLEM, "5/6", "nowhere")
    ctx.engine.dispose()


# --- broken model files at start-up -----------------------------------------------

def tiny_gguf(path: Path, *, arch: str = "llama") -> Path:
    """A structurally valid GGUF with one small tensor: real headers, nonsense weights."""
    import gguf
    import numpy as np

    writer = gguf.GGUFWriter(str(path), arch)
    writer.add_name("fault-test")
    writer.add_tensor("token_embd.weight", np.zeros((64, 32), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def corruptions(tmp_path: Path) -> dict[str, Path]:
    good = tiny_gguf(tmp_path / "good.gguf")
    data = good.read_bytes()
    files = {
        "empty": b"",
        "not a model": b"<html>404 Not Found</html>" * 10,
        "cut in the header": data[:40],
        "cut in the tensor data": data[: len(data) - 1000],
        "huge string length": data[:24] + (2**62).to_bytes(8, "little") + data[32:],
        "bad version": data[:4] + (99).to_bytes(4, "little") + data[8:],
    }
    out = {}
    for name, blob in files.items():
        p = tmp_path / (name.replace(" ", "_") + ".gguf")
        p.write_bytes(blob)
        out[name] = p
    out["valid header, unusable weights"] = good  # passes our header check; llama.cpp must refuse it
    return out


LOADER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from tutor.errors import ModelError
    from tutor.llm.factory import load_model
    from tutor.settings import Settings

    settings = Settings.from_env({"TUTOR_HOME": sys.argv[2], "TUTOR_MODEL_PATH": sys.argv[3]})
    try:
        load_model(settings)
    except ModelError as exc:
        print("MODEL_ERROR", exc)
    else:
        print("LOADED")
    """
)


def test_broken_model_files_give_a_clear_error_not_a_crash(tmp_path):
    """Each broken file is loaded as at app start-up and must end in a ModelError naming
    the file. The one that reaches llama.cpp is loaded in a fresh process, so a native
    abort would show as a crash instead of taking the test run down."""
    require_module("gguf")
    from tutor.llm.factory import load_model

    script = tmp_path / "loader.py"
    script.write_text(LOADER)
    results = {}
    for name, path in corruptions(tmp_path).items():
        if name.startswith("valid header"):
            proc = subprocess.run([sys.executable, str(script), str(ROOT), str(tmp_path), str(path)],
                                  capture_output=True, text=True, timeout=120)
            results[name] = (proc.returncode, proc.stdout.strip())
            continue
        settings = Settings.from_env({"TUTOR_HOME": str(tmp_path), "TUTOR_MODEL_PATH": str(path)})
        try:
            load_model(settings)
            results[name] = (0, "LOADED")
        except ModelError as exc:
            results[name] = (0, f"MODEL_ERROR {exc}")
    for name, (code, out) in results.items():
        assert code == 0, f"{name}: the loader process crashed ({code})"
        assert out.startswith("MODEL_ERROR"), f"{name}: {out!r}"
        assert ".gguf" in out, f"{name}: the message should name the file: {out!r}"


# --- the model server dies mid-reply -------------------------------------------------

SERVER = textwrap.dedent(
    """
    import json, sys, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *a): pass
        def do_GET(self):
            body = json.dumps({"data": [{"id": "fake"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            def chunk(s):
                b = s.encode()
                self.wfile.write(b"%x\\r\\n%s\\r\\n" % (len(b), b)); self.wfile.flush()
            for i in range(int(sys.argv[2])):
                chunk("data: " + json.dumps({"choices": [{"delta": {"content": f"w{i} "}}]}) + "\\n\\n")
                time.sleep(float(sys.argv[3]))
            chunk("data: [DONE]\\n\\n")
            self.wfile.write(b"0\\r\\n\\r\\n"); self.wfile.flush()

    ThreadingHTTPServer.allow_reuse_address = True
    srv = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H)
    print("READY", flush=True)
    srv.serve_forever()
    """
)


def start_server(script: Path, port: int, tokens: int, delay: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(script), str(port), str(tokens), str(delay)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "READY"
    return proc


@pytest.mark.server
def test_model_server_dying_mid_reply_is_clear_and_recoverable(ctx, tmp_path):
    from tutor.llm.base import ChatMessage
    from tutor.llm.openai import OpenAIChatModel

    student = seed_student(ctx)
    submit_answer(ctx, student, PROBLEM, "5/6", "before-chat")
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    port = free_port()
    model = OpenAIChatModel(f"http://127.0.0.1:{port}/v1", timeout=10, retries=2, backoff=0.1)
    question = [ChatMessage("user", "hint please")]

    server = start_server(script, port, tokens=200, delay=0.02)
    got = []
    try:
        with pytest.raises(ModelError, match="dropped the connection mid-reply") as err:
            for piece in model.stream(question):
                got.append(piece)
                if len(got) == 5:
                    server.send_signal(signal.SIGKILL)  # the GPU box loses power mid-sentence
        assert f"127.0.0.1:{port}" in str(err.value)
        assert 5 <= len(got) < 200
    finally:
        server.kill()
        server.wait()
    # While it is down: a clear "cannot reach" error, quickly.
    started = time.monotonic()
    with pytest.raises(ModelError, match="cannot reach the model server"):
        model.complete(question)
    assert time.monotonic() - started < 5
    # The student's work is untouched and saving still works without the model.
    submit_answer(ctx, student, PROBLEM, "5/6", "while-model-down")
    assert counts(ctx, student) == ({"before-chat", "while-model-down"}, 2)
    # The server comes back on the same address: the next message just works.
    server = start_server(script, port, tokens=3, delay=0)
    try:
        assert model.complete(question) == "w0 w1 w2 "
    finally:
        server.kill()
        server.wait()


def test_broken_model_file_at_start_up_leaves_practice_working(ctx, tmp_path, monkeypatch):
    """The app starts with a truncated model file: the chat says what is wrong, and
    practice (problems, grading, progress) works without the model."""
    require_module("gguf")
    from tests.test_reports_data import seed_school
    from tests.test_webapp import log_in, open_page, texts

    school = seed_school(ctx)
    good = tiny_gguf(tmp_path / "model.gguf")
    broken = tmp_path / "truncated.gguf"
    broken.write_bytes(good.read_bytes()[:-1000])
    monkeypatch.setenv("TUTOR_MODEL_PATH", str(broken))

    at = open_page(log_in("chloe"), "learn")
    assert not crashes(at)
    assert at.title[0].value == "Learn with the tutor"
    at.chat_input[0].set_value("What is 3 + 4?").run(timeout=120)
    assert not crashes(at)
    shown = "\n".join(e.value for e in at.error)
    assert "truncated.gguf" in shown and "truncated" in shown, shown

    at = open_page(at, "practice")
    at.selectbox(key="practice_skill").set_value("arith.add_sub").run()
    at.button(key="new").click().run()
    problem = at.session_state["practice"].problem
    at.text_input(key="answer_text").input(problem.answer_text)
    at.button(key="check").click().run()
    assert not at.error
    assert "Right!" in texts(at)
    with ctx.session() as s:
        assert s.exec(select(Attempt).where(Attempt.student_id == school["chloe"],
                                            Attempt.answer_given == problem.answer_text)).first() is not None


# --- the conversation survives a SIGKILL ---------------------------------------------

CHAT_WORKER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from agents.service import TutorChat
    from tests.test_agents_support import make_context, pot
    from tutor.context import TutorContext
    from tutor.llm.fake import FakeChatModel
    from tutor.settings import Settings

    home, url, student, thread = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    ctx = TutorContext(Settings.from_env({"TUTOR_HOME": home, "TUTOR_DATABASE_URL": url}))
    llm = FakeChatModel()
    for _ in range(200):
        llm.enqueue("Ben has 3 + 4 = 7 apples. The answer is 7.", "```python\\nresult = 3 + 4\\nprint(result)\\n```",
                    "```python\\nresult = 3 + 4\\nprint(result)\\n```")
    chat = TutorChat(ctx, agent_context=make_context(ctx.settings, llm, tutor=ctx))
    i = 0
    while True:
        reply = chat.ask(student, f"Ben has 3 apples and gets 4 more. How many now? (turn {i})", thread_id=thread)
        print("ACK", i, reply.status, flush=True)
        i += 1
    """
)


def test_conversation_resumes_from_its_checkpoint_after_sigkill(any_db, tmp_path):
    """The app process is SIGKILLed mid-conversation; a new process sees every turn the
    student got a reply to and carries on in the same thread."""
    from agents.service import TutorChat
    from tests.test_agents_support import make_context, pot
    from tutor.llm.fake import FakeChatModel

    ctx = any_db
    student = seed_student(ctx)
    script = tmp_path / "chat_worker.py"
    script.write_text(CHAT_WORKER)
    thread = "resume-after-kill"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(ROOT), str(ctx.settings.home), ctx.settings.database_url, str(student),
         thread], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    acked = []
    deadline = time.monotonic() + 120
    try:
        while len(acked) < 3 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                pytest.fail(f"the chat worker died: {proc.stderr.read()[-2000:]}")
            if line.startswith("ACK "):
                acked.append(line.split())
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
    assert [a[2] for a in acked] == ["verified"] * len(acked) and len(acked) == 3

    llm = FakeChatModel("Ben has 3 + 4 = 7 apples. The answer is 7.", pot("3 + 4"), pot("3 + 4"))
    chat = TutorChat(ctx, agent_context=make_context(ctx.settings, llm, tutor=ctx))
    try:
        history = chat.history(thread)
        said = [text for role, text in history if role in ("user", "student", "human")]
        for i in range(len(acked)):
            assert any(f"(turn {i})" in text for text in said), f"turn {i} lost: {history}"
        assert sum("The answer is 7" in text for _, text in history) >= len(acked)
        reply = chat.ask(student, "Ben has 3 apples and gets 4 more. How many now? (after restart)", thread_id=thread)
        assert reply.status == "verified"
        after = chat.history(thread)
        assert len(after) > len(history) and "(after restart)" in after[-2][1]
    finally:
        chat.close()


@pytest.mark.server
def test_model_server_dying_mid_reply_in_the_app_is_a_message_and_the_next_message_works(ctx, tmp_path, monkeypatch):
    """Through the web app and the tutor graph: the GPU server dies while streaming a reply."""
    from tests.test_reports_data import seed_school
    from tests.test_webapp import log_in, open_page, texts

    school = seed_school(ctx)
    with ctx.session() as s:
        before = s.exec(select(func.count()).select_from(Attempt)).one()
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    port = free_port()
    monkeypatch.setenv("TUTOR_MODEL_BACKEND", "openai")
    monkeypatch.setenv("TUTOR_OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("TUTOR_REQUEST_TIMEOUT", "5")

    server = start_server(script, port, tokens=400, delay=0.02)
    at = open_page(log_in("chloe"), "learn")
    killer = threading.Timer(1.0, lambda: server.send_signal(signal.SIGKILL))
    killer.start()
    try:
        at.chat_input[0].set_value("Why do we carry the one when adding?").run(timeout=120)
    finally:
        killer.cancel()
        server.kill()
        server.wait()
    assert not crashes(at)
    errors = [e.value for e in at.error]
    assert errors, "the student should be told the tutor did not answer"
    assert any("model server" in e for e in errors), errors  # says what is wrong, e.g. "cannot reach the model server at ..."
    assert "Traceback" not in texts(at)
    with ctx.session() as s:
        assert s.exec(select(func.count()).select_from(Attempt)).one() == before  # the student's record is intact

    server = start_server(script, port, tokens=3, delay=0)
    try:
        at.chat_input[0].set_value("Why do we carry the one when adding?").run(timeout=120)
        assert not crashes(at)
        assert [e.value for e in at.error] == []
        assert at.session_state["chat_log"][-1]["status"]
    finally:
        server.kill()
        server.wait()
    assert school["chloe"]
