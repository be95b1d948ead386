"""The paper pack carries a dead-computer day: an index naming every file, the roster with
phone numbers and external contacts (from the record), the latest report, a handover
briefing and the blank forms to fill by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

from console.reports.forms import FORM_KINDS, form_title
from console.services.app import Services
from console.services.contacts import external_contacts
from tests.pdftext import pdf_pages


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(pdf_pages(path.read_bytes())))


def test_the_index_names_every_file_and_every_blank_form_is_there(demo: Services,
                                                                   tmp_path: Path) -> None:
    written = demo.reports.write_fallback_pack(tmp_path / "usb")
    files = sorted(p.name for p in written.iterdir())
    index = (written / "index.txt").read_text(encoding="utf-8")
    listed = re.findall(r"^\s*\d+\. (.+)$", index, re.M)
    assert sorted(listed) == files
    assert set(json.loads((written / "manifest.json").read_text())["files"]) == \
        set(files) - {"manifest.json"}
    titles = {kind: re.sub(r"\s+", " ", form_title(kind, "ko")) for kind in FORM_KINDS}
    forms = [name for name in files if "빈양식" in name]
    assert len(forms) == len(FORM_KINDS)
    printed = " ".join(_text(written / name) for name in forms)
    for kind, title in titles.items():
        assert title in printed, kind
    ledger = _text(written / next(n for n in forms if "수기접수대장" in n))
    citizen = [s for s in demo.inventory.systems()
               if s.category.value == "citizen" and s.grade == 1]
    assert citizen and all(f"{s.code} {s.name}"[:20] in ledger for s in citizen)
    assert "교대 브리핑(ICS 201)" in _text(written / "07-교대브리핑-최근8시간.pdf")
    assert "제40보" in _text(written / "00-상황보고_제40보_20251017-1700.pdf")


def test_the_roster_carries_phone_numbers_and_the_external_contacts(demo: Services,
                                                                   tmp_path: Path) -> None:
    written = demo.reports.write_fallback_pack(tmp_path / "usb")
    roster = _text(written / "04-비상연락망.pdf")
    with demo.db.sessions() as session:
        external = external_contacts(session)
    organisations = {e["organisation"] for e in external}
    for needed in ("국가정보자원관리원", "행정안전부", "가상통신(주)", "종로구청"):
        assert needed in organisations
    for contact in external:
        assert contact["phone"] in roster and contact["organisation"] in roster
    for user in demo.reports.printouts.users():
        assert user["contact"] and user["contact"] in roster  # every member has a number
    assert "외부 기관 연락처" in roster
