"""A small database with two versions of the mini form, whose portfolio numbers are worked out by hand.

mini 1.0: REG-01, REG-02 (default target 4), OPS-01, OPS-02
mini 2.0: REG-01, REG-03 (new), OPS-01, OPS-05 (replaces OPS-02; default target 4); REG-02 dropped

 #  site (ref)               version  date        status  REG-01 REG-02 REG-03 OPS-01       OPS-02/05
 1  Ibrahim Khalil (IQ-IK)   1.0      2024-01-10  final   2      1      -      3 (target 5) 2
 2  Ibrahim Khalil (IQ-IK)   2.0      2025-03-01  final   3      -      2      3            4 (target 3)
 3  Trebil (IQ-TR)           1.0      2024-06-01  draft   2      N/A    -      Unknown      1
 4  Trebil (IQ-TR)           2.0      2025-06-01  final   1      -      5      2            2
 5  Baghdad Airport (no ref) 2.0      2025-02-01  final   4      -      1      N/A          3
 6  Ibrahim Khalil (IQ-IK)   2.0      2025-05-01  final   5      -      5      5            5   <- deleted
Assessment 1 also holds a break-out group's answer (REG-01 = 5, group "Group 1"): never counted.
"""

from __future__ import annotations

from pathlib import Path

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.questionnaire import load_form

FORMS = Path(__file__).parent / "forms"
IK = Site("Ibrahim Khalil", "IQ", "land", "IQG15", reference_id="IQ-IK")
TREBIL = Site("Trebil", "IQ", "land", "IQG01", reference_id="IQ-TR")
AIRPORT = Site("Baghdad Airport", "IQ", "air", "IQG07")


def forms():
    return load_form(FORMS / "mini.yaml"), load_form(FORMS / "mini-v2.yaml")


def _answers(**levels) -> list[Answer]:
    answers = []
    for key, value in levels.items():
        indicator = key.replace("_", "-")
        if isinstance(value, tuple):
            answers.append(Answer(indicator, level=value[0], target=value[1]))
        elif value in ("na", "unknown"):
            answers.append(Answer(indicator, special=value))
        else:
            answers.append(Answer(indicator, level=value))
    return answers


def build(store) -> dict[int, int]:
    """Fill ``store``; returns the database id of each assessment by its number in the table above."""
    v1, v2 = forms()
    plan = [
        (IK, v1, "2024-01-10", "final", _answers(REG_01=2, REG_02=1, OPS_01=(3, 5), OPS_02=2)),
        (IK, v2, "2025-03-01", "final", _answers(REG_01=3, REG_03=2, OPS_01=3, OPS_05=(4, 3))),
        (TREBIL, v1, "2024-06-01", "draft", _answers(REG_01=2, REG_02="na", OPS_01="unknown", OPS_02=1)),
        (TREBIL, v2, "2025-06-01", "final", _answers(REG_01=1, REG_03=5, OPS_01=2, OPS_05=2)),
        (AIRPORT, v2, "2025-02-01", "final", _answers(REG_01=4, REG_03=1, OPS_01="na", OPS_05=3)),
        (IK, v2, "2025-05-01", "final", _answers(REG_01=5, REG_03=5, OPS_01=5, OPS_05=5)),
    ]
    ids = {}
    for number, (site, form, date, status, answers) in enumerate(plan, start=1):
        if number == 1:
            answers.append(Answer("REG-01", level=5, group="Group 1"))
        assessment = Assessment(form.id, form.version, site, date=date, status=status, mode=form.mode)
        ids[number] = store.create_assessment(assessment, form, answers)
    store.delete_assessment(ids[6])
    return ids
