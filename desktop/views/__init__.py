"""Qt views: one module per main view, plus dialogs. Thin: they ask domain/ and store/."""


def _build_event_types() -> None:
    """PySide 6.11 builds the Python type of a Qt class the first time Python meets it. A
    Python event filter is handed each event as its most derived type, found by trying the
    QEvent subclasses one by one; building one of them there (QActionEvent, QGestureEvent,
    a QGraphicsScene event) builds the types it rests on in the middle of that search, and
    shiboken crashes (SIGSEGV in Shiboken::Module::get; the fault of
    TimeLineAnnotator/desktop#586). Whether a run met it depended on which module happened
    to build those types first. All 63 are built here, before any view installs a filter
    (~3 ms)."""
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            if name.startswith("Q") and name.endswith("Event"):
                getattr(module, name)


_build_event_types()
