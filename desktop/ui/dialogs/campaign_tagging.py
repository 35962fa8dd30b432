"""Ghi thuộc chiến dịch: the communication activities held during a campaign's days but tagged with no
campaign, offered for tagging when its report is made. A campaign report counts only the activities
tagged with it (desktop.services.communication.tagging), so that one talk is never counted twice."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.communication import activities
from desktop.services.communication.activities import ActivityDTO
from desktop.ui.codes import CodeCache
from desktop.ui.formatting import fmt_date
from desktop.ui.modal import ModalDialog


class TagActivitiesDialog(ModalDialog):
    """Ticks the activities to tag with `campaign`; `chosen()` gives their ids once accepted."""

    def __init__(
        self,
        codes: CodeCache,
        campaign: str,
        year: int,
        untagged: Sequence[ActivityDTO],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Activities of the campaign"))
        explain = QLabel(
            self.tr(
                "These communication activities were held during {campaign} {year} but are not recorded as "
                "part of any campaign, so its report does not count them. Tick those that were held for "
                "this campaign."
            ).format(campaign=campaign, year=year)
        )
        explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Activities not recorded as part of a campaign"))
        for activity in untagged:
            item = QListWidgetItem(self._line(codes, activity))
            item.setData(Qt.ItemDataRole.UserRole, activity.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox()
        self.tag_button = QPushButton(self.tr("&Record as part of the campaign"))
        self.tag_button.setObjectName("primary")
        buttons.addButton(self.tag_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self.tag_button.setEnabled(bool(self.chosen())))
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)

    @staticmethod
    def _line(codes: CodeCache, activity: ActivityDTO) -> str:
        form = codes.label(activities.FORMS, activity.form)
        topic = codes.label(activities.TOPICS, activity.topic)
        return f"{fmt_date(activity.held_on)} · {activity.village} · {form} · {topic}"

    def chosen(self) -> list[uuid.UUID]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]
