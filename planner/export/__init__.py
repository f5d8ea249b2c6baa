"""Renderers (PDF, PNG, SVG, ICS). May use QtGui/QtSvg/QtPdf, never QtWidgets."""
