"""Glued digit runs split back into their columns.

Every expected value below was worked out by hand from the digits (the derivations are in the
comments), not copied from the solver's output.
"""

from __future__ import annotations

import pytest

from ingest.text.digit_runs import Identity, RunSplit, split_grid, split_run

# Table 3 rows: 6 applicant columns + 总计.
APPLICANTS_TOTAL = (Identity((0, 1, 2, 3, 4, 5), 6),)
# Table 4: 3 blocks of [维持, 纠正, 其他, 尚未审结, 总计].
TABLE4 = tuple(Identity((b, b + 1, b + 2, b + 3), b + 4) for b in (0, 5, 10))
# Three columns where the last is the sum of the first two.
SUM3 = (Identity((0, 1), 2),)


@pytest.mark.parametrize(
    ("digits", "n", "identities", "expected"),
    [
        # 7 digits into 7 columns: one digit each; the only way.
        pytest.param("0000000", 7, (), (0, 0, 0, 0, 0, 0, 0), id="all-zero row (属于国家秘密0000000)"),
        # '2005' into 3: 2|0|05 and 2|00|5 have leading zeros, 200|5 is two cells; only 20|0|5.
        pytest.param("2005", 3, (), (20, 0, 5), id="unique by leading-zero rule"),
        pytest.param("0", 1, (), (0,), id="a lone zero is a cell"),
        # '640020470' (9 digits, 7 columns): the run ends in 0, so 总计 is 0, 70 or 470 (0470 has a
        # leading zero; 20470 leaves 4 digits for 6 cells). 0 is impossible (6 is a part);
        # 470 leaves 6,4,0,0,2,0 summing to 12. 70 leaves '6400204' into 6 cells with one
        # two-digit cell: 64 (sum 70, ok), 40 (sum 52), 20 (sum 34); 00/02/04 are not cells.
        pytest.param("640020470", 7, APPLICANTS_TOTAL, (64, 0, 0, 2, 0, 4, 70), id="unique by identity (新收申请数量)"),
        # Table 4, 17 digits '12300150000020103' into 15 columns (two extra digits).
        # Block 3 from the end: 总计 ends in 3: '3' (103 would need all others single: 0+0+2+0≠103).
        #   Then 0 | 1 (not 201: >3) | 0 (not 20: 0+20+1+0≠3) | 2 → (2,0,1,0,3).
        # Block 2: 总计 ends on a 0 preceded by zeros back to the 5 ('500000' is 5 extra digits): 0,
        #   so all its parts are 0; 50/500 as a part would not sum to 0 → (0,0,0,0,0).
        # Block 1 is '1230015' into 5 (two extra): 总计 5 forces 1 | 0 | then 123/12+30/1+230, sums ≠5;
        #   总计 15 leaves '12300' into 4: 0 | 0 (30 > 15) | 1,23 (sum 24) or 12,3 (sum 15) → 12,3.
        pytest.param(
            "12300150000020103",
            15,
            TABLE4,
            (12, 3, 0, 0, 15, 0, 0, 0, 0, 0, 2, 0, 1, 0, 3),
            id="table 4: 17-digit run into 15 columns",
        ),
    ],
)
def test_unique_split(digits: str, n: int, identities: tuple[Identity, ...], expected: tuple[int, ...]) -> None:
    assert split_run(digits, n, identities) == RunSplit(expected, 1, "")


@pytest.mark.parametrize(
    ("digits", "n", "identities", "count", "shown"),
    [
        # 1|2|34, 1|23|4, 12|3|4.
        pytest.param("1234", 3, (), 3, "1,2,34 / 1,23,4 / 12,3,4", id="ambiguous without identities"),
        # Of 1|1|213, 1|12|13, 1|121|3, 11|2|13, 11|21|3, 112|1|3 only 1+12=13 and 11+2=13 hold.
        pytest.param("11213", 3, SUM3, 2, "1,12,13 / 11,2,13", id="ambiguous: two splits satisfy the identity"),
    ],
)
def test_ambiguous_split(digits: str, n: int, identities: tuple[Identity, ...], count: int, shown: str) -> None:
    result = split_run(digits, n, identities)
    assert result.values is None
    assert result.candidates == count
    assert f"{count} splits" in result.reason and shown in result.reason and repr(digits) in result.reason


@pytest.mark.parametrize(
    ("digits", "n", "identities"),
    [
        pytest.param("999", 3, SUM3, id="no split satisfies the identity (9+9≠9)"),
        pytest.param("05", 1, (), id="leading zero is never a cell"),
        pytest.param("12", 3, (), id="fewer digits than columns"),
        pytest.param("1234567", 1, (), id="wider than max_width"),
        pytest.param("", 1, (), id="empty run"),
    ],
)
def test_no_split(digits: str, n: int, identities: tuple[Identity, ...]) -> None:
    result = split_run(digits, n, identities)
    assert result.values is None and result.candidates == 0
    assert "no split" in result.reason


def test_enumeration_is_capped() -> None:
    # 60 ones into 20 columns has astronomically many splits; the solver must stop and say so.
    result = split_run("1" * 60, 20)
    assert result.values is None
    assert "too many candidates" in result.reason
    assert result.candidates > 1


