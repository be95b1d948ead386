"""docs/cli.md is the program's own argument tree: a command or flag added without the page
(or the page edited by hand) fails here. Regenerate: python -m console.cli.reference > docs/cli.md"""

from __future__ import annotations

from pathlib import Path

from console.cli.reference import ADDED, reference

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_the_command_reference_is_the_programs_own() -> None:
    assert DOCS.read_text(encoding="utf-8") == reference()


def test_every_command_has_a_purpose_in_both_languages() -> None:
    rows = [line for line in reference().splitlines() if line.startswith("| `")]
    assert len(rows) > 80
    assert all(not line.endswith("|  |  |") and not line.endswith(" |  |") for line in rows)
    marked = {line.split("`")[1] for line in rows if "` †" in line.split("|")[1]}
    assert marked == {a for a in ADDED if " --" not in a}
