"""Stored reports as the list shows them, a reprint's verdict and the fallback settings:
plain values shared by the service, the command line and the window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.domain.clock import kst


@dataclass(frozen=True)
class ReportRow:
    """A stored report as the list shows it."""

    id: str
    incident_id: str
    number: int | None
    as_of: datetime
    issued_at: datetime | None
    prepared_by: str | None
    approved_by: str | None
    workstation: str | None
    lang: str
    pdf_sha256: str
    duplicates: tuple[str, ...] = ()
    """Workstations that issued another report with the same number (a collision after sync)."""
    approved_as: str | None = None
    """For a draft: the id of the issued report made from it."""
    approved_number: int | None = None
    """For an approved draft: the number of the report it was issued as."""
    report_to: tuple[str, ...] = ()
    """보고처, as frozen in its snapshot."""
    reprints: tuple[tuple[datetime, str | None], ...] = ()
    """Each paper copy made of it (``reprint_copy``): when and by whom, from the audit trail."""
    prepared_name: str | None = None
    approved_name: str | None = None
    """The preparer and approver as people read them (display names); ``prepared_by`` and
    ``approved_by`` stay the user names the register's JSON carries."""

    @property
    def is_draft(self) -> bool:
        return self.number is None

    def title(self, lang: str = "ko") -> str:
        if self.number is None and self.approved_as is not None:
            # No longer a draft to approve: the list says what it became.
            if self.approved_number is None:
                return "승인됨" if lang == "ko" else "Approved"
            return (f"제{self.approved_number}보로 승인됨" if lang == "ko"
                    else f"Approved as No. {self.approved_number}")
        if self.number is None:
            return "초안" if lang == "ko" else "Draft"
        text = f"제{self.number}보" if lang == "ko" else f"No. {self.number}"
        if self.duplicates:
            others = ", ".join(self.duplicates)
            text += (f" (중복: {others} 발행본과 번호 중복)" if lang == "ko"
                     else f" (duplicate: same number as {others}'s report)")
        return text


@dataclass(frozen=True)
class Reprint:
    pdf: bytes
    sha256: str
    stored_sha256: str

    @property
    def first_print(self) -> bool:
        """The report was recorded without a PDF of the console's (the demo's 40 reports,
        issued on paper): nothing to compare, this reprint is its first print."""
        return self.stored_sha256 == ""

    @property
    def matches(self) -> bool:
        return self.first_print or self.sha256 == self.stored_sha256


@dataclass(frozen=True)
class FallbackSettings:
    folder: Path | None
    every_minutes: int
    keep: int
    last_written: datetime | None


def file_name(row: ReportRow) -> str:
    stamp = kst(row.as_of).strftime("%Y%m%d-%H%M")
    if row.number is None:
        return f"상황보고_초안_{stamp}_{row.id[-8:]}.pdf"
    suffix = f"_{row.id[-8:]}" if row.duplicates else ""
    return f"상황보고_제{row.number}보_{stamp}{suffix}.pdf"
