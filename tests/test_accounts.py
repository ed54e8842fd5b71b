import logging
from datetime import timedelta

import pytest
from sqlmodel import select

from tutor.accounts import (
    FREE_FAILURES,
    authenticate,
    create_user,
    get_user_by_name,
    hash_password,
    lock_duration,
    login,
    reset_password,
)
from tutor.errors import AuthError, DuplicateError, NotFound, ValidationError
from tutor.models import User, utcnow

PW = "correct horse"


def add(s, name="sam", role="student", **kw):
    return create_user(session=s, username=name, password=PW, role=role, **kw)


def test_password_is_hashed_with_argon2_and_never_stored_in_clear(ctx):
    with ctx.session() as s:
        user = add(s)
        assert user.password_hash.startswith("$argon2id$")
        assert PW not in user.password_hash
    assert hash_password(PW) != hash_password(PW)  # salted


def test_login_with_right_and_wrong_password(ctx):
    with ctx.session() as s:
        add(s, grade_level=6)
    with ctx.session() as s:
        user = authenticate(session=s, username=" SAM ", password=PW)
        assert user.username == "sam"
        assert user.last_login_at is not None
    with pytest.raises(AuthError, match="Wrong username or password"):
        with ctx.session() as s:
            authenticate(session=s, username="sam", password="nope-nope")
    with pytest.raises(AuthError, match="Wrong username or password"):
        with ctx.session() as s:
            authenticate(session=s, username="nobody", password=PW)


def test_repeated_failures_lock_the_account_for_a_growing_delay(ctx):
    with ctx.session() as s:
        add(s)
    now = utcnow()
    for _ in range(FREE_FAILURES):
        with pytest.raises(AuthError, match="Wrong"):
            login(ctx, "sam", "bad-password", now=now)
    # Locked now: even the right password is refused until the delay passes.
    with pytest.raises(AuthError, match="Too many failed logins"):
        login(ctx, "sam", PW, now=now + timedelta(seconds=5))
    user = login(ctx, "sam", PW, now=now + timedelta(seconds=31))
    assert user.failed_logins == 0
    assert lock_duration(FREE_FAILURES - 1) == timedelta(0)
    assert lock_duration(FREE_FAILURES + 1) == 2 * lock_duration(FREE_FAILURES)
    assert lock_duration(100) == timedelta(minutes=15)


def test_reset_password_clears_lockout(ctx):
    with ctx.session() as s:
        user = add(s)
        user.failed_logins = 9
        user.locked_until = utcnow() + timedelta(hours=1)
    with ctx.session() as s:
        reset_password(session=s, username="sam", new_password="another secret")
    with ctx.session() as s:
        assert authenticate(session=s, username="sam", password="another secret").username == "sam"


def test_duplicate_username_is_refused_and_keeps_the_original(ctx):
    with ctx.session() as s:
        add(s, display_name="First Sam")
    with pytest.raises(DuplicateError, match="already taken"):
        with ctx.session() as s:
            add(s, name="SAM", display_name="Second Sam")
    with ctx.session() as s:
        assert [u.display_name for u in s.exec(select(User))] == ["First Sam"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"username": ""}, "3 to 32 characters"),
        ({"username": "a" * 33}, "3 to 32 characters"),
        ({"username": "bad name!"}, "3 to 32 characters"),
        ({"display_name": "   "}, "cannot be empty"),
        ({"display_name": "x" * 81}, "at most 80"),
        ({"display_name": "bell\x07"}, "control characters"),
        ({"password": "short"}, "at least 8"),
        ({"password": "p" * 300}, "at most 256"),
        ({"role": "wizard"}, "student, parent, teacher, admin"),
        ({"grade_level": 40}, "between 1 and 13"),
    ],
)
def test_bad_account_input_gives_a_clear_message(ctx, kwargs, message):
    args = {"username": "sam", "password": PW, "role": "student", "display_name": "Sam"} | kwargs
    with pytest.raises(ValidationError, match=message):
        with ctx.session() as s:
            create_user(session=s, **args)
    with ctx.session() as s:
        assert s.exec(select(User)).all() == []


def test_unknown_user_lookup(ctx):
    with ctx.session() as s:
        with pytest.raises(NotFound, match="No user named 'ghost'"):
            get_user_by_name(session=s, username="ghost")


def test_passwords_never_appear_in_logs(ctx, caplog):
    caplog.set_level(logging.DEBUG)
    with ctx.session() as s:
        add(s)
    with ctx.session() as s:
        reset_password(session=s, username="sam", new_password="brand new secret")
    with pytest.raises(AuthError):
        with ctx.session() as s:
            authenticate(session=s, username="sam", password="guessing-wrong")
    assert caplog.records, "account actions should be logged"
    for secret in (PW, "brand new secret", "guessing-wrong"):
        assert secret not in caplog.text


def test_hashes_use_owasps_interactive_parameters(ctx, monkeypatch):
    from argon2 import extract_parameters

    import tutor.accounts as accounts

    monkeypatch.setattr(accounts, "_hasher", accounts.make_hasher())  # the real parameters, not the tests' cheap ones
    params = extract_parameters(hash_password(PW))
    assert (params.type.name, params.time_cost, params.memory_cost, params.parallelism) == ("ID", 5, 7168, 1)


def test_a_hash_with_the_old_default_parameters_still_logs_in_and_is_upgraded(ctx, monkeypatch):
    from argon2 import PasswordHasher, extract_parameters

    import tutor.accounts as accounts

    monkeypatch.setattr(accounts, "_hasher", accounts.make_hasher())
    old = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash(PW)  # argon2-cffi's default before
    with ctx.session() as s:
        create_user(session=s, username="sam", password=PW, password_hash=old, role="student")
    assert login(ctx, "sam", PW).username == "sam"
    with ctx.session() as s:
        upgraded = get_user_by_name(session=s, username="sam").password_hash
    assert upgraded != old and extract_parameters(upgraded).memory_cost == 7168
    assert login(ctx, "sam", PW).username == "sam"  # and the upgraded hash logs in
    with ctx.session() as s:
        assert get_user_by_name(session=s, username="sam").password_hash == upgraded  # no second re-hash
