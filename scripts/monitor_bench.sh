#!/usr/bin/env bash
# Times `vigil monitor run` re-screening N registered counterparties (default
# 1,000,000) against a list update that changes 100 entities.
#
#   scripts/monitor_bench.sh [VIGIL_BINARY] [COUNT]
#
# Catalog A is the default catalog built from data/; catalog B is the same
# with 100 UN entries edited (an alias added to each). The counterparties are
# synthetic names plus every 1000th name taken from the UN list, so the delta
# has real work. Counterparties are people (schema Person), as customer and
# worker records say. Set-up shortcut, stated plainly: the baseline is recorded by
# a run against A with no counterparties, then the N counterparties are
# registered and marked as screened against A with one SQL UPDATE; screening
# 1M names in full would take long and is not what is measured here. What is
# timed is `vigil monitor run --catalog B`, which screens all N against the
# delta and re-scores candidates on the full catalog, committing in chunks.
set -euo pipefail
cd "$(dirname "$0")/.."
VIGIL=${1:-build/release/vigil}
COUNT=${2:-1000000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "building catalogs A and B …"
cp -r data "$WORK/data_a"
"$VIGIL" catalog build --manifest "$WORK/data_a/manifest.json" -o "$WORK/a.vcat" -q
cp -r data "$WORK/data_b"
python3 - "$WORK/data_b" <<'PY'
import gzip, json, re, sys
d = sys.argv[1]
path = d + "/un_sc_sanctions/consolidated-2026-02-27.xml.gz"
xml = gzip.open(path, "rt", encoding="utf-8").read()
parts = xml.split("<INDIVIDUAL>")
# parts[0] is the header; each later part is one individual.
for i in range(1, 101):
    parts[i] = ("<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Bench Alias %d</ALIAS_NAME>"
                "</INDIVIDUAL_ALIAS>" % i) + parts[i]
count = len(parts[1:101])
xml = "<INDIVIDUAL>".join(parts)
assert count == 100, count
with gzip.open(path, "wt", encoding="utf-8") as f:
    f.write(xml)
m = json.load(open(d + "/manifest.json"))
for s in m["sources"]:
    if s["dataset"] == "un_sc_sanctions":
        s.pop("sha256", None)
json.dump(m, open(d + "/manifest.json", "w"), indent=1)
PY
"$VIGIL" catalog build --manifest "$WORK/data_b/manifest.json" -o "$WORK/b.vcat" -q
"$VIGIL" catalog diff "$WORK/a.vcat" "$WORK/b.vcat" --max-changed 0 | head -1

echo "generating $COUNT counterparties …"
"$VIGIL" catalog info "$WORK/a.vcat" --json > "$WORK/a.json"
python3 - "$COUNT" "$WORK/cps.csv" <<'PY'
import random, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
first = ["James","Maria","Wei","Olga","Ahmed","Fatima","Jin","Sofia","Pedro","Aisha","Ivan","Chen",
         "Lucas","Amara","Hiroshi","Elena","Omar","Priya","Tomasz","Ngozi","Mateo","Yuki","Kwame","Lena"]
last = ["Smith","Garcia","Wang","Ivanova","Hassan","Okafor","Park","Rossi","Silva","Khan","Petrov",
        "Liu","Martin","Diallo","Tanaka","Novak","Haddad","Sharma","Kowalski","Mensah","Lopez","Sato"]
with open(out, "w") as f:
    f.write("id,schema,name,kind\n")
    for i in range(n):
        name = "%s %s %s" % (random.choice(first), chr(65 + i % 26), random.choice(last))
        if i % 1000 == 0:
            name = "Ri Won Ho" if i % 2000 == 0 else "Abdul Rahim Hamdan Dagalo"
        f.write("c%d,Person,%s,customer\n" % (i, name))
PY

DB="$WORK/monitor.db"
"$VIGIL" monitor run --db "$DB" --catalog "$WORK/a.vcat" -q > /dev/null
/usr/bin/time -f "registering: %e s, %M KB" "$VIGIL" monitor add "$WORK/cps.csv" --db "$DB"
VERSION_A=$(sqlite3 "$DB" "SELECT catalog_version FROM monitor_state")
sqlite3 "$DB" "UPDATE counterparties SET screened_version = '$VERSION_A'"
echo "re-screening against B (100 changed entities) …"
/usr/bin/time -f "monitor run: %e s wall, %U s user, %M KB max RSS" \
  "$VIGIL" monitor run --db "$DB" --catalog "$WORK/b.vcat" --jobs "$(nproc)" -q
