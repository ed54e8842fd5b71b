"""Plugin, practice and learner-model commands."""

from __future__ import annotations

import typer

from tutor.cli import app
from tutor.cli.core import context
from tutor.i18n import _

plugins_app = typer.Typer(help="Subject plugins.", no_args_is_help=True)
learner_app = typer.Typer(help="The learner model (BKT mastery, FSRS review).", no_args_is_help=True)
app.add_typer(plugins_app, name="plugins")
app.add_typer(learner_app, name="learner")


@plugins_app.command("list")
def plugins_list(
    as_json: bool = typer.Option(False, "--json", help="Print plugins and every skill (id, title, domain, grades, "
                                                       "standards, languages) as JSON"),
) -> None:
    """Show each plugin, its version, skills and agents; broken plugins with their error."""
    manager = context().plugins
    if as_json:
        import json

        typer.echo(json.dumps(catalogue_json(manager), ensure_ascii=False, indent=2))
        return
    if not manager.plugins:
        typer.echo(_("No plugins installed."))
    for name, info in sorted(manager.plugins.items()):
        status = _("ok") if info.ok else (_("FAILED") if not info.loaded else _("errors"))
        typer.echo(f"{name} {info.version}  [{status}]  {info.module}")
        if info.skills:
            typer.echo("  " + _("skills: {skills}").format(skills=", ".join(info.skills)))
        if info.agents:
            typer.echo("  " + _("agents: {agents}").format(agents=", ".join(info.agents)))
        for err in info.errors:
            typer.secho("  " + _("error: {error}").format(error=err), fg=typer.colors.RED)
    ok = sum(1 for p in manager.plugins.values() if p.ok)
    typer.echo(_("{ok} of {total} plugins ok; {skills} skills, {agents} agents.").format(
        ok=ok, total=len(manager.plugins), skills=len(manager.skills), agents=len(manager.agents)))


def catalogue_json(manager) -> dict:
    """Every plugin and every skill as plain data (titles in the current language), skills in teaching order."""
    from tutor.i18n import current_language
    from tutor.plugin_api import domain_name

    lang = current_language()
    skills = []
    for spec in manager.topological_skills():
        local = manager.localized_skill(spec.id, lang)
        skills.append({
            "id": spec.id, "title": local.title, "subject": local.subject, "plugin": manager.plugin_of(spec.id),
            "domain": spec.domain, "domain_name": domain_name(spec.domain, lang),
            "grade_min": spec.grade_min, "grade_max": spec.grade_max, "standards": list(spec.standards),
            "prerequisites": list(spec.prerequisites), "languages": list(manager.languages_of(spec.id)),
            "agents": [a.name for a in manager.agents_for(spec.id) if spec.id in a.skills],
        })
    plugins = [{"name": name, "version": info.version, "ok": info.ok, "module": info.module,
                "languages": list(info.languages), "skills": list(info.skills), "agents": list(info.agents),
                "errors": list(info.errors)} for name, info in sorted(manager.plugins.items())]
    return {"language": lang, "plugins": plugins, "skills": skills}


@app.command("practice")
def practice(
    skill: str = typer.Option(..., "--skill", help="Skill id, e.g. frac.add_sub (see `tutor plugins list`)"),
    seed: int = typer.Option(0, help="Which problem: the same seed gives the same problem"),
    difficulty: int = typer.Option(1, help="Difficulty level (usually 1-3)"),
) -> None:
    """Print a problem, read your answer from stdin, and say whether it is right, with the worked solution."""
    manager = context().plugins
    problem = manager.generate(skill, seed=seed, difficulty=difficulty)
    typer.echo(problem.statement)
    if problem.answer_format:
        typer.echo(_("(Answer as {format}.)").format(format=problem.answer_format))
    answer = typer.prompt(_("Your answer"), default="", show_default=False)
    from tutor.learner.grading import (
        grade_for_problem,  # read as Practice and the chat read it
    )

    grade, _reading = grade_for_problem(manager, problem, answer)
    if grade.status == "verified":
        typer.secho(_("Right!"), fg=typer.colors.GREEN)
    elif grade.status == "refuted":
        said = (_("Not quite. {why} The answer is {answer}.") if grade.mistake
                else _("Not quite. The answer is {answer}."))
        typer.secho(said.format(why=grade.explanation, answer=problem.answer_text), fg=typer.colors.YELLOW)
    else:
        typer.secho(_("I couldn't read that answer, so it is not marked. The answer is {answer}.").format(
            answer=problem.answer_text), fg=typer.colors.YELLOW)
    typer.echo(_("Worked solution:"))
    typer.echo(problem.worked_solution())


@learner_app.command("fit")
def learner_fit(
    min_attempts: int = typer.Option(60, help="First attempts a skill needs before it is fitted"),
    min_students: int = typer.Option(5, help="Students a skill needs before it is fitted"),
) -> None:
    """Fit BKT parameters per skill from recorded attempts with pyBKT; report AUC and RMSE."""
    from tutor.learner.fit import fit_bkt

    with context().session() as s:
        results = fit_bkt(session=s, min_attempts=min_attempts, min_students=min_students)
    if not results:
        typer.echo(_("No graded attempts yet; nothing to fit."))
    for r in results:
        if r.params is None:
            typer.echo(f"{r.skill_id:20s} " + _("{n} attempts  skipped: {reason}").format(
                n=f"{r.n_attempts:5d}", reason=r.skipped))
        else:
            p = r.params
            attempts = _("{n} attempts").format(n=f"{r.n_attempts:5d}")
            typer.echo(f"{r.skill_id:20s} {attempts}  prior {p.prior:.2f} learn {p.learn:.2f} "
                       f"guess {p.guess:.2f} slip {p.slip:.2f}  AUC {r.auc:.3f} RMSE {r.rmse:.3f}")
    fitted = sum(r.params is not None for r in results)
    typer.echo(_("Fitted {fitted} of {total} skills.").format(fitted=fitted, total=len(results)))
