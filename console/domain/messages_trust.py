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
}
