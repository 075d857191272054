"""The abstract's own arithmetic: findings computed from the assembled record. (Skeleton.)"""

from __future__ import annotations

from .components.base import Draft
from .models import Check


def run_checks(draft: Draft) -> list[Check]:
    return []
