"""A target's progress as readable HTML: what counts and why, what is missing, what does not count yet.

Every sentence comes from the core's catalogue (:mod:`wallet.stacking.explain`:
``progress_line``, ``component_line``, ``counts_because``, ``gap_line``,
``describe_rules``), so the Targets screen says exactly what ``wallet progress
--lang sl`` says. Rich text wraps at any width, so long reasons are never cut
with "…" (the tree it replaces cut them at the column edge).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from wallet.messages import msg
from wallet.model import pick_lang
from wallet.stacking.explain import component_line, counts_because, gap_line, progress_line
from wallet.stacking.rules import describe_rules
from wallet.ui.i18n import say, ui_language

_MARKS = {"met": "✓", "partly": "◐", "missing": "○"}



def breakdown_html(item: Any, langs: Sequence[str], titles: Mapping[str, str]) -> str:
    """The breakdown of one :class:`wallet.stacking.Progress`."""
    reader = (ui_language(), "en")

    def name(credential_id: str) -> str:
        if credential_id not in titles:
            return QCoreApplication.translate("Breakdown", "a credential no longer in the list")
        return titles[credential_id] or QCoreApplication.translate("Breakdown", "(untitled credential)")

    def title_of(text: Any, fallback: str) -> str:
        return pick_lang(text, langs) or fallback

    out = [f"<p><b>{escape(say(progress_line(item)))}</b></p>"]
    if not item.optimal:
        out.append(f"<p><i>{escape(say(msg('stacking.not_optimal')))}</i></p>")
    heading = QCoreApplication.translate("Breakdown", "Requirements")
    out.append(f"<h4>{escape(heading)}</h4><table cellspacing='0' width='100%'>")
    groups = {g.id: g for g in item.groups}
    current: str | None = None
    for status in item.components:
        if status.group != current and status.group is not None:
            g = groups.get(status.group)
            rule = []
            if g is not None and g.choose:
                rule.append(say(msg("stacking.group.choose", count=g.choose, chosen=g.chosen)))
            if g is not None and g.min_credits is not None:
                rule.append(say(msg("stacking.group.credits", value=g.min_credits, counted=g.credits_counted,
                                    unit=item.unit)))
            heading = title_of(g.title if g else None, status.group)
            out.append(f"<tr><td colspan='2' style='padding:8px 0 2px 0'><b>{escape(heading)}</b>"
                       f"{' — ' + escape('; '.join(rule)) if rule else ''}</td></tr>")
        current = status.group
        kind = "met" if status.met else ("partly" if status.allocations else "missing")
        indent = "18px" if status.group else "0"
        out.append(f"<tr><td valign='top' width='24' style='padding:3px 6px 3px {indent}'>{_MARKS[kind]}</td>"
                   f"<td valign='top' style='padding:3px 0'><b>{escape(title_of(status.title, status.id))}</b>"
                   f" — {escape(say(component_line(status, item.unit)))}")
        for alloc in status.allocations:
            because = counts_because(alloc.reasons, reader)
            out.append(f"<br>&nbsp;&nbsp;← {escape(name(alloc.credential_id))}: {escape(because)}")
        out.append("</td></tr>")
    out.append("</table>")
    if item.gaps:
        components = {c.id: c for c in item.target.all_components()}
        out.append(f"<h4>{escape(say(msg('stacking.missing_heading')))}</h4><ul>")
        for gap in item.gaps:
            out.append(f"<li>{escape(say(gap_line(gap, title_of(gap.title, gap.id), item.unit)))}")
            needs = [say(msg("stacking.needs", need=need)) for need in gap.needs]
            options = []
            for option in gap.options:
                comp = components.get(option)
                if comp is not None:
                    rules = "; ".join(say(n) for n in describe_rules(comp.rules, item.unit))
                    options.append(title_of(comp.title, comp.id) + (f": {rules}" if rules else ""))
            if gap.blocked_by:
                needs.append(say(msg("stacking.blocked_by", names=", ".join(name(b) for b in gap.blocked_by))))
            if needs or options:
                out.append("<br>" + "<br>".join(escape(n) for n in needs))
            if options:
                out.append("<ul>" + "".join(f"<li>{escape(o)}</li>" for o in options) + "</ul>")
            out.append("</li>")
        out.append("</ul>")
    if item.pending:
        heading = QCoreApplication.translate("Breakdown", "Not counting yet")
        out.append(f"<h4>{escape(heading)}</h4><ul>")
        for pending in item.pending:
            out.append(f"<li><b>{escape(name(pending.credential_id))}</b> — {escape(say(pending.reason))}</li>")
        out.append("</ul>")
    return "".join(out)
