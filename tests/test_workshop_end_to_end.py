"""Issue 18, done when: a three-group workshop run end to end through the command line on four databases.

The facilitator's database and three group laptops: groups set, files prepared, each
laptop imports its file, answers and writes its challenges and contributions, the
facilitator merges the three files, sees the 1-versus-5 disagreement, is refused a
settlement without a note (exit 1), settles with one; the report shows both groups'
levels and the note, and the export re-imports with every output intact.
"""

from __future__ import annotations

import json
import subprocess
import unicodedata

from tools import need_command

from hbm_assess.cli import main

GROUPS = {
    "Legal": "REG-01,REG-02",
    "Operations": "REG-01,OPS-01,OPS-02",
    "Information": "INF-01,INF-02,REG-02",
}
# What each laptop scores: Legal and Operations are four levels apart on REG-01; REG-02 is one apart.
SCORES = {
    "Legal": [("REG-01", "1", "No law on mass influx"), ("REG-02", "2", "")],
    "Operations": [("REG-01", "5", "Admitted 200,000 people in 2014"), ("OPS-01", "3", "SOP seen"),
                   ("OPS-02", "na", "")],
    "Information": [("INF-01", "2", ""), ("INF-02", "unknown", ""), ("REG-02", "3", "")],
}
OUTPUTS = {
    "Legal": [("REG", "challenge", "", ["REG-01"], "No legal basis to admit people without documents"),
              ("REG", "strategy", "", [], "Draft an emergency entry regulation with MoFA"),
              ("all", "contribution", "MoFA", [], "Legal drafting support")],
    "Operations": [("OPS", "challenge", "", ["OPS-01"], "SOPs differ between Ibrahim Khalil and Rabia"),
                   ("OPS", "contribution", "BMD", ["OPS-01", "OPS-02"], "Registration teams for surge")],
    "Information": [("INF", "challenge", "", ["INF-01"], "Paper registers at internal checkpoints"),
                    ("INF", "contribution", "MoMD", [], "Share displacement statistics weekly")],
}


def cli(capsys, *args, expect: int = 0) -> str:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == expect, f"hbm-assess {' '.join(map(str, args))} → {code}: {err}"
    return out if expect == 0 else err


def test_three_groups_four_databases_disagreement_kept_until_settled_with_a_note(tmp_path, capsys):
    need_command("pdftotext", "poppler-utils")
    hq = tmp_path / "facilitator.sqlite"
    made = json.loads(cli(capsys, "--db", hq, "new", "--form", "hbm-detailed", "--scope", "national",
                          "--site", "Iraq national workshop, Erbil", "--date", "2014-08-20",
                          "--institution", "MoI", "--institution", "MoMD", "--json"))
    workshop_id = made["id"]
    assert made["scope"] == "national"
    cli(capsys, "--db", hq, "workshop", "groups", workshop_id,
        *[arg for name, indicators in GROUPS.items() for arg in ("--group", f"{name}={indicators}")])
    files = cli(capsys, "--db", hq, "workshop", "files", workshop_id, "-o", tmp_path / "to-groups").split()
    assert len(files) == 3

    back = []
    for group in GROUPS:
        laptop = tmp_path / f"laptop-{group}.sqlite"
        [mine] = [f for f in files if f.endswith(f"-{group}.xlsx")]
        assert "imported" in cli(capsys, "--db", laptop, "import", mine)
        [copy] = json.loads(cli(capsys, "--db", laptop, "list", "--json"))
        for indicator, value, evidence in SCORES[group]:  # no --group: the laptop knows its group
            cli(capsys, "--db", laptop, "answer", copy["id"], indicator, value,
                *(["--evidence", evidence] if evidence else []))
        for area, kind, institution, indicators, words in OUTPUTS[group]:
            cli(capsys, "--db", laptop, "workshop", "note", copy["id"], "--area", area, "--kind", kind,
                *(["--institution", institution] if institution else []),
                *[arg for i in indicators for arg in ("--indicator", i)], words)
        back.append(tmp_path / f"from-{group}.xlsx")
        cli(capsys, "--db", laptop, "export", copy["id"], "-o", back[-1])

    merged = cli(capsys, "--db", hq, "import", *back)
    assert merged.count("updated") >= 3, merged
    cases = {c["indicator"]: c for c in json.loads(cli(capsys, "--db", hq, "workshop", "cases", workshop_id,
                                                       "--json"))}
    assert set(cases) == {"REG-01", "REG-02"}
    reg01 = cases["REG-01"]
    assert {g: v["level"] for g, v in reg01["groups"].items()} == {"Legal": 1, "Operations": 5}
    assert (reg01["spread"], reg01["disagreement"], reg01["settled"]) == (4, True, False)
    assert (cases["REG-02"]["spread"], cases["REG-02"]["disagreement"]) == (1, False)
    outputs = json.loads(cli(capsys, "--db", hq, "workshop", "outputs", workshop_id, "--json"))
    assert sorted((o["group"], o["kind"], o["text"]) for o in outputs) == sorted(
        (group, kind, words) for group, entries in OUTPUTS.items() for _, kind, _, _, words in entries)

    refused = cli(capsys, "--db", hq, "workshop", "settle", workshop_id, "REG-01", "2", expect=1)
    assert "differ by 4 levels" in refused
    assert not json.loads(cli(capsys, "--db", hq, "workshop", "cases", workshop_id, "--json"))[0]["settled"]
    note = "A draft regulation exists; it was applied once, in 2014"
    cli(capsys, "--db", hq, "workshop", "settle", workshop_id, "REG-01", "2", "--note", note)
    cli(capsys, "--db", hq, "workshop", "settle", workshop_id, "REG-02", "2")  # one level apart: no note needed

    pdf = tmp_path / "workshop.pdf"
    cli(capsys, "--db", hq, "report", workshop_id, "-o", pdf)
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())
    assert "groups: Legal 1 / Operations 5" in text
    assert f"Note: {note}" in text and "Agreed level: 2 · Limited capacity" in text
    assert "unsettled" not in text

    exported = tmp_path / "workshop.xlsx"
    cli(capsys, "--db", hq, "export", workshop_id, "-o", exported)
    elsewhere = tmp_path / "hq-archive.sqlite"
    assert "imported" in cli(capsys, "--db", elsewhere, "import", exported)
    [copy] = json.loads(cli(capsys, "--db", elsewhere, "list", "--json"))
    assert copy["scope"] == "national"
    again = json.loads(cli(capsys, "--db", elsewhere, "workshop", "outputs", copy["id"], "--json"))
    assert again == outputs
    copied_cases = json.loads(cli(capsys, "--db", elsewhere, "workshop", "cases", copy["id"], "--json"))
    assert copied_cases == json.loads(cli(capsys, "--db", hq, "workshop", "cases", workshop_id, "--json"))
