"""Stackable credentials: progress of a learner's credentials towards a target qualification.

Public API (the CLI and the GUI use only these names):

* :class:`Candidate` - a credential with its verification verdict;
* :func:`load_target`, :func:`load_target_file`, :func:`bundled_targets` - targets
  validated against ``resources/schemas/target.schema.json``;
* :func:`progress` - the optimal allocation and its explanation, a :class:`Progress`;
* :func:`target_from_elm` - a target built from an ELM Qualification with ``hasPart``.

Module map: ``target`` (values), ``schema`` (loading), ``rules`` (matching),
``candidates`` (what counts), ``allocate`` (the integer program), ``progress``,
``explain`` (gaps, text), ``elm_import``, ``service`` (vault-facing), ``demo``.
"""

from __future__ import annotations

from wallet.stacking.candidates import Candidate, Pending
from wallet.stacking.elm_import import target_from_elm
from wallet.stacking.explain import Gap, render_text
from wallet.stacking.progress import (
    Allocation,
    ComponentStatus,
    GroupStatus,
    Progress,
    progress,
)
from wallet.stacking.schema import bundled_targets, load_target, load_target_file
from wallet.stacking.target import Component, Framework, Group, Rules, Target

__all__ = [
    "Allocation",
    "Candidate",
    "Component",
    "ComponentStatus",
    "Framework",
    "Gap",
    "Group",
    "GroupStatus",
    "Pending",
    "Progress",
    "Rules",
    "Target",
    "bundled_targets",
    "load_target",
    "load_target_file",
    "progress",
    "render_text",
    "target_from_elm",
]
