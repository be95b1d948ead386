"""The catalogue's sentences the command line says when a command has done its work, and its
usage complaints (console.domain.messages merges them). Lines meant for programs (ids, paths
alone, JSON, ``number N``) are not here: they stay the same in every language."""

from __future__ import annotations

CLI_MESSAGES: dict[str, tuple[str, str]] = {
    "cli.password_prompt": ("{user}의 암호: ", "password for {user}: "),
    "cli.new_password_prompt": ("{user}의 새 암호: ", "new password for {user}: "),
    "cli.new_user_password_prompt": ("새 사용자의 암호: ", "new user's password: "),
    "cli.passphrase_prompt": ("옮긴 키의 암호: ", "passphrase for the moved key: "),
    "cli.out_suffix": (
        "--out {path}: 파일 이름은 {suffix}(으)로 끝나야 합니다",
        "--out {path}: the file name must end in {suffix}"),
    "cli.hub_needs_url": (
        "처음 sync hub를 할 때는 --url이 필요합니다",
        "sync hub needs --url the first time"),
    "cli.updates_or_cancels": (
        "--updates와 --cancels 중 하나만 주십시오",
        "give --updates or --cancels, not both"),
    "cli.initialised": (
        "{path}을(를) 단말 '{workstation}', 관리자 '{admin}'(으)로 초기화했습니다",
        "initialised {path} for workstation '{workstation}', admin '{admin}'"),
    "cli.demo_built": (
        "시연 데이터베이스 {path}: 장애 {outages}건, 사용자 {users} (암호 'demo')",
        "demo database {path}: {outages} outages; users {users} (password 'demo')"),
    "cli.would_import": (
        "가져올 시스템 {rows}개 (새로 {created}개, 변경 {updated}개, 새 부서 {departments}개, 새 시설 {facilities}개): 시험 실행이라 아무것도 바꾸지 않았습니다",
        "would import {rows} systems ({created} new, {updated} changed; {departments} new departments, {facilities} new facilities)"),
    "cli.imported": (
        "시스템 {rows}개를 가져왔습니다 (새로 {created}개, 변경 {updated}개, 새 부서 {departments}개, 새 시설 {facilities}개)",
        "imported {rows} systems ({created} new, {updated} changed; {departments} new departments, {facilities} new facilities)"),
    "cli.systems_exported": (
        "시스템 {count}개를 {file}(으)로 내보냈습니다",
        "exported {count} systems to {file}"),
    "cli.backup_written": (
        "백업을 쓰고 검증했습니다: {path}",
        "backup written and verified: {path}"),
    "cli.restored": (
        "{db}을(를) {file}에서 복원했습니다. 바뀌기 전 데이터베이스를 보관했습니다: {kept}",
        "restored {db} from {file}; the replaced database is kept as {kept}"),
    "cli.restored_new_identity": (
        "이 데이터베이스는 이제 새 단말 '{name}'(으)로 기록합니다(백업이 이 단말이 이미 나눴을 수 있는 변경보다 오래되었습니다): 다른 단말마다 이 키를 신뢰하게 하십시오(여기서: keys export --out FILE, 그곳에서: keys trust FILE)",
        "this database now writes as a new workstation, '{name}' (the backup is older than the changes this workstation may have shared): on each other workstation, trust its key (here: keys export --out FILE; there: keys trust FILE)"),
    "cli.verified": (
        "ok: {path}은(는) 무결성, 참조, 불변 조건 검사를 통과했습니다",
        "ok: {path} passed integrity, reference and invariant checks"),
    "cli.bundle_exported": (
        "변경 {changes}건을 {path}(으)로 내보냈습니다 ({size} bytes)",
        "exported {changes} changes to {path} ({size} bytes)"),
    "cli.bundle_pending": (
        "더 새 버전의 프로그램이 만든 번들입니다: 보관했다가 업그레이드한 뒤 반영합니다",
        "bundle from a newer program version: kept, applied after upgrading"),
    "cli.bundle_imported": (
        "변경 {received}건 중 새것 {new}건을 {file}에서 가져왔습니다",
        "imported {new} new of {received} changes from {file}"),
    "cli.hub_synced": (
        "허브: 보냄 {pushed}건, 받음 {pulled}건 (새것 {new}건)",
        "hub: pushed {pushed}, pulled {pulled} ({new} new)"),
    "cli.no_rows": ("(없음)", "(none)"),
    "cli.no_conflicts": ("(해소되지 않은 충돌 없음)", "(no open conflicts)"),
    "cli.conflict_candidate": (
        "  [{number}] {value}  작성 {author}, 단말 {workstation}, {at}",
        "  [{number}] {value}  by {author} at {workstation}, {at}"),
    "cli.key_exported": (
        "'{name}'의 공개 키를 {path}에 썼습니다",
        "wrote the public key of '{name}' to {path}"),
    "cli.key_moved": (
        "이 데이터베이스는 이제 같은 단말로서 이 PC에 속합니다",
        "this database now belongs to this PC, as the same workstation"),
    "cli.key_moved_out": (
        "봉인한 서명 키를 {path}에 썼습니다: 키 파일과 암호는 따로 옮기십시오",
        "wrote the sealed signing key to {path}; carry it and the passphrase separately"),
    "cli.key_moved_in": (
        "서명 키를 {path}에 설치했습니다",
        "installed the signing key in {path}"),
    "cli.reidentified": (
        "이 데이터베이스는 이제 단말 '{name}'({station})(으)로 기록합니다. 다른 단말들이 이 키를 신뢰해야 합니다: 여기서 keys export --out FILE, 그곳에서 keys trust FILE",
        "this database now writes as workstation '{name}' ({station}); the others must trust its key: keys export --out FILE here, keys trust FILE there"),
    "cli.key_trusted": (
        "단말 '{name}'({id})을(를) 신뢰합니다",
        "trusted workstation '{name}' ({id})"),
    "cli.desktop_missing": (
        "이 데스크톱에서는 아직 콘솔 창을 열 수 없습니다: {parts}",
        "this desktop cannot show the console yet: {parts}"),
    "cli.internal_error": (
        "내부 오류({kind}: {error}): 자세한 내용은 CONSOLE_DEBUG=1로 다시 실행하십시오",
        "internal error ({kind}: {error}); run again with CONSOLE_DEBUG=1 for details"),
    "cli.window_cannot_start": (
        "창을 시작할 수 없습니다: {error}",
        "the window cannot start: {error}"),
}