@pytest.mark.parametrize(
    ("bad_args"),
    [
        pytest.param(("12a4", 3, ()), id="non-digit"),
        pytest.param(("1234", 0, ()), id="zero columns"),
        pytest.param(("1234", 3, (Identity((0, 1), 3),)), id="identity out of range"),
        pytest.param(("1234", 3, (Identity((0, 1), 1),)), id="total among its parts"),
        pytest.param(("１２", 2, ()), id="full-width digits are the caller's job"),
    ],
)
def test_bad_arguments(bad_args: tuple[str, int, tuple[Identity, ...]]) -> None:
    with pytest.raises(ValueError):
        split_run(*bad_args)


# --- grids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("runs", "column_identities", "expected"),
    [
        # Row 0 alone: (1,12,13) or (11,2,13). Row 1 '101': only 1|0|1. Row 2 '12214': only
        # 12|2|14 holds (1|2|214, 1|22|14, 1|221|4, 12|21|4, 122|1|4 fail). Row 2 = row 0 + row 1
        # column by column: (1,12,13)+(1,0,1) = (2,12,14) ≠ row 2; (11,2,13)+(1,0,1) = (12,2,14).
        pytest.param(
            ("11213", "101", "12214"),
            (Identity((0, 1), 2),),
            ((11, 2, 13), (1, 0, 1), (12, 2, 14)),
            id="column identity picks the ambiguous part row",
        ),
        # The ambiguous row is the total. Row 0 '10212': 10|2|12 only (1|0|212, 10|21|2, 102|1|2
        # fail; 1|02|12 has a leading zero). (10,2,12)+(1,0,1) = (11,2,13), one of row 2's splits.
        pytest.param(
            ("10212", "101", "11213"),
            (Identity((0, 1), 2),),
            ((10, 2, 12), (1, 0, 1), (11, 2, 13)),
            id="column identity picks the ambiguous total row",
        ),
        # Rows 0 and 1 both '11213'; row 2 '22426' alone is (2,24,26) or (22,4,26). Joint solutions:
        # both rows (1,12,13) → (2,24,26); both (11,2,13) → (22,4,26); mixed → (12,14,26), not a
        # split of '22426'. Two joint solutions disagree on every row: nothing is decided.
        pytest.param(
            ("11213", "11213", "22426"),
            (Identity((0, 1), 2),),
            (None, None, None),
            id="two joint solutions: still ambiguous",
        ),
    ],
)
def test_grid(
    runs: tuple[str, ...],
    column_identities: tuple[Identity, ...],
    expected: tuple[tuple[int, ...] | None, ...],
) -> None:
    result = split_grid(runs, 3, SUM3, column_identities)
    assert tuple(r.values for r in result) == expected
    for r in result:
        assert (r.reason == "") == (r.values is not None)


def test_grid_without_joint_solution_keeps_each_rows_own_split() -> None:
    # Row 1 '202' is 2|0|2; row 2 '12214' is 12|2|14; row 0 + row 1 is (3,12,15) or (13,2,15),
    # never (12,2,14): the printed total does not add up. Rows 1 and 2 keep their own splits.
    result = split_grid(("11213", "202", "12214"), 3, SUM3, (Identity((0, 1), 2),))
    assert [r.values for r in result] == [None, (2, 0, 2), (12, 2, 14)]
    assert result[0].candidates == 2
    assert "no joint split" in result[0].reason


def test_grid_of_25_rows() -> None:
    # Rows 0-11 '11213' (ambiguous alone), rows 12-23 '12214' (12,2,14), row 24 '101' (1,0,1);
    # row 12+i = row i + row 24 forces each ambiguous row to (11,2,13), as in the 3-row case.
    runs = ("11213",) * 12 + ("12214",) * 12 + ("101",)
    identities = tuple(Identity((i, 24), 12 + i) for i in range(12))
    result = split_grid(runs, 3, SUM3, identities)
    assert [r.values for r in result] == [(11, 2, 13)] * 12 + [(12, 2, 14)] * 12 + [(1, 0, 1)]


def test_grid_search_is_capped() -> None:
    # 24 ambiguous rows, (11,2,13) or (1,12,13), and one total row (144,168,312): any 12 of the 24
    # rows as (11,2,13) add up, C(24,12) ≈ 2.7 million joint solutions. The solver stops and keeps
    # each row's own result instead of hanging. '144168312' on its own: 总计 312 leaves '144168',
    # where only 144+168=312 (1+44168, 14+4168, 1441+68, 14416+8 do not); 8312 and 68312 leave
    # '14416'/'1441', whose splits do not reach them.
    runs = ("11213",) * 24 + ("144168312",)
    result = split_grid(runs, 3, SUM3, (Identity(tuple(range(24)), 24),))
    assert all(r.values is None for r in result[:24])
    assert all("too many" in r.reason for r in result[:24])
    assert result[24].values == (144, 168, 312)


def test_grid_search_prunes_by_column_bounds() -> None:
    # The same 24 rows under a total of 24 × (11,2,13) = (264,48,312): only "every row 11,2,13"
    # adds up. Without bounds on partial sums the search met that only at the total's row, after
    # millions of combinations, and gave up; with them it decides every row.
    runs = ("11213",) * 24 + ("26448312",)
    result = split_grid(runs, 3, SUM3, (Identity(tuple(range(24)), 24),))
    assert [r.values for r in result] == [(11, 2, 13)] * 24 + [(264, 48, 312)]
