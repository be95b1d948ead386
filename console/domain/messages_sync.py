"""The catalogue's sentences about sync under rarer histories — holes after a restore, a hub
re-created under the same address, work a restore sets aside (console.domain.messages merges
them; docs/sync.md)."""

from __future__ import annotations

SYNC_HISTORY_MESSAGES: dict[str, tuple[str, str]] = {
    "sync.hole": (
        "단말 '{name}'의 변경 {first}–{last}번이 아직 이 단말에 없습니다(그 뒤의 변경은 받았습니다). 이 단말에서 만든 꾸러미를 그 단말에 가져가 가져오기 하면, 그 단말의 다음 'sync export --for' 꾸러미에 빠진 변경이 실립니다",
        "changes {first}–{last} of workstation '{name}' are still missing here (later ones arrived): import a bundle made here on that workstation, and its next 'sync export --for' bundle carries them"),
    "hub.new_identity": (
        "허브 {url}이(가) 새로 만들어졌거나 복원되었습니다(허브 ID {old} → {new}): 처음부터 다시 받았습니다",
        "the hub at {url} was re-created or restored (hub id {old} → {new}): pulled again from its beginning"),
    "conflict.secret_value": (
        "{table}.{field}에는 값을 입력할 수 없습니다: 누구의 것을 남길지 '--keep N'으로 고르십시오(목록: 'sync conflicts')",
        "{table}.{field} cannot be typed in: choose whose to keep with '--keep N' (see 'sync conflicts')"),
    "conflict.status_value": (
        "{table}.{field}은(는) 충돌한 값 중 하나로만 해소할 수 있습니다({values}): '--keep N' 또는 그 값을 쓰십시오",
        "{table}.{field} can only be resolved to one of the conflicting values ({values}): use '--keep N' or one of them"),
    "conflict.secret_candidate": (
        "(비밀번호 변경 — 작성자 {author}, 단말 {workstation})",
        "(password changed — by {author} at {workstation})"),
    "restore.unshared_dropped": (
        "이 단말에서 기록했지만 아직 다른 단말에 보내지 않은 변경 {count}건은 백업에 없어 복원된 데이터베이스에서 빠졌습니다. 보관된 파일 {kept}에 남아 있으니, 거기서 꾸러미를 만들어('incident-console --db {kept} sync export --out FILE') 이 데이터베이스에서 가져오기 하면 되살아납니다('incident-console --db {db} sync import FILE')",
        "{count} change(s) written here and not yet shared are not in the backup, so the restored database lacks them. They stay in the kept file {kept}: export a bundle from it ('incident-console --db {kept} sync export --out FILE') and import it here ('incident-console --db {db} sync import FILE') to bring them back"),
    "hub.rewound": (
        "허브 {url}에 이 단말이 마지막으로 받은 변경({cursor}번)이 예전 그대로 있지 않습니다(허브가 복원되었습니까?): 처음부터 다시 받았습니다",
        "the hub at {url} no longer holds the change this workstation last pulled (hub row {cursor}) as it was (was the hub restored?): pulled again from its beginning"),
    "repair.bad_fork": (
        "--from에는 1 이상의 변경 번호를 주십시오(입력값: {seq})",
        "--from takes a change number of 1 or more (got {seq})"),
    "repair.set_aside": (
        "이 데이터베이스가 단말 '{former}'(으)로 기록한 변경 {count}건({first}–{last}번)은 증거로 따로 보관했고, 같은 내용을 단말 '{site}'의 {new_first}–{new_last}번으로 다시 발행했습니다: 보관한 변경은 내보내지 않으며, 원래 단말의 같은 번호 변경을 받아들입니다",
        "{count} change(s) this database wrote as workstation '{former}' (#{first}–{last}) are set aside as evidence and re-issued, same content, as '{site}' #{new_first}–{new_last}: the set-aside ones are never exported, and the original's own changes with those numbers are accepted"),
}
