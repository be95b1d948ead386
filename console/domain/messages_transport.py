"""The catalogue's sentences about moving changes between workstations: bundles, the hub,
signing keys, workstation identities and sync conflicts (console.domain.messages merges them;
docs/sync.md, docs/trust.md)."""

from __future__ import annotations

TRANSPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "bundle.entry_too_large": (
        "번들 거부: {entry}이(가) {limit}바이트보다 큽니다",
        "bundle refused: {entry} is larger than {limit} bytes"),
    "bundle.unpacks_too_large": (
        "번들 거부: 압축을 풀면 {mib}MiB를 넘습니다(압축 폭탄 의심)",
        "bundle refused: it unpacks to more than {mib} MiB (zip bomb?)"),
    "bundle.unreadable": (
        "번들 거부: {file}은(는) 읽을 수 있는 번들이 아닙니다(잘렸거나 ZIP 파일이 아님: {error})",
        "bundle refused: {file} is not a readable bundle (truncated or not a ZIP: {error})"),
    "bundle.unsafe_entry": (
        "번들 거부: 안전하지 않은 항목 이름 '{entry}'(경로 조작)",
        "bundle refused: unsafe entry name '{entry}' (path traversal)"),
    "bundle.unexpected_entry": (
        "번들 거부: 예상하지 않은 항목 '{entry}'이(가) 있습니다",
        "bundle refused: unexpected entry '{entry}'"),
    "bundle.entries": (
        "번들 거부: 번들에는 정확히 {entries}만 있어야 합니다",
        "bundle refused: it must hold exactly {entries}"),
    "bundle.zip_bomb": (
        "번들 거부: 선언된 크기가 압축 폭탄으로 보입니다({packed}바이트에서 {total}바이트, 비율 {ratio})",
        "bundle refused: declared sizes look like a zip bomb ({total} bytes from {packed}, ratio {ratio})"),
    "bundle.damaged": (
        "번들 거부: 손상되었거나 잘린 파일입니다({error})",
        "bundle refused: damaged or truncated ({error})"),
    "bundle.bad_manifest": (
        "번들 거부: manifest.json이 번들 목록 파일이 아닙니다",
        "bundle refused: manifest.json is not a bundle manifest"),
    "bundle.untrusted_signer": (
        "번들 거부: 서명한 단말 '{name}'({origin})은(는) 이 단말이 신뢰하는 단말이 아닙니다. 먼저 'keys trust'로 그 단말의 키를 신뢰하십시오",
        "bundle refused: signer '{name}' ({origin}) is not a trusted workstation here; trust its key first with 'keys trust'"),
    "bundle.bad_signature": (
        "번들 거부: 서명이 맞지 않습니다(변조되었거나 '{name}'이(가) 서명하지 않음)",
        "bundle refused: the signature does not match (tampered, or not signed by '{name}')"),
    "bundle.format": (
        "번들 거부: 형식 버전 {found}은(는) 지원하지 않습니다(이 프로그램은 {supported}을(를) 읽습니다)",
        "bundle refused: format version {found} is not supported (this program reads {supported})"),
    "bundle.payload_too_large": (
        "번들 거부: changes.jsonl이 서명된 목록 파일에 적힌 크기보다 큽니다(변조)",
        "bundle refused: changes.jsonl is larger than its signed manifest says (tampered)"),
    "bundle.line_too_long": (
        "번들 거부: changes.jsonl의 {line}번째 줄이 {limit}바이트보다 깁니다",
        "bundle refused: line {line} of changes.jsonl is longer than {limit} bytes"),
    "bundle.payload_mismatch": (
        "번들 거부: changes.jsonl이 서명된 목록 파일과 맞지 않습니다(변조되었거나 잘림)",
        "bundle refused: changes.jsonl does not match its signed manifest (tampered or truncated)"),
    "bundle.line_not_json": (
        "번들 거부: changes.jsonl의 {line}번째 줄이 JSON이 아닙니다",
        "bundle refused: line {line} of changes.jsonl is not JSON"),
    "bundle.line_not_change": (
        "번들 거부: {line}번째 줄이 변경 기록이 아닙니다",
        "bundle refused: line {line} is not a change"),
    "bundle.malformed_change": (
        "번들 거부: {number}번째 변경 기록의 필드 형식이 잘못되었습니다",
        "bundle refused: change {number} has malformed fields"),
    "bundle.number_out_of_range": (
        "번들 거부: {number}번째 변경 기록의 {field} 값이 데이터베이스 정수 범위(부호 있는 64비트)를 벗어납니다",
        "bundle refused: change {number}: its {field} is beyond a database integer (signed 64-bit)"),
    "bundle.malformed_value": (
        "번들 거부: {number}번째 변경 기록의 값(value) 또는 대체 목록(supersedes)이 올바른 JSON이 아닙니다",
        "bundle refused: change {number} has a value or supersedes list that is not valid JSON of its kind"),
    "bundle.broken_chain": (
        "번들 거부: {site}#{seq}에서 해시 체인이 끊어졌습니다",
        "bundle refused: broken hash chain at {site}#{seq}"),
    "bundle.bad_heads": (
        "번들 거부: 목록 파일의 체인 머리 정보 형식이 잘못되었습니다",
        "bundle refused: chain heads in the manifest are malformed"),
    "bundle.head_mismatch": (
        "번들 거부: {site}의 체인 머리가 서명된 목록 파일과 맞지 않습니다",
        "bundle refused: chain head of {site} does not match the signed manifest"),
    "workstation.needs_name": (
        "단말 이름을 입력하십시오",
        "the workstation needs a name"),
    "workstation.no_identity": (
        "이 데이터베이스에는 단말 식별 정보가 없습니다: 먼저 'init'을 실행하십시오",
        "this database has no workstation identity: run 'init'"),
    "bundle.no_file": (
        "번들 파일 {path}이(가) 없습니다: 경로를 확인하십시오",
        "no bundle {path}"),
    "hub.no_url": (
        "허브 주소가 없습니다: --url로 주거나 동기화 화면에서 설정하십시오",
        "no hub URL: give --url or set one in the sync view"),
    "hub.unreachable": (
        "허브 {url}에 연결할 수 없습니다: {error}",
        "hub {url} unreachable: {error}"),
    "conflict.keep_or_value": (
        "충돌을 해소하려면 남길 후보와 새 값 중 하나만 지정하십시오",
        "resolve needs either a candidate to keep or a new value"),
    "conflict.no_field": (
        "{table}.{field} 필드가 없습니다",
        "no field {table}.{field}"),
    "conflict.not_open": (
        "{table} {record} {field}에 해소할 충돌이 없습니다",
        "no open conflict on {table} {record} {field}"),
    "conflict.bad_candidate": (
        "후보 번호 {keep}은(는) 0~{last} 범위를 벗어납니다",
        "candidate {keep} is outside 0–{last}"),
    "conflict.no_record": (
        "이 단말에는 아직 {table} {record} 기록이 없습니다",
        "no {table} {record} here yet"),
    "workstation.not_single": (
        "단말 명부에서 '{reference}'에 해당하는 단말을 하나로 특정할 수 없습니다",
        "no single workstation '{reference}' in the roster"),
    "conflict.bad_value": (
        "'{value}'은(는) 이 필드에 맞는 값이 아닙니다",
        "'{value}' is not a valid value for this field"),
    "keys.no_file": (
        "키 파일 {path}이(가) 없습니다: 경로를 확인하십시오",
        "no key file {path}"),
    "keys.too_large": (
        "{file}은(는) 키 파일이라기에는 너무 큽니다",
        "{file} is too large to be a key file"),
    "keys.not_key_file": (
        "{file}은(는) 단말 키 파일이 아닙니다",
        "{file} is not a workstation key file"),
    "keys.id_mismatch": (
        "{file}: 단말 ID가 그 키와 맞지 않습니다",
        "{file}: the workstation id does not belong to its key"),
    "sync.fork": (
        "거부: 단말 '{name}'에 번호가 {seq}인 서로 다른 변경이 두 개 있습니다. 두 데이터베이스가 한 단말로 기록하고 있거나(복사한 데이터베이스 파일이거나, 변경을 공유한 뒤 복원함), 그 단말이 {seq}번부터 기록을 고쳐 썼습니다. 아무것도 반영하지 않았습니다. 데이터베이스마다 고유한 식별 정보가 필요합니다: docs/sync.md의 'One identity per database'를 보십시오. 복사본에서는 'keys reidentify --name NAME --from {seq}'로 그 변경부터 새 식별 정보로 다시 발행하십시오",
        "refused: workstation '{name}' has two different changes numbered {seq}: two databases are writing as one workstation (a copied database file, or a restore after its changes were shared), or it rewrote its history from change {seq} on; nothing was applied. Each database needs its own identity: see docs/sync.md, 'One identity per database'; on the copy, 'keys reidentify --name NAME --from {seq}' re-issues its changes from that one under its own identity"),
    "hub.bad_url": (
        "허브 주소는 postgresql://로 시작해야 합니다(입력값: '{url}')",
        "hub URL must start with postgresql:// (got '{url}')"),
    "sync.not_home": (
        "이 데이터베이스는 '{here}'가 아니라 PC '{home}'의 것입니다. 이 PC로 옮긴 것이면 확인하고('keys moved'), 복사본이면 고유한 단말 식별 정보를 주십시오('keys reidentify --name NAME'). 아무것도 기록하지 않았습니다",
        "this database belongs to the PC '{home}', not '{here}': if it was moved here, confirm it ('keys moved'); if it is a copy, give it its own workstation identity ('keys reidentify --name NAME'); nothing was written"),
}
