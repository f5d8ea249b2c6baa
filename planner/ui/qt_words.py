"""Qt's own words that its Chinese catalogue (qtbase_zh_CN.qm) leaves out.

Qt's file dialog, where the system offers none of its own, shows "&Look in:"
and "Files of &type:" (with accelerators, which Qt's catalogue only has
without) and "Drive". Marking them here puts them in our catalogue under
Qt's contexts, so the dialog is Chinese from end to end. Nothing calls this
module's names; lupdate reads it and the app's translator answers for Qt.
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP

QT_FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)
