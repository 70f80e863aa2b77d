"""German throughout: Qt's own dialogs translated, dates and numbers in German form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def install_german(app: QCoreApplication) -> bool:
    """Load Qt's German translations (qtbase_de); True when they were found."""
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_de", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
