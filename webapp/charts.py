"""Altair charts for the pages: presentation only, fed with numbers from ``tutor.reports``."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from tutor.i18n import _

MASTERY_SCALE = alt.Scale(domain=[0, 1])


def mastery_axis() -> alt.Axis:
    return alt.Axis(format="%", title=_("mastery"))


def mastery_bars(skills) -> alt.Chart:
    """One bar per skill: how sure the tutor is the student has it."""
    df = pd.DataFrame({"skill": [s.title for s in skills], "mastery": [s.p_mastery for s in skills],
                       "mastered": ["mastered" if s.mastered else "learning" for s in skills]})
    # the data keeps stable column names; what a reader sees (axis titles, tooltips) is translated
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("mastery:Q", scale=MASTERY_SCALE, axis=mastery_axis()),
            y=alt.Y("skill:N", sort="-x", title=None),
            color=alt.Color("mastered:N", scale=alt.Scale(domain=["learning", "mastered"],
                                                           range=["#4c78a8", "#54a24b"]), legend=None),
            tooltip=[alt.Tooltip("skill:N", title=_("skill")),
                     alt.Tooltip("mastery:Q", format=".0%", title=_("mastery"))],
        )
        .properties(height=max(80, 28 * len(df)))
    )


def standard_bars(rows) -> alt.Chart:
    """One bar per Common Core standard: the class's mean mastery of the skills that practise it."""
    df = pd.DataFrame({"standard": [r.standard for r in rows], "domain": [r.domain for r in rows],
                       "mastery": [r.mean_mastery for r in rows], "skills": [r.skills for r in rows],
                       "students": [r.students for r in rows], "mastered": [r.mastered for r in rows],
                       "pairs": [r.pairs for r in rows]})
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("mastery:Q", scale=MASTERY_SCALE, axis=mastery_axis()),
            y=alt.Y("standard:N", sort=list(df["standard"]), title=None),
            color=alt.Color("mastery:Q", scale=alt.Scale(domain=[0, 1], scheme="redyellowgreen"), legend=None),
            tooltip=[alt.Tooltip("standard:N", title=_("standard")), alt.Tooltip("domain:N", title=_("domain")),
                     alt.Tooltip("mastery:Q", format=".0%", title=_("mean mastery")),
                     alt.Tooltip("skills:Q", title=_("skills")), alt.Tooltip("students:Q", title=_("students")),
                     alt.Tooltip("mastered:Q", title=_("mastered"))],
        )
        .properties(height=max(80, 22 * len(df)))
    )


def mastery_lines(points) -> alt.Chart:
    """Mastery of each skill after each answer, over time."""
    df = pd.DataFrame({"when": [p.at for p in points], "skill": [p.title for p in points],
                       "mastery": [p.p_mastery for p in points]})
    return (
        alt.Chart(df)
        .mark_line(point=True)
        .encode(
            x=alt.X("when:T", title=None),
            y=alt.Y("mastery:Q", scale=MASTERY_SCALE, axis=mastery_axis()),
            color=alt.Color("skill:N", legend=alt.Legend(orient="bottom", title=None, columns=2)),
            tooltip=[alt.Tooltip("skill:N", title=_("skill")),
                     alt.Tooltip("mastery:Q", format=".0%", title=_("mastery")),
                     alt.Tooltip("when:T", format="%d %b %H:%M", title=_("when"))],
        )
        .properties(height=260)
    )


def heatmap(cells, student_order: list[str]) -> alt.Chart:
    """Students x skills, coloured by mastery; a mastered skill (the learner's record) has a dark outline."""
    df = pd.DataFrame({"student": [c.student for c in cells], "skill": [c.skill for c in cells],
                       "mastery": [c.p_mastery for c in cells],
                       "mastered": ["mastered" if c.mastered else "learning" for c in cells],
                       "state": [_("mastered") if c.mastered else _("learning") for c in cells]})
    return (
        alt.Chart(df)
        .mark_rect(strokeWidth=2)
        .encode(
            x=alt.X("skill:N", title=None, axis=alt.Axis(labelAngle=-40, labelLimit=120)),
            y=alt.Y("student:N", sort=student_order, title=None, axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("mastery:Q", scale=alt.Scale(domain=[0, 1], scheme="redyellowgreen"),
                            legend=alt.Legend(format="%", orient="bottom", title=_("mastery"))),
            stroke=alt.condition(alt.datum.mastered == "mastered", alt.value("#1b1b1b"), alt.value(None)),
            tooltip=[alt.Tooltip("student:N", title=_("student")), alt.Tooltip("skill:N", title=_("skill")),
                     alt.Tooltip("mastery:Q", format=".0%", title=_("mastery")),
                     alt.Tooltip("state:N", title=_("mastered"))],
        )
        .properties(height=heatmap_height(student_order))
    )


def heatmap_height(student_order: list[str]) -> int:
    """Plot height giving every student a readable row."""
    return max(120, 20 * len(student_order))


def draw(chart: alt.Chart, *, room: int = 90) -> None:
    """Show a chart at full width and at its own height plus ``room`` for axes and legend
    (Streamlit otherwise squeezes it, and row labels start to disappear)."""
    st.altair_chart(chart, width="stretch", height=int(chart.height) + room)


MAP_COLOURS = {"mastered": "#54a24b", "learning": "#f2cf5b", "ready": "#9ecae9", "later": "#e5e7eb",
               "earlier": "#ffffff"}
"""Fill of each state on the skill map (the legend under the map says what each means)."""


def skill_map_dot(skill_map) -> str:
    """The skill map as a Graphviz graph: one box per skill, grouped by Common Core domain, filled by the
    student's state (learning boxes say their mastery), arrows from each prerequisite."""
    from tutor.i18n import current_language
    from tutor.plugin_api import domain_name

    def q(text: str, *, lines: list[str] | None = None) -> str:
        """A DOT string: backslashes dropped from the text, quotes escaped; ``lines`` joined by DOT's newline."""
        parts = lines if lines is not None else [text]
        return '"' + "\\n".join(str(p).replace("\\", "").replace('"', '\\"') for p in parts) + '"'

    lines = ["digraph skills {", "  rankdir=LR; nodesep=0.15; ranksep=0.5;",
             '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=11, color="#6b7280"];',
             '  edge [color="#9ca3af", arrowsize=0.6];']
    by_domain: dict[str, list] = {}
    for s in skill_map.skills:
        by_domain.setdefault(s.domain or "?", []).append(s)
    for i, (domain, members) in enumerate(sorted(by_domain.items())):
        name = domain_name(domain, current_language())
        lines.append(f"  subgraph cluster_{i} {{ label={q(name)}; fontname=\"sans-serif\"; fontsize=12; "
                     'color="#d1d5db"; style=rounded;')
        for s in members:
            label = _wrap(s.title)
            if s.state == "learning" and s.p_mastery is not None:
                label.append(f"{round(s.p_mastery * 100)}%")
            style = '"rounded,filled,dashed"' if s.state == "earlier" else '"rounded,filled"'
            lines.append(f"    {q(s.skill_id)} [label={q('', lines=label)}, fillcolor={q(MAP_COLOURS[s.state])}, "
                         f"style={style}, tooltip={q(s.title)}];")
        lines.append("  }")
    for pre, sid in skill_map.edges:
        lines.append(f"  {q(pre)} -> {q(sid)};")
    lines.append("}")
    return "\n".join(lines)


def _wrap(title: str, width: int = 22) -> list[str]:
    """A title on lines of about ``width`` characters (words kept whole; CJK titles are short anyway)."""
    words, lines, line = title.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return lines
