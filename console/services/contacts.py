"""External contacts (국가정보자원관리원 liaison, 행정안전부, data-centre operators, vendors,
자치구): kept as one synced setting, a JSON list, so the roster printout and the paper pack
print them from the record and a workstation's copy travels with sync.

The list is edited whole (a contact has no id of its own): a person names a contact by its
number in the list as it is shown (``contacts list``, the dialog's row), 1-based."""

from __future__ import annotations

import json
import re
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.errors import NotFound, ValidationError
from console.domain.ids import natural_id
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase
from console.store.models import Setting

EXTERNAL_CONTACTS = "external_contacts"

# What a Korean directory writes: 02-0000-1234, +82-2-…, 042) 000-0101, 내선 12.
_PHONE = re.compile(r"^[0-9+()\- ~.,/]*[0-9][0-9+()\- ~.,/]*(내선\s*[0-9]+)?$")


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


def contact(organisation: str, role: str = "", name: str = "", phone: str = ""
            ) -> ExternalContact:
    """A contact as typed, checked: one clear refusal for the first thing wrong."""
    organisation, phone = " ".join(organisation.split()), " ".join(phone.split())
    if not organisation:
        raise ValidationError("contacts.needs_organisation")
    if phone and not _PHONE.match(phone):
        raise ValidationError("contacts.bad_phone", phone=phone)
    return {"organisation": organisation, "role": " ".join(role.split()),
            "name": " ".join(name.split()), "phone": phone}


class ContactService(ServiceBase):
    def entries(self) -> list[ExternalContact]:
        with self.db.sessions() as session:
            return external_contacts(session)

    def set(self, actor: Actor, entry: ExternalContact, number: int | None = None
            ) -> ChangeSet:
        """Add ``entry`` (``number`` None) or replace contact ``number``."""
        actor.require(Action.MANAGE_CONTACTS)
        with self.db.transaction() as session:
            rows = external_contacts(session)
            # The number first: a contact that is not there is the one thing to say.
            at = len(rows) if number is None else _index(rows, number)
            rows[at:at + 1] = [contact(entry["organisation"], entry["role"], entry["name"],
                                       entry["phone"])]
            return self._store(session, actor, rows)

    def remove(self, actor: Actor, number: int) -> ChangeSet:
        actor.require(Action.MANAGE_CONTACTS)
        with self.db.transaction() as session:
            rows = external_contacts(session)
            del rows[_index(rows, number)]
            return self._store(session, actor, rows)

    def _store(self, session: Session, actor: Actor, rows: list[ExternalContact]) -> ChangeSet:
        now, value = self.now(), json.dumps(rows, ensure_ascii=False)
        row = session.scalars(select(Setting).where(Setting.key == EXTERNAL_CONTACTS)).first()
        if row is None:
            row = self.new_entity(Setting(id=natural_id("setting", EXTERNAL_CONTACTS),
                                          key=EXTERNAL_CONTACTS, value=value), actor, now)
            session.add(row)
        else:
            row.value, row.deleted = value, False
            row.updated_at, row.updated_by = now, actor.user_id
        changes = ChangeSet()
        changes.note("setting", row.id)
        return changes


def _index(rows: list[ExternalContact], number: int) -> int:
    if not 1 <= number <= len(rows):
        raise NotFound("contacts.unknown", number=number, count=len(rows))
    return number - 1
