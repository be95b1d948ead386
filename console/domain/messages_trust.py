"""The catalogue's sentences about keys, the hub's trust and tampering (console.domain.messages
merges them): kept apart so the main catalogue stays readable in one sitting."""

from __future__ import annotations

TRUST_MESSAGES: dict[str, tuple[str, str]] = {
    "keys.missing": (
        "이 단말의 서명 키({path})가 없습니다: 옮겨 온 데이터베이스라면 관리자가 원래 PC에서 'keys move-out --out FILE'로 키를 꺼내 여기서 'keys move-in FILE'로 넣으십시오. 복사본이라면 'keys reidentify --name NAME'을 쓰십시오",
        "this workstation's signing key ({path}) is not here: if the database was moved, an administrator takes the key out on the old PC with 'keys move-out --out FILE' and puts it in here with 'keys move-in FILE'; if it is a copy, use 'keys reidentify --name NAME'"),
    "keys.mismatch": (
        "서명 키 {path}이(가) 이 단말의 공개 키와 맞지 않습니다: 다른 단말의 키입니다",
        "the signing key {path} does not match this workstation's public key: it belongs to another workstation"),
    "keys.file_exists": (
        "{path}에 이미 다른 서명 키가 있습니다: 덮어쓰지 않았습니다",
        "a different signing key is already at {path}: not overwritten"),
    "keys.bad_workstation": (
        "'{workstation}'은(는) 단말 ID가 아닙니다",
        "'{workstation}' is not a workstation id"),
    "keys.short_passphrase": (
        "키를 옮길 암호는 8자 이상이어야 합니다(CONSOLE_KEY_PASSPHRASE)",
        "the passphrase that protects a moved key needs at least 8 characters (CONSOLE_KEY_PASSPHRASE)"),
    "keys.not_sealed_key": (
        "{file}: 암호가 틀렸거나 옮긴 서명 키 파일이 아닙니다",
        "{file}: wrong passphrase, or not a moved signing key"),
    "keys.no_passphrase": (
        "암호가 없습니다: CONSOLE_KEY_PASSPHRASE를 설정하거나 터미널에서 실행하십시오",
        "no passphrase: set CONSOLE_KEY_PASSPHRASE or run in a terminal"),
    "hub.refused_rows": (
        "허브에서 받은 변경 {count}건을 거부했습니다(단말 '{site}'): 신뢰하는 단말의 서명이 없습니다. 반영하지 않았습니다",
        "refused {count} change(s) from the hub (workstation '{site}'): not signed by a trusted workstation; not applied"),
    "verify.tampered_title": (
        "데이터베이스 파일 변조 의심",
        "Database file edited outside the program"),
    "verify.tampered": (
        "{at}의 마지막 검사(verify)에서 프로그램 밖에서 고친 흔적 {count}건을 찾았습니다(자세히 보기). 이 단말의 기록을 다른 단말과 맞춰 보고, 백업에서 복원할지 판단하십시오",
        "The last check (verify) at {at} found {count} edit(s) made outside the program (see details). Compare this workstation's records with the others and decide whether to restore a backup"),
    "sync.rewritten": (
        "거부: 단말 '{name}'의 기록이 변경 {seq}번 뒤에서 잘렸거나 고쳐 쓰였습니다(이 단말은 그보다 뒤의 변경을 이미 받았습니다). 아무것도 반영하지 않았습니다. 그 단말은 새 식별 정보가 필요합니다('keys reidentify')",
        "refused: workstation '{name}' rewrote its history after change {seq} (this workstation already holds later changes from it); nothing was applied. That workstation needs a new identity ('keys reidentify')"),
    "database.full": (
        "{folder}의 디스크가 가득 차서 {path}에 쓰지 못했습니다. 이번 입력은 기록되지 않았고 이전 기록은 그대로입니다: 공간을 비운 뒤 다시 하십시오",
        "the disk holding {folder} is full: nothing of this write reached {path}, and what was there is unchanged; free some space and try again"),
    "file.cannot_write": (
        "{path}을(를) 쓰지 못했습니다({error}): 쓰다 만 파일은 지웠습니다. 공간과 권한을 확인하고 다시 하십시오",
        "could not write {path} ({error}); the half-written file was removed: check the space and permissions and try again"),
    "bundle.cannot_write": (
        "번들 {path}을(를) 쓰지 못했습니다({error}): 쓰다 만 파일은 지웠고, 데이터베이스는 그대로입니다",
        "could not write the bundle {path} ({error}); the half-written file was removed and the database is unchanged"),
    "bundle.payload_limit": (
        "번들 거부: 변경 내용이 {mib} MiB를 넘는다고 적혀 있습니다. 읽기 전에 거부했습니다: 나누어 내보내십시오('sync export --for')",
        "bundle refused: it declares more than {mib} MiB of changes; refused before reading: export in parts ('sync export --for')"),
    "database.io_error": (
        "{path}에 쓰는 중 디스크 입출력 오류가 났습니다(공간 부족이나 장치 이상). 이번 작업은 기록되지 않았고 이전 기록은 그대로입니다",
        "a disk I/O error while writing {path} (no space, a size limit or a failing device): nothing of this write was kept, and what was there is unchanged"),
    "hub.no_permission": (
        "허브 {url}의 계정에 필요한 권한이 없습니다({error}): 허브 관리자에게 change_log와 hub_push 테이블에 쓸 권한을 요청하십시오. 아무것도 바뀌지 않았습니다",
        "the account on hub {url} lacks a permission it needs ({error}): ask the hub's administrator for write access to change_log and hub_push; nothing changed"),
    "hub.read_only": (
        "허브 {url}이(가) 읽기 전용입니다(대기 서버이거나 읽기 전용 계정): 쓰기 가능한 주 서버를 지정하십시오. 아무것도 바뀌지 않았습니다",
        "hub {url} is read-only (a standby server or a read-only account): give the writable primary; nothing changed"),
    "hub.shutting_down": (
        "허브 {url}이(가) 종료 중이어서 동기화가 중단되었습니다. 허브에도 이 단말에도 반쯤 된 변경은 남지 않았습니다: 허브가 다시 켜지면 다시 하십시오",
        "hub {url} is shutting down and the sync was cut off; nothing half-done stays on the hub or here: sync again once it is back"),
    "hub.encoding": (
        "허브 {url}의 데이터베이스 인코딩이 {encoding}입니다: 한글이 깨지지 않도록 UTF8 데이터베이스를 쓰십시오(CREATE DATABASE ... ENCODING 'UTF8')",
        "hub {url} stores text as {encoding}: use a UTF8 database so Hangul survives (CREATE DATABASE ... ENCODING 'UTF8')"),
}
