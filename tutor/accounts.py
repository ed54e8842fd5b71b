"""Accounts: creating users, hashing passwords, logging in with lockout.

Passwords are hashed with Argon2id (argon2-cffi), whose verify compares in
constant time. A password is never stored, logged or put in an error message.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from tutor.admission import cpu_slot
from tutor.db import run_in_transaction
from tutor.errors import AuthError, DuplicateError, NotFound, ValidationError
from tutor.models import Role, User, utcnow
from tutor.settings import LANGUAGES, default_language

log = logging.getLogger(__name__)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{2,31}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 256
MAX_DISPLAY_NAME = 80
FREE_FAILURES = 5
"""Failed logins allowed before the account is locked for a while."""
MAX_LOCK = timedelta(minutes=15)

ARGON2_TIME_COST = 5
ARGON2_MEMORY_KIB = 7 * 1024
ARGON2_PARALLELISM = 1
"""Argon2id at m = 7 MiB, t = 5, p = 1: the cheapest to check here of the five configurations OWASP's
Password Storage Cheat Sheet gives as equal in strength (m = 46/19/12/9/7 MiB with t = 1/2/3/4/5; on
two cores 34 ms of CPU against 41 ms for 19 MiB, t = 2, and 102 ms for 46 MiB, t = 1). The library default (m = 64 MiB, t = 3, p = 4) took ~0.5 s of CPU per check on two
cores, so a class of 200 logging in at the bell waited 21 s (p95); see docs/benchmarks.md. Hashes made
with other parameters still verify and are re-hashed with these at the next successful log-in."""


def make_hasher() -> PasswordHasher:
    """The password hasher with the parameters above (Argon2id)."""
    return PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM)


_hasher = make_hasher()
# A hash of a random password, verified against when the user does not exist,
# so a login for an unknown name takes as long as one for a known name.
_DUMMY_HASH = _hasher.hash("not-a-real-password-0d9f")


def hash_password(password: str) -> str:
    validate_password(password)
    return _hasher.hash(password)


def validate_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValidationError(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise ValidationError(f"A password can have at most {MAX_PASSWORD} characters.")


def validate_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            "A username needs 3 to 32 characters: lowercase letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."
        )
    return name


def validate_display_name(display_name: str) -> str:
    name = " ".join((display_name or "").split())
    if not name:
        raise ValidationError("The display name cannot be empty.")
    if len(name) > MAX_DISPLAY_NAME:
        raise ValidationError(f"The display name can have at most {MAX_DISPLAY_NAME} characters.")
    if any(ord(c) < 32 for c in name):
        raise ValidationError("The display name cannot contain control characters.")
    return name


def parse_role(role: str | Role) -> Role:
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        raise ValidationError(f"Unknown role {role!r}; choose one of: {', '.join(r.value for r in Role)}") from None


def create_user(
    *,
    session: Session,
    username: str,
    password: str,
    role: str | Role,
    display_name: str | None = None,
    grade_level: int | None = None,
    language: str | None = None,
    interests: str = "",
    password_hash: str | None = None,
) -> User:
    """Add a user; raise ValidationError/DuplicateError on bad input. The caller commits.

    ``password_hash`` (an Argon2 hash made by :func:`hash_password`) lets a bulk
    import such as the demo seed hash a shared password once. ``language``
    defaults to ``TUTOR_LANGUAGE`` (en unless set).
    """
    name = validate_username(username)
    role = parse_role(role)
    display = validate_display_name(display_name if display_name is not None else name)
    if grade_level is not None and not 1 <= grade_level <= 13:
        raise ValidationError("The grade level must be between 1 and 13.")
    if len(interests) > 200:
        raise ValidationError("Interests can have at most 200 characters.")
    if session.exec(select(User.id).where(User.username == name)).first() is not None:
        raise DuplicateError(f"The username {name!r} is already taken.")
    user = User(
        username=name,
        display_name=display,
        role=role.value,
        password_hash=password_hash or hash_password(password),
        grade_level=grade_level,
        language=check_language(language) if language else default_language(),
        interests=interests.strip(),
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise DuplicateError(f"The username {name!r} is already taken.") from None
    log.info("created %s account %s", role.value, name)
    return user


def check_language(language: str) -> str:
    """A language the app ships (en, zh); ValidationError otherwise."""
    code = (language or "").strip().lower()
    if code not in LANGUAGES:
        raise ValidationError(f"Unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    return code


def set_language(*, session: Session, user_id: int, language: str) -> User:
    """Store the language a user sees the app in. The caller commits."""
    user = get_user(session=session, user_id=user_id)
    user.language = check_language(language)
    session.add(user)
    session.flush()
    return user


def get_user(*, session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id}.")
    return user


def get_user_by_name(*, session: Session, username: str) -> User:
    name = (username or "").strip().lower()
    user = session.exec(select(User).where(User.username == name)).first()
    if user is None:
        raise NotFound(f"No user named {name!r}.")
    return user


def lock_duration(failures: int) -> timedelta:
    """How long an account stays locked after ``failures`` consecutive failed logins."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=30 * 2 ** min(failures - FREE_FAILURES, 10)), MAX_LOCK)


