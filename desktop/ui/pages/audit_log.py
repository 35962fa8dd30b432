"""Nhật ký thay đổi: the audit chain's events, newest first, filtered by user or record, and its check."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services import reference
from desktop.services.profile import audit
from desktop.services.profile.audit import AuditEventDTO, ChainReport
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.pages.audit_texts import SummaryFormatter, action_label, local_time, short_id, table_label
from desktop.ui.widgets.pickers import ValueCombo
from desktop.ui.widgets.stale import ReloadsWhenShown
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

PAGE_SIZE = audit.DEFAULT_LIMIT
# Fields whose values name the record itself, per table: the first one found labels the record.
_NAME_FIELDS = ("code", "full_name", "name")


class AuditLogPage(ReloadsWhenShown, QWidget):
    loaded = Signal()
    verified = Signal()
    back_to_household = Signal(object)  # uuid.UUID

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._events: list[AuditEventDTO] = []
        # Writers by (directory id, name): by id when the events carry one, so a renamed user stays one
        # entry; by name for older events, system writes and applied changesets. Value: the shown name.
        self._users: dict[tuple[str, str], str] = {}
        me = ctx.profile.user
        if me.id is not None and me.name:
            self._users[(str(me.id), "")] = me.name
        self._names: dict[str, str] = {}  # record id -> its code or name, learnt from the events
        self.record_id: str | None = None
        self.record_label = ""
        self.has_more = False
        self._filling = False
        self._more_codes: dict[str, dict[str, str]] = {}
        self.formatter = SummaryFormatter(ctx.codes, self._names, self._codes_of)

        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.user = ValueCombo(blank=self.tr("All"))
        self.user.set_items(())
        self.user_label = QLabel(self.tr("&User"))
        self.user_label.setBuddy(self.user)
        self.record_filter = QLabel()
        self.record_filter.setObjectName("subtitle")
        self.clear_record = QPushButton(self.tr("&Clear filter"))
        self.back_button = QPushButton(self.tr("← Back to the &household"))
        self.back_button.setObjectName("flat")
        self.load_more = QPushButton(self.tr("Load &more"))
        self.verify_button = QPushButton(self.tr("Check &integrity"))
        self.verify_button.setObjectName("primary")
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.verify_result.setVisible(False)
        self.details = QLabel()  # the selected event's whole change, wrapped
        self.details.setObjectName("subtitle")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 3)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.model: RecordTableModel[AuditEventDTO] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda e: local_time(e.at), align_center=True),
                Column(self.tr("User"), lambda e: e.user),
                Column(self.tr("Action"), lambda e: action_label(e.action)),
                Column(self.tr("Record type"), lambda e: table_label(e.table_name)),
                Column(self.tr("Record"), self.record_text),
                Column(self.tr("Change"), self.formatter.text),
            ],
            muted=lambda e: e.action == "delete",
        )
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Changes"))
        fit_columns(self.table, {0: 15, 1: 16, 2: 6, 3: 13, 4: 14})
        remember_widths(self.table, ctx.profile.paths, "audit_log")
        self._build_layout()

        self.user.currentIndexChanged.connect(self._user_chosen)
        self.clear_record.clicked.connect(self.clear_record_filter)
        self.back_button.clicked.connect(self._back)
        self.load_more.clicked.connect(self.load_older)
        self.verify_button.clicked.connect(self.verify)
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._show_details())
        self.model.modelReset.connect(self._show_details)
        ctx.data_changed.connect(self._data_changed)
        self._update_filter_row()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.user_label)
        bar.addWidget(self.user)
        bar.addSpacing(12)
        bar.addWidget(self.record_filter)
        bar.addWidget(self.clear_record)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.load_more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(bottom)
        chain = (self.user, self.clear_record, self.back_button, self.verify_button, self.table, self.load_more)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _codes_of(self, table: str) -> dict[str, str]:
        """Code tables only the log needs (activity forms, child protection steps…), read once."""
        if table not in self._more_codes:
            items = reference.code_tables(self.ctx.profile, table)[table]
            self._more_codes[table] = {item.code: code_label(item) for item in items}
        return self._more_codes[table]

    # Filters #################################################################################

    def _user_chosen(self) -> None:
        if not self._filling:
            self.reload()

    def set_record(
        self, record_id: uuid.UUID | str | None, label: str = "", names: dict[str, str] | None = None
    ) -> None:
        """Show one record's events (a household opened from its page), or everything with None.

        `names` (record id -> code or name) names records the filtered events refer to, such as the
        household's members set as its head.
        """
        self.record_id = None if record_id is None else str(record_id)
        self.record_label = label
        self._names.update(names or {})
        self._update_filter_row()
        self.reload()

    def clear_record_filter(self) -> None:
        self.set_record(None)
        self.user.setFocus()

    def _update_filter_row(self) -> None:
        filtered = self.record_id is not None
        if filtered:
            name = self.record_label or short_id(self.record_id or "")
            self.record_filter.setText(self.tr("Record: {name}").format(name=name))
        for widget in (self.record_filter, self.clear_record, self.back_button):
            widget.setVisible(filtered)

    def _back(self) -> None:
        if self.record_id is not None:
            self.back_to_household.emit(uuid.UUID(self.record_id))

    # Loading #################################################################################

    def reload(self) -> None:
        self._stale = False
        self._fetch(before_id=None)

    def load_older(self) -> None:
        if self._events:
            self._fetch(before_id=self._events[-1].id)

    def _fetch(self, *, before_id: int | None) -> None:
        self._generation += 1
        generation, profile = self._generation, self.ctx.profile
        record_id, chosen = self.record_id, self.user.value()
        user_id, user = chosen if chosen is not None else (None, None)
        user_id, user = user_id or None, user or None
        self.ctx.lane.submit(
            lambda: audit.events(
                profile, record_id=record_id, user=user, user_id=user_id, limit=PAGE_SIZE, before_id=before_id
            ),
            lambda rows: self._show(generation, rows, append=before_id is not None),
            owner=self,
        )

    def _show(self, generation: int, rows: list[AuditEventDTO], *, append: bool) -> None:
        if generation != self._generation:
            return
        self._events = [*self._events, *rows] if append else list(rows)
        self._learn(rows)
        self.has_more = len(rows) == PAGE_SIZE
        self.load_more.setEnabled(self.has_more)
        self.model.set_records(self._events)
        if rows:
            self.table.selectRow(len(self._events) - len(rows))  # the newest, or the first older one
        self.count.setText(self.tr("{n} event(s) shown").format(n=len(self._events)))
        self.loaded.emit()

    def _learn(self, rows: list[AuditEventDTO]) -> None:
        """Remember users and record names the events reveal (a create event carries the code/name)."""
        for event in rows:
            self._learn_user(event)
            if event.record_id in self._names:
                continue
            for field in _NAME_FIELDS:
                change = event.summary.get(field)
                if isinstance(change, list) and len(change) == 2:
                    value = change[1] if change[1] is not None else change[0]
                    if isinstance(value, str) and value:
                        self._names[event.record_id] = value
                        break
        listed = {self.user.itemText(i) for i in range(1, self.user.count())}
        if listed != set(self._users.values()):
            self._filling = True  # set_items re-enables the combo's signals itself
            try:
                self.user.set_items((name, key) for key, name in sorted(self._users.items(), key=lambda i: i[1]))
            finally:
                self._filling = False

    def _learn_user(self, event: AuditEventDTO) -> None:
        if event.user_id:
            # Events come newest first: the name first seen for an id is the latest it was written under.
            self._users.setdefault((event.user_id, ""), event.user)
        elif event.user not in self._users.values():  # an older event of a user known by id is theirs already
            self._users[("", event.user)] = event.user

    def _show_details(self) -> None:
        event = self.model.record(self.table.currentIndex().row())
        if event is None:
            self.details.setText(self.tr("Select an event to see everything it changed."))
            return
        parts = (local_time(event.at), event.user, action_label(event.action), table_label(event.table_name))
        head = " · ".join((f"#{event.id}", *parts, self.record_text(event))).rstrip(" ·")
        self.details.setText(f"{head}\n{self.formatter.text(event)}")

    def record_text(self, event: AuditEventDTO) -> str:
        if event.table_name == "*":
            return ""
        known = self._names.get(event.record_id)
        if known:
            return known
        household = event.summary.get("household_id")  # a visit or event: name its household instead
        if isinstance(household, list) and len(household) == 2:
            code = self._names.get(str(household[1] or household[0]))
            if code:
                return self.tr("household {code}").format(code=code)
        return short_id(event.record_id)

    # Integrity ###############################################################################

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Checking…"))
        self.verify_result.setObjectName("subtitle")
        self._restyle()
        self.verify_result.setVisible(True)
        profile = self.ctx.profile
        self.ctx.lane.submit(lambda: audit.verify(profile), self._verified, on_error=self._verify_failed, owner=self)

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setText(self.report_text(report))
        self.verify_result.setObjectName("subtitle" if report.ok else "formError")
        self._restyle()
        self.verified.emit()

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.ctx.lane.failed.emit(error)

    def report_text(self, report: ChainReport) -> str:
        if report.ok:
            return self.tr("The log is intact: {n} event(s) checked.").format(n=report.checked)
        if report.reason in audit.HEAD_REASONS:  # no event is at fault: the newest ones are gone, or all rewritten
            return self.tr(
                "The newest entries of the log are missing, or the log was rewritten: it no longer ends where "
                "the key file says it did. Keep this laptop as it is, do not delete or restore anything, "
                "and tell the commune officer."
            )
        when = local_time(report.broken_at) if report.broken_at is not None else "?"
        return self.tr(
            "Event #{id} ({time}, {table}) was changed or removed outside the app. "
            "Keep this laptop as it is, do not delete or restore anything, "
            "and tell the commune officer."
        ).format(id=report.broken_id, time=when, table=table_label(report.broken_table))

    def _restyle(self) -> None:
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
