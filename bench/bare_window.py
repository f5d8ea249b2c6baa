"""A bare PySide6 window started the way the app starts: the baseline for startup."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1180, 760)
    window.show()

    def probe() -> None:
        print("shown", flush=True)
        app.quit()

    QTimer.singleShot(0, probe)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
