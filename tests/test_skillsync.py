"""Registered skills become Skill rows: prerequisites first, owned by their plugin, written by upsert."""

from __future__ import annotations

import pytest

from tutor.plugins import PluginManager
from tutor.skillsync import skill_rows, sync_skills


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager.load(third_party=False)


def test_skill_rows_come_in_teaching_order_with_their_plugin(manager):
    rows = skill_rows(manager)
    order = [r.id for r in rows]
    assert order == [s.id for s in manager.topological_skills()] and len(rows) == len(manager.skills)
    percent = rows[order.index("frac.percent")]
    assert percent.plugin == "fractions" and percent.prerequisites == "frac.decimals,frac.mult_div"
    assert all(order.index(p) < order.index(r.id) for r in rows for p in r.prerequisites.split(",") if p)


def test_skills_sync_to_the_database_and_a_second_sync_updates(ctx, manager):
    from tutor.repo import list_skills

    with ctx.session() as s:
        assert sync_skills(manager, session=s) == len(manager.skills)
    with ctx.session() as s:
        assert manager.sync_skills(session=s) == len(manager.skills)  # the manager's method is the same sync
    with ctx.session() as s:
        rows = {r.id: r for r in list_skills(session=s)}
    assert len(rows) == len(manager.skills)
    assert rows["frac.percent"].prerequisites == "frac.decimals,frac.mult_div"
    assert rows["frac.percent"].plugin == "fractions"
