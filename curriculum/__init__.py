"""The grades 1–8 curriculum: subject plugins written as a third-party plugin would be.

Each sub-package is one plugin (its own entry point in ``pyproject.toml``, its own Chinese catalogue under
``<plugin>/locale/zh/LC_MESSAGES/<plugin>.po``). They use only ``tutor.plugin_api``, ``tutor.figures`` and the
small kit in :mod:`curriculum.kit`.
"""
