"""Key sequences for actions: platform standard keys expanded once, and a check that no key is claimed twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def keys(*wanted: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Every binding of each standard key on this platform, then the named keys, each sequence once."""
    found: list[QKeySequence] = []
    for key in wanted:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def _scope(owner: QWidget, context: Qt.ShortcutContext) -> QWidget:
    """The widget inside which a shortcut of ``owner`` answers."""
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return owner.window()
    return owner


def _claims(root: QWidget):
    """(key text, scope widget, what claims it) for every action and shortcut under ``root``."""
    for action in root.findChildren(QAction):
        owner = action.parent() if isinstance(action.parent(), QWidget) else root
        for sequence in action.shortcuts():
            yield sequence.toString(), _scope(owner, action.shortcutContext()), action.text() or "(action)"
    for shortcut in root.findChildren(QShortcut):
        owner = shortcut.parent() if isinstance(shortcut.parent(), QWidget) else root
        if shortcut.isEnabled():
            for sequence in shortcut.keys():
                yield sequence.toString(), _scope(owner, shortcut.context()), shortcut.whatsThis() or "(shortcut)"


def clashes(root: QWidget) -> list[str]:
    """Key sequences claimed twice where both claims can answer at once (Qt then runs neither)."""
    seen: dict[str, list[tuple[QWidget, str]]] = {}
    found = []
    for key, scope, name in _claims(root):
        for other_scope, other_name in seen.get(key, []):
            if scope is other_scope or scope.isAncestorOf(other_scope) or other_scope.isAncestorOf(scope):
                found.append(f"{key}: {other_name} and {name}")
        seen.setdefault(key, []).append((scope, name))
    return found