def authenticate(
    *,
    session: Session,
    username: str,
    password: str,
    now: datetime | None = None,
    checked: tuple[str, bool] | None = None,
) -> User:
    """Return the user if the password is right; raise AuthError otherwise.

    Failed attempts are counted on the account; after FREE_FAILURES of them the
    account is locked with a growing delay. The caller commits, also on failure,
    so the count is kept: :func:`login` does that for you.

    ``checked`` is ``(password_hash, matched)`` from a verification already done
    outside the transaction; it is trusted only while the stored hash is that one.
    """
    now = now or utcnow()
    name = (username or "").strip().lower()
    user = session.exec(select(User).where(User.username == name)).first() if len(name) <= 64 else None
    if user is None or not user.is_active:
        if checked is None:
            _verify(_DUMMY_HASH, password)
        raise AuthError("Wrong username or password.")
    if user.locked_until and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds()) + 1
        raise AuthError(f"Too many failed logins. Try again in {wait} seconds.")
    if checked is not None and checked[0] == user.password_hash:
        matched = checked[1]
    else:
        matched = _verify(user.password_hash, password)
    if not matched:
        user.failed_logins += 1
        lock = lock_duration(user.failed_logins)
        user.locked_until = now + lock if lock else None
        session.add(user)
        log.warning("failed login for %s (%d in a row)", name, user.failed_logins)
        raise AuthError("Wrong username or password.")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):  # made with older parameters: upgrade it now
        with cpu_slot(login=True):
            user.password_hash = _hasher.hash(password)
    session.add(user)
    return user


def login(ctx, username: str, password: str, *, now: datetime | None = None) -> User:
    """Authenticate in its own transaction, keeping the failure count even when login fails.

    Argon2 is slow on purpose (tens of milliseconds), so the password is checked *before*
    the write transaction opens: SQLite has one writer, and a class logging in at
    once must not hold it while everyone's answers wait.
    """
    name = (username or "").strip().lower()
    stored = None
    if len(name) <= 64:
        with ctx.session() as session:
            stored = session.exec(select(User.password_hash).where(User.username == name)).first()
    stored = stored or _DUMMY_HASH  # an unknown name takes as long as a known one
    checked = (stored, _verify(stored, password))

    def attempt(session: Session) -> tuple[User | None, AuthError | None]:
        try:
            return authenticate(session=session, username=username, password=password, now=now, checked=checked), None
        except AuthError as exc:
            return None, exc  # return normally so the failure counter is committed

    # Retried like any write: two logins to one account update the same row.
    user, failure = run_in_transaction(ctx.engine, attempt)
    if failure is not None:
        raise failure
    return user


def password_matches(hashed: str, password: str) -> bool:
    """Whether ``password`` is the one behind ``hashed`` (one Argon2 check, queued like a log-in)."""
    return _verify(hashed, password)


def _verify(hashed: str, password: str) -> bool:
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        return False
    # Each Argon2 check takes its memory cost; a class of 200 logging in at once took 11 GB
    # at 64 MB each (bench/load.py). Checking one per CPU at a time is as fast on the CPUs there are.
    with cpu_slot(login=True):
        try:
            return _hasher.verify(hashed, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def reset_password(*, session: Session, username: str, new_password: str) -> User:
    """Set a new password and clear any lockout."""
    user = get_user_by_name(session=session, username=username)
    user.password_hash = hash_password(new_password)
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)
    log.info("password reset for %s", user.username)
    return user


def list_users(*, session: Session, role: str | Role | None = None) -> list[User]:
    stmt = select(User).order_by(User.username)
    if role is not None:
        stmt = stmt.where(User.role == parse_role(role).value)
    return list(session.exec(stmt))
