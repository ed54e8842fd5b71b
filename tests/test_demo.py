"""The demo school stays off the network: refusing to serve it beyond loopback, and removing it."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.test_cli import cli  # noqa: F401 - the CLI fixture
from tutor.accounts import create_user, reset_password
from tutor.demo import check_exposure, demo_password_accounts, is_loopback, remove_demo, seed_demo
from tutor.errors import TutorError
from tutor.models import Attempt, Classroom, MasteryState, User


@pytest.fixture
def demo(ctx):
    result = seed_demo(ctx, students=3, seed=5)
    with ctx.session() as s:
        create_user(session=s, username="realkid", password="a real secret 1", role="student")
    return result


@pytest.mark.parametrize(("address", "local"), [("127.0.0.1", True), ("127.0.1.1", True), ("localhost", True),
                                                ("::1", True), ("0.0.0.0", False), ("192.168.1.20", False),
                                                ("", False), (None, False)])
def test_only_loopback_addresses_count_as_this_machine(address, local):
    assert is_loopback(address) is local


def test_serving_beyond_loopback_with_demo_passwords_is_refused_with_the_fix(ctx, demo):
    check_exposure(ctx, "127.0.0.1")  # a laptop's loopback is fine
    with pytest.raises(TutorError) as err:
        check_exposure(ctx, "0.0.0.0")
    message = str(err.value)
    assert "tutor demo remove" in message and "tutor user reset-password" in message and "admin" in message
    assert "realkid" not in demo_password_accounts(ctx)


def test_giving_every_demo_account_its_own_password_lifts_the_refusal(ctx, demo):
    with ctx.session() as s:
        for name in demo_password_accounts(ctx):
            reset_password(session=s, username=name, new_password=f"own secret for {name}")
    check_exposure(ctx, "0.0.0.0")


def test_remove_deletes_the_demo_school_and_keeps_everything_else(ctx, demo):
    with ctx.session() as s:
        reset_password(session=s, username="admin", new_password="the school's own admin")
        assert s.exec(select(Attempt)).first() is not None
    removed = remove_demo(ctx)
    assert removed.kept == ["admin"] and "teacher" in removed.users
    assert removed.classes == sorted([demo.class_name] + [name for name, _code, _kids in demo.other_classes])
    with ctx.session() as s:
        left = sorted(u.username for u in s.exec(select(User)))
        assert left == ["admin", "realkid"]
        assert s.exec(select(Classroom)).first() is None
        assert s.exec(select(Attempt)).first() is None and s.exec(select(MasteryState)).first() is None
    check_exposure(ctx, "0.0.0.0")


def test_cli_demo_remove_and_check_exposure(cli, ctx, demo):  # noqa: F811
    refused = cli("demo", "check-exposure", "--address", "0.0.0.0")
    assert refused.exit_code != 0 and "tutor demo remove" in str(refused.exception)
    assert cli("demo", "check-exposure").exit_code == 0
    out = cli("demo", "remove", "--yes")
    assert out.exit_code == 0 and "Removed" in out.output
    assert cli("demo", "check-exposure", "--address", "0.0.0.0").exit_code == 0


def test_cli_does_not_seed_a_demo_school_for_the_network(cli, ctx):  # noqa: F811
    out = cli("demo", "seed", "--address", "0.0.0.0")
    assert out.exit_code == 0 and "Not seeding" in out.output
    with ctx.session() as s:
        assert s.exec(select(User)).first() is None


def test_the_app_refuses_to_serve_demo_accounts_to_the_network(ctx, demo):
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    from tests.support import APP

    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
    finally:
        config.set_option("server.address", before)
    assert any("tutor demo remove" in e.value for e in at.error)
    assert not at.text_input  # no log-in form
