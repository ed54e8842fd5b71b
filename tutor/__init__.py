"""tutor: a personalized, verified, local AI math tutor."""

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("tutor")
"""Decorator plugins use to implement the tutor's hooks."""
