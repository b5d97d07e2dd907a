"""Build ``seeds/regions.csv`` from the gazetteer files shipped in the jionlp wheel (run once, offline after).

Usage (from the repo root):
    .venv/bin/pip download --no-deps jionlp==1.5.31 -d /tmp/j
    .venv/bin/python scripts/build_regions_seed.py /tmp/j/jionlp-1.5.31-py2.py3-none-any.whl

Reads, without importing jionlp:
- ``jionlp/dictionary/china_location.zip`` (china_location.txt: province → city → county with 6-digit
  GB/T 2260 codes; townships and villages below are skipped),
- ``jionlp/dictionary/china_location_change.txt`` (dated renames/mergers since 2002) → historical names,
- ``jionlp/dictionary/landline_phone_area_code.txt`` and ``phone_location.zip`` → city area code and postcode.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "seeds" / "regions.csv"
COLUMNS = (
    "code",
    "name",
    "short_name",
    "level",
    "parent_code",
    "province",
    "city",
    "county",
    "area_code",
    "postcode",
    "valid_from",
    "valid_to",
)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
PSEUDO = ("省直辖行政区划", "自治区直辖县级行政区划", "市直辖行政区划")


def _read(wheel: zipfile.ZipFile, name: str) -> str:
    return wheel.read(f"jionlp/dictionary/{name}").decode("utf-8")


def _inner(wheel: zipfile.ZipFile, name: str) -> str:
    data = wheel.read(f"jionlp/dictionary/{name}")
    with zipfile.ZipFile(io.BytesIO(data)) as inner:
        return inner.read(inner.namelist()[0]).decode("utf-8")


def build(wheel_path: Path) -> list[dict[str, str]]:
    """Rows of the regions seed."""
    with zipfile.ZipFile(wheel_path) as wheel:
        location = _inner(wheel, "china_location.zip")
        changes = _read(wheel, "china_location_change.txt")
        area_codes = _read(wheel, "landline_phone_area_code.txt")
        phones = _inner(wheel, "phone_location.zip")

    # city short name (province short, city short) -> area code / postcode
    area: dict[tuple[str, str], str] = {}
    for line in area_codes.splitlines():
        parts = line.split()
        if len(parts) == 2 and "/" in parts[1]:
            prov, city = parts[1].split("/", 1)
            area.setdefault((prov, city), parts[0])
    post: dict[tuple[str, str], str] = {}
    for line in phones.splitlines():
        if line and not line.startswith("\t"):
            parts = line.split()
            if len(parts) == 4:
                post.setdefault((parts[0], parts[1]), parts[3])
                area[(parts[0], parts[1])] = parts[2]  # more reliable than the landline list

    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    stack: list[list[str]] = [[], [], []]
    for raw in location.splitlines():
        depth = len(raw) - len(raw.lstrip("\t"))
        parts = raw.strip("\t").split("\t")
        if depth > 2 or len(parts) != 3 or not raw.strip():
            continue
        stack[depth] = parts
        name, code, short = parts
        province = stack[0][0]
        prov_short = stack[0][2]
        if depth == 0:
            row = {"code": code, "name": name, "short_name": short, "level": "province", "parent_code": ""}
            row |= {"province": name, "city": "", "county": ""}
        elif depth == 1:
            if name == province or name in PSEUDO or code in seen:
                continue  # municipality's own city row / province-administered pseudo-city
            row = {"code": code, "name": name, "short_name": short, "level": "city", "parent_code": stack[0][1]}
            row |= {"province": province, "city": name, "county": ""}
            first = short.split("/")[0]
            row["area_code"] = area.get((prov_short, first), "")
            row["postcode"] = post.get((prov_short, first), "")
        else:
            city_name, city_code, _ = stack[1]
            if name in PSEUDO or code in seen:
                continue
            directly_under_province = city_name == province or city_name in PSEUDO
            parent = stack[0][1] if directly_under_province else city_code
            city = "" if directly_under_province else city_name
            row = {"code": code, "name": name, "short_name": short, "level": "county", "parent_code": parent}
            row |= {"province": province, "city": city, "county": name}
        seen.add(code)
        rows.append(row)

    by_place = {(r["province"], r["city"], r["county"]): r for r in rows}
    by_province_name = {(r["province"], r["name"]): r for r in rows}
    for line in changes.splitlines():
        if "=>" not in line or not line[:4].isdigit():
            continue
        left, right = line.split("=>")
        old = left.split("\t")
        new = right.split("\t")
        date = old[0]
        old_names = old[2::2]  # province, city[, county]
        new_names = new[0::1]  # province, city[, county]
        if len(old_names) < 2 or len(new_names) < 2:
            continue
        new_prov = new_names[0]
        new_city = new_names[1] if new_names[1] != new_prov else ""
        new_county = new_names[2] if len(new_names) > 2 else ""
        successor = by_place.get((new_prov, new_city, new_county))
        if successor is None and new_county:
            successor = by_province_name.get((new_prov, new_county))
        if successor is None:
            continue
        level = "county" if len(old_names) > 2 else "city"
        old_name = old_names[-1]
        if old_name == successor["name"] or (successor["province"], old_name) in by_province_name:
            continue
        old_city = old_names[1] if level == "county" and old_names[1] != old_names[0] else ""
        row = {
            "code": successor["code"],
            "name": old_name,
            "short_name": old[-1] if level == "county" else old[5],
            "level": level,
            "parent_code": successor["parent_code"],
            "province": old_names[0],
            "city": old_city if level == "county" else old_name,
            "county": old_name if level == "county" else "",
            "valid_to": date,
        }
        if not any(r["name"] == row["name"] and r["code"] == row["code"] for r in rows):
            rows.append(row)
            successor["valid_from"] = max(successor.get("valid_from", ""), date)
    return [{col: r.get(col, "") for col in COLUMNS} for r in rows]


def main() -> None:
    rows = build(Path(sys.argv[1]))
    rows.sort(key=lambda r: (r["code"], r["valid_to"] != "", r["valid_to"], r["name"]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
