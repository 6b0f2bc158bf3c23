#!/usr/bin/env bash
# Benchmark of a whole province (issue 9): generates the synthetic province
# (examples/province.rs, ~1,650 fact sheets), then times `vanban render` over it:
#   - DOCX only, PDF only, DOCX + PDF (the default): wall time, sheets and documents per
#     second, CPU share and peak RSS (GNU time -v);
#   - a re-run with nothing changed, and a re-run after one khu dân cư's figure changed
#     (what an incremental manifest makes cheap; without one, everything is rendered again).
# It prints figures; it asserts nothing. Usage:
#   bash benches/province.sh                 # seed 1, in a fresh folder under /tmp
#   SEED=7 KEEP=1 WORK=/tmp/p bash benches/province.sh
# Needs /usr/bin/time (GNU time). Builds vanban and the generator with --release first.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seed=${SEED:-1}
work=${WORK:-$(mktemp -d /tmp/vanban-province.XXXXXX)}
mkdir -p "$work"
if [ -z "${KEEP:-}" ]; then
    trap 'rm -rf "$work"' EXIT
fi

echo "== building (release)"
(cd "$root" && cargo build --release --quiet --bin vanban --example province)
bin=$root/target/release/vanban
gen=$root/target/release/examples/province
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }

sheets=$work/sheets
generate() {
    rm -rf "$sheets"
    "$gen" --seed "$seed" --out "$sheets" "$@"
}

echo "== generating the province (seed $seed) in $sheets"
generate
# A vanban without roll-up rejects the `children:` key: then bench the same sheets without it.
province=$(find "$sheets" -maxdepth 1 -name '*.yaml' | sed -n 1p)
children=with
if ! "$bin" check "$province" >/dev/null 2>"$work/check.err"; then
    if grep -q 'children' "$work/check.err"; then
        echo "   this vanban does not know \`children:\` yet: regenerating with --no-children"
        generate --no-children
        children=without
    else
        echo "   the province sheet does not pass check:" >&2
        cat "$work/check.err" >&2
    fi
fi
count=$(find "$sheets" -name '*.yaml' | wc -l)
echo "   $count fact sheets ($children children:)"

# Inputs: the top folder when `render DIR` descends into subfolders, else every file.
probe=$work/probe
rm -rf "$probe" && mkdir -p "$probe/in/sub"
cp "$(find "$sheets" -mindepth 4 -name '*.yaml' | sed -n 1p)" "$probe/in/sub/"
if "$bin" render --format txt -o "$probe/out" "$probe/in" >/dev/null 2>&1 &&
    [ -n "$(find "$probe/out" -name '*.txt' 2>/dev/null)" ]; then
    inputs=("$sheets")
    echo "   render DIR is recursive: rendering $sheets"
else
    mapfile -t inputs < <(find "$sheets" -name '*.yaml' | sort)
    echo "   render DIR is not recursive: passing the $count files"
fi

# run LABEL OUT [render options...]: one timed batch; prints one line of figures.
run() {
    local label=$1 out=$2
    shift 2
    local log=$work/time.log
    local status=0
    /usr/bin/time -v "$bin" render -o "$out" "$@" "${inputs[@]}" \
        >"$work/stdout" 2>"$log" || status=$?
    # GNU time writes its report to the same stderr as vanban: take its lines.
    local wall rss cpu
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' |
        awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    cpu=$(grep 'Percent of CPU' "$log" | awk '{print $NF}')
    local docs
    docs=$(wc -l <"$work/stdout")
    local failed
    failed=$(grep -c 'not rendered\|: error' "$log" || true)
    awk -v l="$label" -v w="$wall" -v s="$count" -v d="$docs" -v r="$rss" -v c="$cpu" \
        -v st="$status" -v f="$failed" 'BEGIN {
            rate = (w > 0) ? s / w : 0; drate = (w > 0) ? d / w : 0;
            printf "%-34s wall %7.2f s  %7.1f sheets/s  %6d files written (%7.1f/s)  CPU %5s  peak RSS %6.1f MB  exit %d%s\n",
                l, w, rate, d, drate, c, r / 1024, st, (f > 0 ? "  (" f " error lines)" : "")
        }'
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$bin" --version)"
echo "== batches (every file written to a fresh output folder)"
run "DOCX only" "$work/out-docx" --format docx
run "PDF/A-2b only" "$work/out-pdf" --format pdf
run "DOCX + PDF/A-2b (default)" "$work/out"

echo "== re-runs into the same output folder ($work/out)"
run "again, nothing changed" "$work/out"
# One corrected figure: the tip-offs of one khu dân cư, +100. Its xã states its own total
# (typed, as clerks do), so the clerk corrects that too or vanban reports the disagreement;
# the district and the province state none (their roll-up sums them).
leaf=$(find "$sheets" -mindepth 4 -name '*.yaml' | sort | sed -n 1p)
python3 - "$leaf" "$(dirname "$leaf").yaml" <<'PY'
import re, sys
for path in sys.argv[1:]:
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        continue
    text = re.sub(r"(?m)^  tip_offs: (\d+)", lambda m: f"  tip_offs: {int(m.group(1)) + 100}", text, count=1)
    open(path, "w", encoding="utf-8").write(text)
PY
touch "$work/marker"
sleep 1
run "one figure changed ($(basename "$leaf"))" "$work/out"
changed=$(find "$work/out" -type f -newer "$work/marker" | wc -l)
echo "   files rewritten by that run: $changed"
echo "   (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
