"""Large reads off the GUI thread, and widgets built a few per event-loop turn.

The overview shows every community at once. On a large workspace (two
hundred communities) its health check, its figures and its rows take a few
hundred milliseconds to read, and its cards and chart lines as long again to
build: done in one go, the window would not paint or take a key that long.
So:

* :func:`is_large` says whether a workspace has more live communities than
  :data:`SYNC_LIMIT`. A small one is read and drawn at once, as it always
  was (so a view of a few communities is complete as soon as it is shown).
* :class:`Reader` runs a read as a job of the session
  (:meth:`~planner.ui.session.Session.start_job`, on a connection of its
  own) and hands its result back on the GUI thread. A newer read replaces
  one under way, whose result is dropped; so does :meth:`Reader.cancel`
  (another workspace).
* :class:`Steps` runs queued steps one per event-loop turn, so that the
  window paints and takes input between them; :meth:`Steps.clear` drops the
  steps not run yet (what they would build is out of date).
"""

from __future__ import annotations

import logging
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from planner.calendar import data_token
from planner.communities import list_communities
from planner.ui.background import BackgroundJob
from planner.ui.session import Session
from planner.workspace import Workspace

log = logging.getLogger(__name__)

# Up to this many live communities, the overview reads and draws at once.
SYNC_LIMIT = 20

Read = Callable[[Workspace], Any]


# The last answer of is_large per workspace, while its data stays the same.
_LARGE: weakref.WeakKeyDictionary[Workspace, tuple[tuple[int, int], bool]] = (
    weakref.WeakKeyDictionary()
)


def is_large(ws: Workspace) -> bool:
    """Whether ``ws`` has more live communities than :data:`SYNC_LIMIT`.

    Asked by each panel of the overview when it is shown: the answer is kept
    while the workspace's data stays the same (:func:`planner.calendar.data_token`).
    """
    token = data_token(ws)
    kept = _LARGE.get(ws)
    if token is not None and kept is not None and kept[0] == token:
        return kept[1]
    large = len(list_communities(ws)) > SYNC_LIMIT
    if token is not None:
        _LARGE[ws] = (token, large)
    return large


class Reader(QObject):
    """One read at a time off the GUI thread; the newest wins.

    Reads of every reader queue up and run one after another (see
    :class:`_Line`): on two cores, three reads at once would leave the GUI
    thread a third of the time it needs to paint.

    Signals:
        done(object): what the read returned (on the GUI thread).
    """

    done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted: tuple[Session, Read] | None = None
        self._job: BackgroundJob | None = None
        self.reads = 0  # how many reads went off the GUI thread (for tests)

    @property
    def busy(self) -> bool:
        """A read is waiting or under way; its result has not been handed out yet."""
        return self._wanted is not None

    def start(self, session: Session, read: Read) -> None:
        """Run ``read(workspace)`` on a connection of its own; ``done`` brings the result.

        A read waiting or under way is dropped. A session that is closing
        starts no job: then the read runs here and now.
        """
        self.cancel()
        self._wanted = (session, read)
        _line().ask(self)

    def cancel(self) -> None:
        """Drop the read waiting or under way: its result will not be handed out."""
        _line().forget(self)
        if self._job is not None:
            self._job.cancel()
        self._job = None
        self._wanted = None

    def _launch(self, finished: Callable[[], None]) -> BackgroundJob | None:
        """Start the job (the line calls this when it is this read's turn)."""
        if self._wanted is None:
            return None
        session, read = self._wanted

        def work(ws: Workspace, _progress: object, _cancelled: object) -> object:
            return read(ws)

        try:
            self._job = session.start_job(work, finished)
        except RuntimeError:  # closing: no job can start on it
            self._wanted = None
            if not session.closed:
                self.done.emit(read(session.workspace))
            return None
        self.reads += 1
        return self._job

    def _finished(self, job: BackgroundJob) -> None:
        if job is not self._job or self._wanted is None:
            return  # a read that was replaced
        session, read = self._wanted
        self._job = None
        self._wanted = None
        if job.error is None:
            self.done.emit(job.result)
        elif not session.closed:
            # Read on the window's own connection instead: what it raises is
            # what the synchronous read always raised.
            log.warning("a background read failed (%s); reading on the GUI thread", job.error)
            self.done.emit(read(session.workspace))


class _Line(QObject):
    """The paced reads in the order asked, one job at a time.

    It lives as long as the application, so a job's end always reaches it,
    even when the reader that asked is gone (its panel was closed).
    """

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.waiting: deque[Reader] = deque()
        self.running: list[tuple[BackgroundJob, Reader]] = []
        # A read asked for starts in the next event-loop turn: the turn that
        # asked (a page being shown) paints without a worker competing for the CPU.
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(0)
        self.soon.timeout.connect(self._next)

    def ask(self, reader: Reader) -> None:
        self.waiting.append(reader)
        if not self.running:
            self.soon.start()

    def forget(self, reader: Reader) -> None:
        self.waiting = deque(r for r in self.waiting if r is not reader)

    def _next(self) -> None:
        while not self.running and self.waiting:
            reader = self.waiting.popleft()
            if not shiboken6.isValid(reader):
                continue
            job = reader._launch(self._on_finished)
            if job is not None:
                self.running.append((job, reader))

    def _on_finished(self) -> None:
        job = self.sender()
        ended = [(j, r) for j, r in self.running if j is job]
        self.running = [(j, r) for j, r in self.running if j is not job]
        for found, reader in ended:
            if shiboken6.isValid(reader):
                reader._finished(found)
        self._next()


_LINE: _Line | None = None


def _line() -> _Line:
    global _LINE
    if _LINE is None or not shiboken6.isValid(_LINE):
        _LINE = _Line(QCoreApplication.instance())
    return _LINE


class Steps(QObject):
    """Steps run one per event-loop turn, in the order they were added.

    The steps of every :class:`Steps` share one queue, so the panels of a
    page filling at the same time take turns, rather than each taking its
    own step in the same turn.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0  # of this one's steps in the queue

    @property
    def pending(self) -> bool:
        """Steps are waiting for their turn."""
        return self._count > 0

    def add(self, step: Callable[[], None]) -> None:
        self._count += 1
        _pacer().add(self, step)

    def clear(self) -> None:
        """Drop the steps not run yet."""
        if self._count:
            _pacer().drop(self)
            self._count = 0

    def _run(self, step: Callable[[], None]) -> None:
        self._count -= 1
        step()


class _Pacer(QObject):
    """The one queue of steps: one step per event-loop turn."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.queue: deque[tuple[Steps, Callable[[], None]]] = deque()
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._next)

    def add(self, owner: Steps, step: Callable[[], None]) -> None:
        self.queue.append((owner, step))
        if not self.timer.isActive():
            self.timer.start()

    def drop(self, owner: Steps) -> None:
        self.queue = deque(entry for entry in self.queue if entry[0] is not owner)

    def _next(self) -> None:
        while self.queue:
            owner, step = self.queue.popleft()
            if shiboken6.isValid(owner):  # a panel closed meanwhile takes no turn
                owner._run(step)
                break
        if not self.queue:
            self.timer.stop()


_PACER: _Pacer | None = None


def _pacer() -> _Pacer:
    global _PACER
    if _PACER is None or not shiboken6.isValid(_PACER):
        _PACER = _Pacer(QCoreApplication.instance())
    return _PACER
