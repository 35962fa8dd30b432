"""Cài đặt: language, the idle lock, the body that issues the reports, the commune's villages, the users,
backups, and the change log."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.services import reference
from desktop.services.casework import tasks
from desktop.services.dto import VillageDTO
from desktop.services.profile import issuing_body
from desktop.ui.context import AppContext
from desktop.ui.dialogs.village import VillageDialog
from desktop.ui.pages.audit_log import AuditLogPage
from desktop.ui.pages.backups import BackupsPage
from desktop.ui.pages.users import UsersPage
from desktop.ui.settings_store import (
    IDLE_LOCK_MAX,
    IDLE_LOCK_MIN,
    save_idle_minutes,
    save_language,
    saved_idle_minutes,
    saved_language,
)
from desktop.ui.translation import current_language
from desktop.ui.widgets.fitting import ScrollingTabs
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import ValueCombo

LANGUAGE_NAMES = (("Tiếng Việt", "vi"), ("English", "en"))  # each in its own language, never translated


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")

        self.language = ValueCombo()
        self.language.set_items(LANGUAGE_NAMES)
        self.language.set_value(saved_language(ctx.profile.paths) or current_language())
        self.language.setMaximumWidth(260)
        self.language_note = QLabel()
        self.language_note.setObjectName("subtitle")
        self.language_note.setWordWrap(True)
        language_box = QGroupBox(self.tr("Language"))
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("&Display language"), self.language)
        language_form.addRow(self.language_note)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(IDLE_LOCK_MIN, IDLE_LOCK_MAX)
        self.idle_minutes.setValue(saved_idle_minutes(ctx.profile.paths))
        self.idle_minutes.setMinimumWidth(90)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(QLabel(self.tr("minutes without keyboard or mouse use")))
        idle_row.addStretch(1)
        lock_note = QLabel(self.tr("Ctrl+L locks at once. Unlocking needs the passphrase of the user logged in."))
        lock_note.setObjectName("subtitle")
        lock_note.setWordWrap(True)
        lock_box = QGroupBox(self.tr("Lock"))
        lock_form = QFormLayout(lock_box)
        idle_caption = QLabel(self.tr("Lock the app &after"))
        idle_caption.setBuddy(self.idle_minutes)
        lock_form.addRow(idle_caption, idle_row)
        lock_form.addRow(lock_note)

        self.priority_days = QSpinBox()
        self.priority_days.setRange(tasks.PRIORITY_DAYS_MIN, tasks.PRIORITY_DAYS_MAX)
        self.priority_days.setValue(tasks.priority_visit_days(ctx.profile))
        self.priority_days.setMinimumWidth(90)
        priority_row = QHBoxLayout()
        priority_row.addWidget(self.priority_days)
        priority_row.addWidget(QLabel(self.tr("days without a visit")))
        priority_row.addStretch(1)
        priority_note = QLabel(
            self.tr(
                "Poor, near-poor, policy, ethnic-minority and hardship households, older people living alone, "
                "households with a person with a disability, and those with a pregnancy or a baby, "
                "come on the task list when nobody has visited them for this long."
            )
        )
        priority_note.setObjectName("subtitle")
        priority_note.setWordWrap(True)
        tasks_box = QGroupBox(self.tr("Tasks"))
        tasks_form = QFormLayout(tasks_box)
        priority_caption = QLabel(self.tr("Remind me to visit a &priority household after"))
        priority_caption.setBuddy(self.priority_days)
        tasks_form.addRow(priority_caption, priority_row)
        tasks_form.addRow(priority_note)

        self.commune = QLabel()
        self.collaborator = QLabel()
        for label in (self.commune, self.collaborator):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        profile_box = QGroupBox(self.tr("This notebook"))
        profile_form = QFormLayout(profile_box)
        profile_form.addRow(self.tr("Commune / ward:"), self.commune)
        profile_form.addRow(self.tr("Set up for:"), self.collaborator)  # the profile's owner, whoever logs in
        profile_form.addRow(self.tr("Data folder:"), QLabel(str(ctx.profile.paths.home)))

        body_box = self._issuing_body_box()

        self.villages = QListWidget()
        self.villages.setMinimumHeight(180)
        self.add_village = QPushButton(self.tr("&Add village"))
        self.rename_village = QPushButton(self.tr("Re&name village"))
        villages_box = QGroupBox(self.tr("Villages"))
        villages_layout = QVBoxLayout(villages_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_village)
        buttons.addWidget(self.rename_village)
        buttons.addStretch(1)
        villages_layout.addLayout(buttons)
        villages_layout.addWidget(self.villages)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.setContentsMargins(12, 12, 12, 10)
        general_layout.setSpacing(14)
        general_layout.addWidget(language_box)
        general_layout.addWidget(lock_box)
        general_layout.addWidget(tasks_box)
        general_layout.addWidget(profile_box)
        general_layout.addWidget(body_box)
        general_layout.addWidget(villages_box, 1)
        self.audit_log = AuditLogPage(ctx)
        self.users = UsersPage(ctx)
        self.backups = BackupsPage(ctx)
        self.tabs = ScrollingTabs()
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(self.users, self.tr("&Users"))
        self.tabs.addTab(self.backups, self.tr("&Backups"))
        self.tabs.addTab(self.audit_log, self.tr("Change &log"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.language.currentIndexChanged.connect(self._language_chosen)
        self.idle_minutes.valueChanged.connect(self._idle_minutes_chosen)
        # Saved when the user leaves the box or presses Enter, not at every digit typed.
        self.priority_days.editingFinished.connect(self._priority_days_chosen)
        self.add_village.clicked.connect(self._add_village)
        self.rename_village.clicked.connect(self._rename_village)
        self.villages.itemActivated.connect(lambda _item: self._rename_village())
        # The services refuse it anyway; a collaborator should not be offered what they cannot do.
        for button in (self.add_village, self.rename_village):
            button.setEnabled(ctx.profile.user.manages_users)
        ctx.data_changed.connect(self.reload)
        self._update_language_note()
        self.reload()

    def _issuing_body_box(self) -> QGroupBox:
        """The body named at the top of every report and the abbreviation that ends its numbers."""
        self.body_parent = QLineEdit()
        self.body_unit = QLineEdit()
        self.body_symbol = QLineEdit()
        self.body_symbol.setMaximumWidth(160)
        self.body_form = FormPanel()
        for field, label, editor in (
            ("parent", self.tr("Pa&rent body"), self.body_parent),
            ("unit", self.tr("&Issuing body or unit"), self.body_unit),
            ("symbol", self.tr("Abbre&viation in document numbers"), self.body_symbol),
        ):
            self.body_form.add(field, label, editor, editor.textChanged)
        self.body_note = QLabel()
        self.body_note.setObjectName("subtitle")
        self.body_note.setWordWrap(True)
        self.save_body = QPushButton(self.tr("&Save issuing body"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_body)
        buttons.addStretch(1)
        box = QGroupBox(self.tr("Issuing body of reports"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.body_form)
        layout.addWidget(self.body_note)
        layout.addLayout(buttons)
        self.body_form.edited.connect(lambda _field: self._body_edited())
        self.save_body.clicked.connect(self._save_body)
        self._show_body(issuing_body.issuing_body(self.ctx.profile))
        return box

    def _body_fields(self) -> tuple[str, str, str]:
        return self.body_parent.text(), self.body_unit.text(), self.body_symbol.text()

    def _show_body(self, body: issuing_body.IssuingBody) -> None:
        self._saved_body = body
        for editor, value in zip(
            (self.body_parent, self.body_unit, self.body_symbol), (body.parent, body.unit, body.symbol), strict=True
        ):
            editor.setText(value)
        if body.saved:
            self.body_note.setText(
                self.tr("Printed at the top left of every report; numbers read e.g. 7/BC-{symbol}.").format(
                    symbol=body.symbol
                )
            )
        else:
            self.body_note.setText(
                self.tr(
                    "Not set yet: reports carry the commune health station under the commune's People's Committee, "
                    "to which collaborators report. Change the names if your reports go out under another body."
                )
            )
        self._body_edited()

    def _body_edited(self) -> None:
        problems = issuing_body.body_problems(*self._body_fields())
        self.body_form.show_problems(problems)
        saved = self._saved_body
        changed = self._body_fields() != (saved.parent, saved.unit, saved.symbol) or not saved.saved
        self.save_body.setEnabled(not problems and changed)

    def _save_body(self) -> None:
        try:
            body = issuing_body.save_issuing_body(self.ctx.profile, *self._body_fields())
        except ValidationError as refused:
            self.body_form.touch_all()
            self.body_form.show_problems(refused.problems)
            return
        self._show_body(body)
        self.ctx.notify_changed()  # an open report preview follows

    def show_audit_log(
        self, record_id: uuid.UUID | None = None, label: str = "", names: dict[str, str] | None = None
    ) -> None:
        """Open the change log tab, filtered to one record (a household) or showing everything."""
        self.tabs.setCurrentWidget(self.audit_log)
        self.audit_log.set_record(record_id, label, names)
        self.audit_log.table.setFocus()

    def reload(self) -> None:
        profile = self.ctx.profile
        villages = reference.commune_villages(profile)
        self.commune.setText(reference.commune_name(profile) or profile.commune_code)
        self.collaborator.setText(profile.collaborator)
        current = self.selected_village()
        self.villages.clear()
        for village in villages:
            item = QListWidgetItem(village.name, self.villages)
            item.setData(Qt.ItemDataRole.UserRole, village)
            if current is not None and village.id == current.id:
                self.villages.setCurrentItem(item)

    def selected_village(self) -> VillageDTO | None:
        item = self.villages.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _language_chosen(self) -> None:
        save_language(self.ctx.profile.paths, self.language.value())
        self._update_language_note()

    def _priority_days_chosen(self) -> None:
        days = self.priority_days.value()
        if days == tasks.priority_visit_days(self.ctx.profile):
            return
        tasks.set_priority_visit_days(self.ctx.profile, days)  # the spin box keeps it within range
        self.ctx.notify_changed()  # the dashboard's task list follows

    def _idle_minutes_chosen(self, minutes: int) -> None:
        save_idle_minutes(self.ctx.profile.paths, minutes)
        self.idle_minutes_changed.emit(minutes)

    def show_users(self) -> None:
        self.tabs.setCurrentWidget(self.users)

    def _update_language_note(self) -> None:
        chosen = self.language.value()
        self.language_note.setVisible(chosen != current_language())
        if chosen == current_language():
            return
        # Shown in the language just chosen, so the user can read it whichever they picked.
        notes = {
            "vi": "Ngôn ngữ mới sẽ được dùng từ lần mở ứng dụng tiếp theo.",
            "en": "The new language is used from the next time you open the app.",
        }
        self.language_note.setText(notes.get(chosen, ""))

    def _add_village(self) -> None:
        VillageDialog(self.ctx, parent=self).exec()

    def _rename_village(self) -> None:
        village = self.selected_village()
        if village is None:
            return
        VillageDialog(self.ctx, village=village, parent=self).exec()
