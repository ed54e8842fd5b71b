"""Statistics and probability: reading data in grades 1–3 (tally charts, bar and picture graphs), centre and
spread in grade 6, probability in grade 7, scatter plots and two-way tables in grade 8, and a ``graph_reader``
agent that reads a problem's graph or table for the student one piece at a time."""

from __future__ import annotations

from curriculum.kit import N_, catalogue, register_table
from tutor import hookimpl

__version__ = "0.1.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "statistics")

SUBJECT = N_("Statistics and probability")

from curriculum.statistics import chance, md, measures
from curriculum.statistics.agent import AGENT

SKILLS = [
    ("sp.tally_charts", N_("Tally charts"), 1, 2, (), N_("Read a tally chart: how many in all, and how many more."),
     ("1.MD.C.4",), md.tally),
    ("sp.bar_graphs", N_("Bar graphs"), 2, 3, ("sp.tally_charts",),
     N_("Read a bar graph with a scale of ones to put together, take apart and compare."), ("2.MD.D.10",),
     md.bar_graph_problem),
    ("sp.scaled_graphs", N_("Scaled picture graphs"), 3, 3, ("sp.bar_graphs", "arith.mult_div"),
     N_("Read a picture graph whose key makes each picture stand for several things."), ("3.MD.B.3",),
     md.scaled_graph),
    ("sp.mean", N_("Mean"), 6, 7, ("arith.mult_div",), N_("Find the mean of a data set: the total shared equally."),
     ("6.SP.B.5c", "6.SP.A.3"), measures.mean),
    ("sp.median_mode", N_("Median and mode"), 6, 7, (), N_("Find the middle value of ordered data and the most "
                                                          "frequent value."), ("6.SP.B.5c", "6.SP.A.3"),
     measures.median_mode),
    ("sp.range_iqr", N_("Range and interquartile range"), 6, 7, ("sp.median_mode",),
     N_("Measure spread with the range and the interquartile range."), ("6.SP.B.5c", "6.SP.A.3"), measures.range_iqr),
    ("sp.mad", N_("Mean absolute deviation"), 6, 7, ("sp.mean",),
     N_("Find the average distance of the data from its mean."), ("6.SP.B.5c",), measures.mad),
    ("sp.box_plots", N_("Box plots"), 6, 7, ("sp.range_iqr",),
     N_("Read the five-number summary, range and IQR from a box plot."), ("6.SP.B.4",), measures.box_plot_problem),
    ("sp.dot_plots", N_("Dot plots"), 6, 7, (), N_("Read how data is distributed from a dot plot."),
     ("6.SP.B.4", "6.SP.A.2"), measures.distribution),
    ("sp.compare_groups", N_("Comparing two groups"), 7, 8, ("sp.mean", "sp.median_mode"),
     N_("Compare two data sets by their centres and their spreads."), ("7.SP.B.3", "7.SP.B.4"), measures.compare),
    ("sp.probability", N_("Simple probability"), 7, 7, ("frac.simplify",),
     N_("Write the probability of an event as a fraction of equally likely outcomes."), ("7.SP.C.5", "7.SP.C.7a"),
     chance.probability),
    ("sp.sample_space", N_("Sample spaces"), 7, 7, ("arith.mult_div",),
     N_("Count the outcomes of a sample space with a list, a tree diagram or multiplication."), ("7.SP.C.8b",),
     chance.sample_space),
    ("sp.compound", N_("Compound probability"), 7, 8, ("sp.probability", "frac.mult_div"),
     N_("Find the probability that two independent events both happen."), ("7.SP.C.8a",), chance.compound),
    ("sp.experimental", N_("Experimental and theoretical probability"), 7, 7, ("sp.probability",),
     N_("Compare the probability seen in an experiment with the probability expected."), ("7.SP.C.6", "7.SP.C.7b"),
     chance.experimental),
    ("sp.scatter", N_("Scatter plots and lines of best fit"), 8, 8, (),
     N_("Read points on a scatter plot and predict with a line of best fit."), ("8.SP.A.1", "8.SP.A.2", "8.SP.A.3"),
     chance.scatter),
    ("sp.two_way", N_("Two-way tables"), 8, 8, ("frac.simplify",),
     N_("Find totals and relative frequencies in a two-way table."), ("8.SP.A.4",), chance.two_way),
]


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)


@hookimpl
def register_agents(register):
    register(AGENT)
