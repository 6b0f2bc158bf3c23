#!/usr/bin/env bash
# vanban against pandoc and LibreOffice on the same documents, in the same run (issue 9):
#   - vanban: fact sheets → DOCX, and → DOCX + PDF/A-2b (one process for the batch);
#   - pandoc: the same documents' Markdown (what vanban's templates render) → DOCX, one
#     process per file as pandoc is used, $(nproc) at a time;
#   - LibreOffice: vanban's DOCX → PDF, one headless soffice for the batch.
# Prints the times and the ratios; asserts nothing. Installs pandoc and LibreOffice with apt
# when they are missing (root, or sudo). Usage:
#   bash benches/compare.sh                  # 60 sheets of the synthetic province, seed 1
#   LIMIT=200 SEED=3 KEEP=1 WORK=/tmp/c bash benches/compare.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seed=${SEED:-1}
limit=${LIMIT:-60}
work=${WORK:-$(mktemp -d /tmp/vanban-compare.XXXXXX)}
mkdir -p "$work"
if [ -z "${KEEP:-}" ]; then
    trap 'rm -rf "$work"' EXIT
fi

install() {
    local sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "== installing $* with apt"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
command -v pandoc >/dev/null || install pandoc
command -v soffice >/dev/null || install libreoffice-writer-nogui ||
    install libreoffice-writer

echo "== building (release)"
(cd "$root" && cargo build --release --quiet --bin vanban --example province --example markdown)
bin=$root/target/release/vanban

now() { date +%s.%N; }
# secs START: seconds since START.
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "?" }'; }

# The writers are what is compared: the sheets are generated without `children:`, so any
# vanban reads them.
"$root/target/release/examples/province" --seed "$seed" --out "$work/sheets" --no-children >/dev/null
mapfile -t sheets < <(find "$work/sheets" -name '*.yaml' | sort | head -n "$limit")
"$root/target/release/examples/markdown" "$work/md" "${sheets[@]}" >/dev/null
docs=$(find "$work/md" -name '*.md' | wc -l)
echo "== ${#sheets[@]} fact sheets, $docs documents; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   $("$bin" --version); $(pandoc --version | sed -n 1p); $(soffice --version 2>/dev/null | sed -n 1p)"

start=$(now)
"$bin" render --format docx -o "$work/vanban-docx" "${sheets[@]}" >/dev/null
t_docx=$(secs "$start")

start=$(now)
"$bin" render -o "$work/vanban-both" "${sheets[@]}" >/dev/null
t_both=$(secs "$start")

start=$(now)
find "$work/md" -name '*.md' -print0 |
    xargs -0 -P "$(nproc)" -I{} sh -c 'pandoc --quiet --from markdown --to docx -o "${1%.md}.docx" "$1"' _ {}
t_pandoc=$(secs "$start")

# LibreOffice converts vanban's own DOCX files; its first start builds a profile, so warm it
# once outside the timing with a profile of our own.
profile="file://$work/lo-profile"
mkdir -p "$work/lo-in" "$work/lo-out"
find "$work/vanban-docx" -name '*.docx' | while read -r f; do
    cp "$f" "$work/lo-in/$(basename "$(dirname "$f")")-$(basename "$f")"
done
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo-warm" \
    "$(find "$work/lo-in" -name '*.docx' | sed -n 1p)" >/dev/null 2>&1 || true
start=$(now)
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo-out" \
    "$work"/lo-in/*.docx >/dev/null 2>&1
t_lo=$(secs "$start")
lo_pdfs=$(find "$work/lo-out" -name '*.pdf' | wc -l)

per() { awk -v t="$1" -v n="$docs" 'BEGIN { printf "%.2f", t * 1000 / n }'; }
echo "== times for the $docs documents (ms per document)"
printf '%-52s %8s s  %8s ms\n' "vanban  fact sheet → DOCX (check, template, DOCX)" "$t_docx" "$(per "$t_docx")"
printf '%-52s %8s s  %8s ms\n' "vanban  fact sheet → DOCX + PDF/A-2b" "$t_both" "$(per "$t_both")"
printf '%-52s %8s s  %8s ms\n' "pandoc  Markdown → DOCX ($(nproc) at a time)" "$t_pandoc" "$(per "$t_pandoc")"
printf '%-52s %8s s  %8s ms  (%s PDFs)\n' "LibreOffice  DOCX → PDF (one soffice)" "$t_lo" "$(per "$t_lo")" "$lo_pdfs"
echo "== ratios"
echo "pandoc (Markdown → DOCX) / vanban (fact sheet → DOCX):          $(ratio "$t_pandoc" "$t_docx")×"
echo "LibreOffice (DOCX → PDF) / vanban (fact sheet → DOCX + PDF):    $(ratio "$t_lo" "$t_both")×"
echo "pandoc + LibreOffice / vanban (fact sheet → DOCX + PDF):        $(ratio "$(awk -v a="$t_pandoc" -v b="$t_lo" 'BEGIN{print a+b}')" "$t_both")×"
