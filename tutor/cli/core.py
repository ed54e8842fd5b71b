"""Core commands: database, demo school, users and classes."""

from __future__ import annotations

import functools

import typer

from tutor.cli import app
from tutor.context import TutorContext, configure_logging
from tutor.i18n import _, ngettext
from tutor.settings import Settings

db_app = typer.Typer(help="Database commands.", no_args_is_help=True)
demo_app = typer.Typer(help="The demo school.", no_args_is_help=True)
user_app = typer.Typer(help="Manage users.", no_args_is_help=True)
class_app = typer.Typer(help="Manage classes.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(demo_app, name="demo")
app.add_typer(user_app, name="user")
app.add_typer(class_app, name="class")


@functools.cache
def context() -> TutorContext:
    """The one context of this CLI process (settings read once from TUTOR_*)."""
    settings = Settings.from_env()
    configure_logging(settings)
    return TutorContext(settings)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations (creates the database if it does not exist)."""
    ctx = context()
    rev = ctx.upgrade_db()
    typer.echo(_("Database at revision {revision}: {url}").format(
        revision=rev, url=ctx.engine.url.render_as_string(hide_password=True)))


@db_app.command("current")
def db_current() -> None:
    """Show the database's migration revision and the newest one available."""
    from tutor.migrate import current_revision, head_revision

    ctx = context()
    typer.echo(_("current: {current}  head: {head}").format(current=current_revision(ctx.engine) or _("(empty)"),
                                                            head=head_revision()))


@demo_app.command("seed")
def demo_seed(
    force: bool = typer.Option(False, help="Seed even if the database already has users."),
    seed: int = typer.Option(7, help="Random seed for the synthetic history."),
    address: str = typer.Option(
        "127.0.0.1", help="The address the app will listen on: beyond this machine, no demo school is seeded."),
) -> None:
    """Create a demo school (teacher, class, students, parents, history) if the database is empty."""
    from tutor.demo import is_loopback, seed_demo

    ctx = context()
    ctx.upgrade_db()
    if not is_loopback(address):
        typer.echo(_("Not seeding the demo school: the app will be served on {address}, beyond this machine, and "
                     "the demo password is public. Add real accounts with `tutor user add NAME --role admin`.")
                   .format(address=address))
        return
    result = seed_demo(ctx, force=force, seed=seed)
    if result is None:
        from tutor.demo import existing_demo

        typer.echo(_("The database already has users; demo not seeded (use --force to add it anyway)."))
        existing = existing_demo(ctx)
        if existing is not None:
            typer.echo(existing.describe())
        return
    typer.echo(result.describe())


@demo_app.command("remove")
def demo_remove(yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation.")) -> None:
    """Delete the demo school: its accounts that still have the demo password, their classes and progress."""
    from tutor.demo import remove_demo

    ctx = context()
    ctx.upgrade_db()
    if not yes:
        typer.confirm(_("Delete the demo school's accounts, classes and progress?"), abort=True)
    removed = remove_demo(ctx)
    typer.echo(_("Removed {users} demo account(s) and {classes} class(es).").format(
        users=len(removed.users), classes=len(removed.classes)))
    if removed.kept:
        typer.echo(_("Kept (their password was changed, so someone may use them): {users}").format(
            users=_(", ").join(removed.kept)))


@demo_app.command("check-exposure")
def demo_check_exposure(
    address: str = typer.Option("127.0.0.1", help="The address the app will listen on (make run's ADDRESS)."),
) -> None:
    """Fail if the app would be served beyond this machine while an account has the demo password."""
    from tutor.demo import check_exposure

    ctx = context()
    ctx.upgrade_db()
    check_exposure(ctx, address)


@user_app.command("add")
def user_add(
    username: str = typer.Argument(..., help="Login name: 3-32 lowercase letters, digits, . _ -"),
    role: str = typer.Option("student", help="student, parent, teacher or admin"),
    display_name: str = typer.Option(None, "--name", help="Name shown in the app"),
    grade: int = typer.Option(None, help="Grade level (students)"),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, help="At least 8 characters"
    ),
) -> None:
    """Add a user."""
    from tutor.accounts import create_user

    ctx = context()
    with ctx.session() as s:
        user = create_user(
            session=s, username=username, password=password, role=role, display_name=display_name, grade_level=grade
        )
        typer.echo(_("Added {role} {username} (id {id}).").format(
            role=_(str(user.role)), username=user.username, id=user.id))


@user_app.command("reset-password")
def user_reset_password(
    username: str,
    password: str = typer.Option(..., prompt="New password", hide_input=True, confirmation_prompt=True),
) -> None:
    """Set a new password for a user and clear any lockout."""
    from tutor.accounts import reset_password

    with context().session() as s:
        user = reset_password(session=s, username=username, new_password=password)
        typer.echo(_("Password of {username} changed.").format(username=user.username))


@user_app.command("list")
def user_list(role: str = typer.Option(None, help="Only this role")) -> None:
    """List users."""
    from tutor.accounts import list_users

    with context().session() as s:
        users = list_users(session=s, role=role)
        if not users:
            typer.echo(_("No users yet. Add one with `tutor user add NAME --role teacher`."))
        for u in users:
            grade = " " + _("grade {n}").format(n=u.grade_level) if u.grade_level else ""
            typer.echo(f"{u.id:5d}  {u.username:20s} {u.role:8s} {u.display_name}{grade}")


@user_app.command("link-parent")
def user_link_parent(parent: str, student: str) -> None:
    """Link a parent account to a student account."""
    from tutor.classes import link_parent_by_name

    with context().session() as s:
        link_parent_by_name(session=s, parent_username=parent, student_username=student)
        typer.echo(_("{parent} can now follow {student}.").format(parent=parent, student=student))


@class_app.command("create")
def class_create(
    name: str, teacher: str = typer.Option(..., help="Username of the teacher who owns the class")
) -> None:
    """Create a class and print its join code."""
    from tutor.accounts import get_user_by_name
    from tutor.classes import create_class

    with context().session() as s:
        classroom = create_class(session=s, teacher=get_user_by_name(session=s, username=teacher), name=name)
        # The join code stays last on the line, in every language: scripts take the last word.
        typer.echo(_("Created class \"{name}\" (id {id}); join code: {code}").format(
            name=classroom.name, id=classroom.id, code=classroom.join_code))


@class_app.command("enroll")
def class_enroll(code: str, student: str) -> None:
    """Enrol a student in the class with this join code."""
    from tutor.accounts import get_user_by_name
    from tutor.classes import join_class

    with context().session() as s:
        classroom = join_class(session=s, student=get_user_by_name(session=s, username=student), code=code)
        typer.echo(_("{student} joined {name}.").format(student=student, name=classroom.name))


@class_app.command("list")
def class_list() -> None:
    """List classes with their teacher, size and join code."""
    from sqlmodel import select

    from tutor.classes import class_students
    from tutor.models import Classroom, User

    with context().session() as s:
        rows = s.exec(select(Classroom, User).join(User, User.id == Classroom.teacher_id)).all()
        if not rows:
            typer.echo(_("No classes yet. Create one with `tutor class create NAME --teacher USER`."))
        for c, t in rows:
            n = len(class_students(session=s, class_id=c.id))
            teacher = _("teacher {username}").format(username=f"{t.username:16s}")
            students = ngettext("{n} student", "{n} students", n).format(n=f"{n:3d}")
            code = _("join code {code}").format(code=c.join_code)
            typer.echo(f"{c.id:4d}  {c.name:24s} {teacher} {students}  {code}")
