"""The Verteiler shows active projects and partners unless the office asks for everyone."""

from patenbuero.services.projects.mailing_list import mailing_list
from patenbuero.ui.projects.mailing_list_page import MailingListPage


def test_default_leaves_out_paused_and_departed_projects(qtbot, demo_db) -> None:
    everyone = mailing_list(demo_db)
    assert {"active", "left"} <= {row.status for row in everyone}
    page = MailingListPage(demo_db)
    qtbot.addWidget(page)
    page.refresh()
    shown = page.visible_rows()
    assert shown and all(row.status in ("active", "partner") for row in shown)
    assert "Status: " not in page.status_filter.currentText()
    assert page.status_filter.currentText() == "aktive Projekte und Partner"
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    assert len(page.visible_rows()) == len(everyone)
