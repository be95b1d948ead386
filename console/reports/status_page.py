"""The static public status page: plain HTML in Korean (index.html) and English (en.html).

No script, no font or style from elsewhere: it reads the same from ``file://``, a USB stick or
any static web host outside the failed infrastructure. Rendered from plain data, so the page is
a pure function of what the service hands it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from console.domain.clock import format_kst


@dataclass(frozen=True)
class ServiceLine:
    name: str
    department: str
    status_ko: str
    status_en: str
    restored: bool
    alternative: str


@dataclass(frozen=True)
class UpdateLine:
    at: datetime
    channel_ko: str
    channel_en: str
    text: str
    text_en: str


_STYLE = """
body{font-family:"Nanum Gothic","Malgun Gothic",sans-serif;margin:1.5rem;color:#1b1b1b;
max-width:60rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.35rem;
text-align:left;vertical-align:top}
.down{color:#b00020;font-weight:bold}.up{color:#1b6e20}
li{margin-bottom:.5rem}.when{color:#555}
"""

_WORDS = {
    "ko": {"title": "서울시 정보시스템 장애 안내", "as_of": "기준 시각", "services":
           "시민 서비스 상태", "name": "서비스", "dept": "담당 부서", "status": "상태",
           "alt": "대체 이용 방법", "updates": "최근 안내", "none": "발송된 안내가 없습니다.",
           "other": "English", "other_href": "en.html", "ask": "문의: 다산콜센터 120",
           "lang": "ko"},
    "en": {"title": "Seoul city information systems: service status", "as_of": "As of",
           "services": "Citizen services", "name": "Service", "dept": "Department",
           "status": "Status", "alt": "Other way to get it", "updates": "Latest updates",
           "none": "No notices issued yet.", "other": "한국어", "other_href": "index.html",
           "ask": "Questions: Dasan call centre 120", "lang": "en"},
}


def render(lang: str, as_of: datetime, incident: str, services: Sequence[ServiceLine],
           updates: Sequence[UpdateLine]) -> str:
    w = _WORDS["en" if lang == "en" else "ko"]
    en = lang == "en"
    rows = "\n".join(
        f"<tr><td>{escape(s.name)}</td><td>{escape(s.department)}</td>"
        f"<td class=\"{'up' if s.restored else 'down'}\">"
        f"{escape(s.status_en if en else s.status_ko)}</td>"
        f"<td>{escape(s.alternative) or '—'}</td></tr>" for s in services)
    items = "\n".join(
        f"<li><span class=\"when\">{escape(format_kst(u.at, lang))} · "
        f"{escape(u.channel_en if en else u.channel_ko)}</span><br>"
        f"{escape((u.text_en or u.text) if en else u.text)}</li>" for u in updates)
    return f"""<!DOCTYPE html>
<html lang="{w['lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(w['title'])}</title>
<style>{_STYLE}</style>
</head>
<body>
<p><a href="{w['other_href']}">{w['other']}</a></p>
<h1>{escape(w['title'])}</h1>
<p>{escape(incident)}</p>
<p id="as-of">{w['as_of']}: {escape(format_kst(as_of, lang))}</p>
<h2>{w['updates']}</h2>
<ul id="updates">
{items or f"<li>{w['none']}</li>"}
</ul>
<h2>{w['services']}</h2>
<table id="services">
<thead><tr><th>{w['name']}</th><th>{w['dept']}</th><th>{w['status']}</th><th>{w['alt']}</th>
</tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p>{w['ask']}</p>
</body>
</html>
"""
