"""``drill …``: exercises (DESIGN.md §7, second part; docs/drills.md).

``drill scenarios`` and ``drill new`` need no database of their own (``new`` makes one at
``--out``); the others work on the exercise database named by ``--db``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from console.cli.commands import actor, open_services
from console.cli.output import json_time, print_json, print_table
from console.domain.drill_clock import format_duration, parse_duration
from console.services.app import Services

_WORDS = {
    "made": ("훈련 데이터베이스 {path}: 시나리오 '{name}', 상황부여 {count}건. 훈련 시계는 멈춤 상태(경과 +00:00)",
             "drill database {path}: scenario '{name}', {count} injects; the drill clock is paused at +00:00"),
    "clock": ("훈련 시계 경과 {elapsed} ({state}, {speed}배속) · 훈련 시각 {moment} · 상황부여 {applied}/{total}",
              "drill clock {elapsed} ({state}, {speed}×) · drill time {moment} · injects {applied}/{total}"),
    "running": ("진행", "running"),
    "paused": ("멈춤", "paused"),
    "next": ("다음 상황부여 {number}: {at} {text}", "next inject {number}: {at} {text}"),
    "none_left": ("남은 상황부여 없음", "no injects left"),
    "score": ("점수 {score}점 (감점 {count}건)", "score {score} ({count} deductions)"),
    "aar": ("사후강평 보고서 {path} ({size} bytes)", "after-action report {path} ({size} bytes)"),
    "lesson": ("교훈을 기록했습니다", "lesson recorded"),
    "judged": ("판정 감점을 기록했습니다: {label} -{points}점", "judgement deduction recorded: {label} -{points}"),
    "reset": ("훈련을 처음 상태로 되돌렸습니다: 시나리오 '{name}', 채점표와 훈련 표시는 그대로입니다",
              "the drill is back at its start: scenario '{name}'; its scoring table and exercise mark are kept"),
    "replay": ("{path}: 상황부여 {count}건의 시나리오 '{name}'", "{path}: scenario '{name}' with {count} injects"),
}


def _say(args: argparse.Namespace, key: str, **values: object) -> str:
    ko, en = _WORDS[key]
    return (en if (args.lang or "ko") == "en" else ko).format(**values)


def register(sub: argparse._SubParsersAction) -> None:
    drill = sub.add_parser("drill", help="exercises: scenarios, the drill clock, score, AAR")
    dsub = drill.add_subparsers(dest="action", required=True, metavar="ACTION")
    scen = dsub.add_parser("scenarios", help="the drill scenarios this program ships")
    scen.add_argument("--json", action="store_true", help="a JSON array of objects")
    new = dsub.add_parser("new", help="a new exercise database from a scenario")
    new.add_argument("--scenario", required=True)
    new.add_argument("--out", required=True)
    status = dsub.add_parser("status", help="the drill clock and the next inject")
    status.add_argument("--json", action="store_true", help="one JSON object")
    dsub.add_parser("start", help="start (or resume) the drill clock")
    dsub.add_parser("pause", help="pause the drill clock")
    speed = dsub.add_parser("speed", help="run the drill clock at 1×, 2× or 10×")
    speed.add_argument("speed", type=int)
    dsub.add_parser("next", help="jump to the next inject and apply it")
    dsub.add_parser("reset", help="put the drill back to its start: its records removed, the "
                    "clock at +00:00 and paused (controller)")
    advance = dsub.add_parser("advance", help="move the drill clock; injects due are applied")
    how = advance.add_mutually_exclusive_group(required=True)
    how.add_argument("--by", help="a duration: 30m, 2h, 1h30m, 3d")
    how.add_argument("--to", help="an elapsed time from the start: 45m, 2d")
    score = dsub.add_parser("score", help="the score and its deductions (controller)")
    score.add_argument("--json", action="store_true", help="one JSON object")
    table = dsub.add_parser("scoring", help="the scoring table in effect; --table FILE sets "
                            "this drill's own (controller)")
    table.add_argument("--table", help="a scoring table (JSON, as resources/drills/scoring.json)")
    lesson = dsub.add_parser("lesson", help="record a lesson learnt for the AAR (controller)")
    lesson.add_argument("--text", required=True)
    judge = dsub.add_parser("judge", help="record a judgement deduction (a wrong summary, a "
                            "typo...; the kinds are the scoring table's) (controller)")
    judge.add_argument("--kind", required=True,
                       help="a judgement of the scoring table: summary_error, typo, ...")
    judge.add_argument("--note", required=True, help="what was wrong")
    judge.add_argument("--about", help="the id of the record it is about (a report, a notice)")
    aar = dsub.add_parser("aar", help="after-action report (PDF)")
    aar.add_argument("--out", required=True)
    replay = dsub.add_parser("from-incident",
                             help="turn a closed incident's record into a drill scenario")
    replay.add_argument("--incident")
    replay.add_argument("--out", required=True)
    replay.add_argument("--name", help="the scenario's name (default: the file's name)")


def drill_command(args: argparse.Namespace, db_path: Path) -> int:
    if args.action == "scenarios":
        return _scenarios(args)
    if args.action == "new":
        from console.services.drill_files import new_drill

        scenario = new_drill(Path(args.out), args.scenario)
        print(_say(args, "made", path=args.out, name=scenario.name, count=len(scenario.injects)))
        return 0
    services = open_services(db_path)
    try:
        return _on_services(args, services)
    finally:
        services.close()


def _scenarios(args: argparse.Namespace) -> int:
    from console.services.drills import load_named, scenario_names

    rows = []
    for name in scenario_names():
        scenario, _ = load_named(name)
        rows.append({"name": name, "title": scenario.title, "title_en": scenario.title_en,
                     "injects": len(scenario.injects),
                     "length": format_duration(scenario.length)})
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["name", "injects", "length",
                           "title_en" if args.lang == "en" else "title"], args.lang or "ko")
    return 0


def _on_services(args: argparse.Namespace, services: Services) -> int:
    drills = services.drills
    if args.action == "status":
        return _status(args, services)
    if args.action == "score":
        result = services.drill_score.score(actor(args, services))
        if args.json:
            _dump(result.figures())
        else:
            print(_say(args, "score", score=f"{result.score:g}", count=result.count))
            lang = args.lang or "ko"
            for line in result.deductions:
                print(f"  -{line.points:g}  {line.reason(lang)}")
            for judged in result.judgements:
                print(f"  -{judged.points:g}  {judged.reason(lang)}")
        return 0
    if args.action == "scoring":
        if args.table:
            services.drill_score.set_table(actor(args, services), Path(args.table))
        table = services.drill_score.table()
        _dump({"start": table.start,
               "acknowledgement_within": format_duration(table.acknowledgement_within),
               "activation_within": format_duration(table.activation_within),
               "deductions": table.deductions,
               "judgements": {kind: {"label": j.label, "label_en": j.label_en,
                                     "points": j.points}
                              for kind, j in table.judgements.items()}})
        return 0
    if args.action == "judge":
        services.drill_score.judge(actor(args, services), args.kind, args.note, args.about)
        kind = services.drill_score.table().judgements[args.kind]
        print(_say(args, "judged", label=kind.label_en if args.lang == "en" else kind.label,
                   points=f"{kind.points:g}"))
        return 0
    if args.action == "aar":
        pdf = services.drill_score.after_action_report(actor(args, services), args.lang or "ko")
        Path(args.out).write_bytes(pdf)
        print(_say(args, "aar", path=args.out, size=len(pdf)))
        return 0
    if args.action == "from-incident":
        from console.services.drill_replay import scenario_from_incident

        name = args.name or Path(args.out).stem
        data = scenario_from_incident(services, name, args.incident)
        Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
        print(_say(args, "replay", path=args.out, name=name, count=len(data["injects"])))
        return 0
    who = actor(args, services)
    if args.action == "start":
        drills.start(who)
    elif args.action == "pause":
        drills.pause(who)
    elif args.action == "speed":
        drills.set_speed(who, args.speed)
    elif args.action == "next":
        drills.next_inject(who)
    elif args.action == "reset":
        services.drill_reset.reset(who)
        print(_say(args, "reset", name=drills.scenario().name))
    elif args.action == "advance":
        if args.by:
            drills.advance(who, by=parse_duration(args.by))
        else:
            drills.advance(who, to=parse_duration(args.to))
    elif args.action == "lesson":
        drills.add_lesson(who, args.text)
        print(_say(args, "lesson"))
        return 0
    return _status(args, services)


def _status(args: argparse.Namespace, services: Services) -> int:
    status = services.drills.status()
    upcoming = status.next_inject
    if getattr(args, "json", False):
        _dump({"scenario": status.scenario.name, "elapsed": format_duration(status.elapsed),
               "elapsed_seconds": int(status.elapsed.total_seconds()),
               "moment": json_time(status.moment), "running": status.running,
               "speed": status.speed, "applied": status.applied,
               "total": len(status.scenario.injects),
               "next_inject": None if upcoming is None else {
                   "number": upcoming.number, "at": format_duration(upcoming.at),
                   "team": upcoming.team.value, "text": upcoming.text}})
        return 0
    print(_say(args, "clock", elapsed=format_duration(status.elapsed),
               state=_say(args, "running" if status.running else "paused"),
               speed=status.speed, moment=json_time(status.moment), applied=status.applied,
               total=len(status.scenario.injects)))
    if upcoming is None:
        print(_say(args, "none_left"))
    else:
        text = upcoming.text_en if args.lang == "en" and upcoming.text_en else upcoming.text
        print(_say(args, "next", number=upcoming.number, at=format_duration(upcoming.at),
                   text=text))
    return 0


def _dump(figures: dict[str, Any]) -> None:
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {}
STANDALONE: dict[str, Callable[[argparse.Namespace, Path], int]] = {"drill": drill_command}
