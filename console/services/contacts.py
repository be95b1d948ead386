"""External contacts (국가정보자원관리원 liaison, 행정안전부, data-centre operators, vendors,
자치구): kept as one synced setting, a JSON list, so the roster printout and the paper pack
print them from the record and a workstation's copy travels with sync."""

from __future__ import annotations

import json
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.store.models import Setting

EXTERNAL_CONTACTS = "external_contacts"


class ExternalContact(TypedDict):
    organisation: str
    role: str
    """What they are to the task force: "연계 담당", "운영사 상황실"."""
    name: str
    phone: str


def external_contacts(session: Session) -> list[ExternalContact]:
    text = session.scalars(select(Setting.value).where(Setting.key == EXTERNAL_CONTACTS,
                                                       Setting.deleted.is_(False))).first()
    if not text:
        return []
    rows = json.loads(text)
    return [{"organisation": str(r.get("organisation", "")), "role": str(r.get("role", "")),
             "name": str(r.get("name", "")), "phone": str(r.get("phone", ""))} for r in rows]
