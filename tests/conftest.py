"""Shared test set-up: Hypothesis profiles.

``ci`` (chosen when the CI environment variable is set) bounds the examples and drops the
deadline, so a slow CI machine never turns a pass into a flaky failure; ``dev`` is the
default for local runs; ``thorough`` is for a long hunt (HYPOTHESIS_PROFILE=thorough).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
