#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# build-sample.sh — builds the bundled sample project from the three sample
# articles with dossier-cli, so the sample always matches the current schema
# and importers.
#
# Usage (from meson): build-sample.sh DOSSIER_CLI OUTPUT SRCDIR
#
# Highlights are given as exact phrases rather than offsets, so that editing
# an article or changing an importer does not silently shift them: each
# phrase is looked up in the imported text and turned into code-point
# offsets; a phrase that is no longer there fails the build with its name.
#
# The ~240 changes go through `dossier-cli batch` (one process and one open
# of the project per batch, each change still its own durable commit), in
# three batches, each needing the ids the one before printed: the codebook,
# highlights and stakeholders; the evidence, questions and arguments; each
# argument's evidence. A command that fails stops its batch, and
# dossier-cli names its line, the command written out in full.
set -eu

if [ $# -ne 3 ]; then
  echo "usage: build-sample.sh DOSSIER_CLI OUTPUT SRCDIR" >&2
  exit 2
fi

cli=$1
out=$2
src=$3

die ()
{
  printf 'build-sample.sh: %s\n' "$*" >&2
  exit 1
}

# Run a dossier-cli command; on failure name the step (dossier-cli has
# already printed why on stderr).
run ()
{
  "$cli" "$@" > /dev/null || die "dossier-cli $1 failed while building $out"
}

# quote WORD — sets QW to WORD quoted for a batch line, as a shell would
# read it back (no process is started for it: there are hundreds).
quote ()
{
  qrest=$1
  QW=
  while :; do
    case $qrest in
      *"'"*) QW="$QW${qrest%%"'"*}'\\''"; qrest=${qrest#*"'"} ;;
      *) break ;;
    esac
  done
  QW="'$QW$qrest'"
}

# cmd_to FILE WORD… — adds the dossier-cli command WORD… (without PROJECT)
# to the batch being gathered in FILE; cmd WORD…, to the one in $batch.
cmd_to ()
{
  to=$1
  shift
  line=
  for word in "$@"; do
    quote "$word"
    line="$line $QW"
  done
  printf '%s\n' "${line# }" >> "$to"
}
cmd ()
{
  cmd_to "$batch" "$@"
}

# run_batch FILE WHAT — runs the batch in FILE, its output in FILE.out.
run_batch ()
{
  "$cli" batch "$tmp" "$1" > "$1.out" \
    || die "dossier-cli batch failed while building $out ($2; the line it names above)"
}

# lines_of FILE N — fails unless FILE has N lines: a batch whose commands
# print one id each printed one per command.
lines_of ()
{
  n=$(wc -l < "$1")
  [ "$n" -eq "$2" ] || die "dossier-cli batch printed $n lines where $2 ids were expected ($1)"
}

# The project is built in a folder kept in memory (tmpfs) where there is
# one: each of the ~240 changes commits durably, five syncs each, which on
# a disk were much of the build's wall time. The finished file is
# then copied next to the output, synced once and moved into place, so that
# a failed build never leaves a half-made sample and a finished one is on
# the disk whole. Where no such folder is writable, the build runs next to
# the output as before.
scratch=
for d in "${XDG_RUNTIME_DIR:-}" /dev/shm; do
  if [ -n "$d" ] && [ -d "$d" ] && [ -w "$d" ] &&
     scratch=$(mktemp -d "$d/dossier-sample.XXXXXX" 2> /dev/null); then
    break
  fi
  scratch=
done
final="${out%.dossier}.tmp-$$.dossier"
if [ -n "$scratch" ]; then
  tmp="$scratch/sample.dossier"
else
  tmp=$final
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-sample.XXXXXX")
cleanup ()
{
  rm -rf "$work"
  [ -z "$scratch" ] || rm -rf "$scratch"
  rm -f "$tmp" "$tmp-wal" "$tmp-shm" "$tmp-journal" "$tmp.lock"
  rm -f "$final"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

[ -x "$cli" ] || die "dossier-cli not found or not executable: $cli"
for f in harbor-bridge-tribune.html harbor-bridge-civic-ledger.md harbor-bridge-wire.txt; do
  [ -r "$src/$f" ] || die "sample article missing: $src/$f"
done
rm -f "$tmp" "$tmp-wal" "$tmp-shm"

run new "$tmp" --title "Harbour Bridge Briefing"

# `import` prints "ID<tab>TITLE" per document, in the order given.
"$cli" import "$tmp" \
  "$src/harbor-bridge-tribune.html" \
  "$src/harbor-bridge-civic-ledger.md" \
  "$src/harbor-bridge-wire.txt" > "$work/import.out" \
  || die "dossier-cli import failed while building $out"

doc_id ()
{
  id=$(sed -n "$1p" "$work/import.out" | cut -f1)
  case $id in
    ''|*[!0-9]*) die "dossier-cli import printed no document id on line $1 (got: $(sed -n "$1p" "$work/import.out"))" ;;
  esac
  echo "$id"
}
T=$(doc_id 1)   # The Calder Tribune
L=$(doc_id 2)   # The Civic Ledger
W=$(doc_id 3)   # Coastline Press Agency

# Plain text carries no metadata: give the wire story its outlet and date.
"$cli" meta "$tmp" "$W" --outlet "Coastline Press Agency" --published 2025-03-13 \
  --author "Joaquín Ferreira" \
  || die "dossier-cli meta failed for document $W"

for d in "$T" "$L" "$W"; do
  "$cli" text "$tmp" "$d" > "$work/$d.txt" \
    || die "dossier-cli text failed for document $d"
  eval "text_$d=\$(cat \"\$work/\$d.txt\")"
done

# The first batch: the codebook, the highlights and the stakeholders. Each
# of its commands prints one line (an id, or autocode's count), so the nth
# line of its output is the nth command's.
batch="$work/batch1"
: > "$batch"
n_cmds=0

# --- Codebook ------------------------------------------------------------
# tag NAME PARENT COLOUR DESCRIPTION  (PARENT empty for a top-level tag)
tag ()
{
  if [ -n "$2" ]; then
    cmd tag-add "$1" --parent "$2" --color "$3" --description "$4"
  else
    cmd tag-add "$1" --color "$3" --description "$4"
  fi
  n_cmds=$((n_cmds + 1))
}

# Topics only. Who says what, and what is said for and against the plan,
# are not tags: they are the stakeholders and the pros and cons below,
# each backed by these highlights as evidence.
tag "The plan"      ""         "#5e5c64" "What is to be built, what it costs and what it touches"
tag "Design"        "The plan" "#2190a4" "What changes on the deck: tracks, lanes, bollards"
tag "Costs"         "The plan" "#f5c211" "Budget, grant conditions, estimates and overruns"
tag "Heritage"      "The plan" "#865e3c" "The listed bridge’s fabric and history"

tag "Effects"       ""         "#77767b" "What closing the bridge to cars would change, and for whom"
tag "Transit times" "Effects"  "#62a0ea" "Journey times, detours, tolls and reliability"
tag "Safety"        "Effects"  "#ff7800" "Collisions, injuries and emergency response"
tag "Environment"   "Effects"  "#33d17a" "Air quality and traffic displacement"
tag "Trade"         "Effects"  "#dc8add" "Footfall, sales, tickets and support for businesses"

tag "Politics"      ""         "#1c71d8" "The vote, the campaign, the consultation and the challenges to them"

# --- Highlights ----------------------------------------------------------
# hl DOC PHRASE [dossier-cli highlight options…]
# Highlights the first occurrence of PHRASE in document DOC.
hl ()
{
  doc=$1
  phrase=$2
  shift 2
  eval "text=\$text_$doc"
  before=${text%%"$phrase"*}
  [ "$before" != "$text" ] || die "phrase not found in document $doc: \"$phrase\" (was the article or its importer changed?)"
  # Offsets are Unicode code points: count characters, not bytes.
  start=$(printf '%s' "$before" | LC_ALL=C.UTF-8 wc -m)
  length=$(printf '%s' "$phrase" | LC_ALL=C.UTF-8 wc -m)
  end=$((start + length))
  cmd highlight "$doc" "$((start))" "$end" "$@"
  n_cmds=$((n_cmds + 1))
  # Remembered so that evidence can be cited by its phrase (see hl_ref):
  # the id is the batch's output line n_cmds.
  printf '%s\t%s\t%s\n' "$n_cmds" "$doc" "$phrase" >> "$work/highlights.pending"
}

# hl_ref FILE DOC PHRASE — sets H to a placeholder, @@HL@@, for the id of
# the highlight made by `hl DOC PHRASE`, to be written into FILE: the Nth
# placeholder in FILE stands for the Nth highlight named in FILE.refs.
# resolve puts them all in at once (looking each up here, in the shell,
# cost seconds of CPU: its patterns scan the whole list).
hl_ref ()
{
  printf '%s\t%s\n' "$2" "$3" >> "$1.refs"
  H=@@HL@@
}

# resolve MAP FILE — replaces FILE's placeholders by the third field of
# the line of MAP (DOC<tab>PHRASE<tab>VALUE) naming the same highlight.
resolve ()
{
  touch "$2.refs"
  awk -F '\t' '
    FILENAME == ARGV[1] { k = $1 FS $2; if (!(k in value)) value[k] = $3; next }
    FILENAME == ARGV[2] {
      k = $1 FS $2
      if (!(k in value)) {
        printf "build-sample.sh: no highlight of \"%s\" in document %s to cite\n", $2, $1 > "/dev/stderr"
        exit 1
      }
      ref[++n] = value[k]
      next
    }
    {
      while ((i = index ($0, "@@HL@@")) > 0)
        $0 = substr ($0, 1, i - 1) ref[++m] substr ($0, i + 6)
      print
    }' "$1" "$2.refs" "$2" > "$2.resolved" || exit 1
  mv "$2.resolved" "$2"
}

# The Calder Tribune: the news report of the vote.
hl "$T" "the city council voted 31 to 24 late on Tuesday night" \
  --tag Politics --memo "A majority of seven: narrow enough for opponents to keep fighting."
hl "$T" "a choice for the next hundred years, not the next rush hour" \
  --tag Politics --memo "The mayor’s framing: long-term gain over short-term inconvenience."
hl "$T" "the four traffic lanes will be replaced by two tram tracks, a shared bus lane and a protected two-way cycle track" \
  --tag Design --memo "What physically changes on the deck."
hl "$T" "A new Line 4 tram would link the North Shore estates to the city centre in 11 minutes, against 25 to 40 minutes by car at peak times today" \
  --tag "Transit times" --memo "Transit authority modelling; the wire story gives the same 11 minutes."
hl "$T" "The national government has offered £72 million from its Green Transit Fund, on condition that work begins before the end of 2026" \
  --tag Costs --memo "The grant is tied to a start date, so any heritage delay becomes a funding risk."
hl "$T" "put the likely cost closer to £210 million" \
  --tag Costs --memo "About 28 % above the council’s £164m. Commissioned by the merchants."
hl "$T" "nitrogen dioxide on Quay Street averages 46 µg/m³, above the legal limit of 40" \
  --tag Environment --memo "Only outlet that gives the measured level."
hl "$T" "14 cyclists were seriously injured on the bridge in the past five years" \
  --tag Safety
hl "$T" "detours through the tolled Eastway Tunnel or over Millbrook Bridge add 12 to 18 minutes each way" \
  --tag "Transit times"
hl "$T" "64 per cent said they expected trade to fall" \
  --tag Trade --memo "Survey of 212 businesses, run by the association itself."
hl "$T" "A tram doesn’t stop outside a hardware shop." \
  --tag Trade --memo "Good pull quote for the briefing."
hl "$T" "footfall rose by 8 per cent on average in four European cities" \
  --tag Trade --memo "Council’s counter-evidence. In the wire story the study’s author warns that results vary."
hl "$T" "have been told to sit in a tunnel queue and pay a toll for the privilege" \
  --tag "Transit times"
hl "$T" "This is the first plan that treats a child on a bicycle as someone who belongs on that bridge." \
  --tag Safety
hl "$T" "permanently scarring one of the finest iron bridges in the country" \
  --tag Heritage
hl "$T" "is measured in lives, not minutes" \
  --tag Safety --memo "The fire chief accepts the plan on conditions: the bollards must work."
hl "$T" "the gains in air quality would be lost if traffic simply moved to the streets around the Eastway Tunnel" \
  --tag Environment --memo "Displacement risk: a caveat from supporters, not opposition."
hl "$T" "Calder Sound Ferries said it expected more passengers during construction and fewer once the tram opens" \
  --tag Trade
hl "$T" "who made the scheme the centrepiece of her re-election campaign" \
  --tag Politics --memo "Her re-election rests on the bridge."
hl "$T" "Opposition councillors said they would seek a judicial review of the consultation, arguing that the council gave too little weight to the objections of businesses" \
  --tag Politics --memo "The merchants’ lever: allies on the council and the courts, not votes of their own."
hl "$T" "largely borrowed against future fare revenue" \
  --tag Costs --memo "The transit authority’s £58 million and the city’s share: repaid from fares."
hl "$T" "A hearing, if granted, could delay the start of work by several months" \
  --tag Costs --tag Politics --memo "A second clock running against the grant deadline, besides the heritage inquiry."
hl "$T" "We have counted the crashes for years." \
  --tag Safety
hl "$T" "the council has promised rising bollards controlled from the fire service’s control room" \
  --tag Safety --tag Design --memo "The fire service, not the council, holds the bollards."
hl "$T" "the North Shore fire station covers the old town at night" \
  --tag Safety
hl "$T" "the trust could ask for a public inquiry" \
  --tag Heritage
hl "$T" "More than two years of construction disruption." \
  --tag Trade --tag "Transit times"

# The Civic Ledger: the critical analysis.
hl "$L" "It was also taken before several questions that matter to the people who live and work beside the bridge had been answered." \
  --tag Politics --memo "The Ledger’s thesis."
hl "$L" "puts the realistic cost at about £210 million" \
  --tag Costs
hl "$L" "neither of which is costed" \
  --tag Costs --tag Heritage --memo "The crux: a heritage constraint becomes an uncosted engineering item."
hl "$L" "Every pound above £164 million falls on the city, not on the national fund." \
  --tag Costs
hl "$L" "The council is treating the grant as a gift. It is a loan of time." \
  --tag Costs --memo "Fenella Crouch, treasurer of the merchants’ association."
hl "$L" "which works out at roughly £7,000 per business over more than two years" \
  --tag Trade
hl "$L" "a starting point, not a ceiling" \
  --tag Trade --memo "Ashby leaves room to raise the traders’ support fund."
hl "$L" "The bridge carried trams for thirty-five years." \
  --tag Heritage --memo "Even the trust concedes the tram history; both sides use it."
hl "$L" "An inquiry typically takes a year." \
  --tag Heritage --tag Costs --memo "A year’s delay would push the start past the grant deadline."
hl "$L" "North Shore residents without cars, a third of households there, would get a tram to the centre in 11 minutes." \
  --tag "Transit times"
hl "$L" "Fire crews from the North Shore station will depend on bollards working every time." \
  --tag Safety
hl "$L" "The consultation summarised 4,000 submissions in eleven pages." \
  --tag Politics
hl "$L" "work must start before the end of 2026, or the money goes back" \
  --tag Costs --memo "The Ledger’s plainest statement of the deadline."
hl "$L" "the trust had written to the council four times asking to see detailed drawings of the tram wiring" \
  --tag Heritage
hl "$L" "It has received one outline sketch." \
  --tag Heritage --memo "Only the Ledger has the correspondence (released under freedom of information)."
hl "$L" "The next test is the heritage application due in April." \
  --tag Heritage
hl "$L" "Air on Quay Street breaches the legal limit for nitrogen dioxide, and the bridge traffic is the main cause." \
  --tag Environment
hl "$L" "The bridge is the most dangerous place in the city to ride a bicycle, according to the Port Calder Cyclists’ Union." \
  --tag Safety
hl "$L" "The national grant would pay for almost half of the works." \
  --tag Costs
hl "$L" "Detours of up to 25 minutes through the tolled Eastway Tunnel punish drivers who have no tram alternative, such as night-shift workers." \
  --tag "Transit times"

# Coastline Press Agency: the neutral wire story.
hl "$W" "an opposition group on the council has said it will seek a judicial review" \
  --tag Politics
hl "$W" "National money can only go to places that are prepared to change" \
  --tag Costs --memo "Aurélie Dumont, Transport Minister."
hl "$W" "apply to every city equally" \
  --tag Costs --memo "No extension of the deadline promised."
hl "$W" "If the cost rises to £210 million, that ratio falls to about £1.60." \
  --tag Costs --memo "Still positive at the higher figure, with less margin for error."
hl "$W" "Our buses spend more time queuing on that bridge than on any other kilometre in the region" \
  --tag "Transit times"
hl "$W" "a fall in ridership would hit its budget for other lines" \
  --tag Costs
hl "$W" "The authority and the ferry company are discussing a joint ticket." \
  --tag Trade
hl "$W" "her members backed cleaner air but feared for their livelihoods" \
  --tag Trade --memo "Zoë Marchetti, softer here than in the Ledger."
hl "$W" "In one city, trade fell for three years before it recovered" \
  --tag Trade --memo "Dr. Mei-Lin Zhou (周美林) qualifies her own 8 % figure."
hl "$W" "he had received written guarantees on bollard control but would test the system himself before opening day" \
  --tag Safety
hl "$W" "We will show every bolt" \
  --tag Heritage
hl "$W" "toll-free use of the Eastway Tunnel for residents during construction" \
  --tag "Transit times" --memo "The commuters’ forum’s one concrete demand."
hl "$W" "Mayor Inès Varga, who campaigned on the project, described the result as a mandate." \
  --tag Politics
hl "$W" "two other cities had applied for the same tranche of money and that unspent funds would be reallocated" \
  --tag Costs --memo "An unnamed ministry official: the money will not wait for Port Calder."
hl "$W" "The Coastal Regional Transit Authority (CRTA) is to contribute £58 million" \
  --tag Costs
hl "$W" "The council has said it will consider the request in its budget in the autumn." \
  --tag Costs
hl "$W" "said 14 riders had been seriously injured on the bridge in five years" \
  --tag Safety --memo "The same figure as the Tribune’s."
hl "$W" "would consider asking for a public inquiry" \
  --tag Heritage
hl "$W" "the council would publish detailed drawings of the tram wiring with its heritage application" \
  --tag Heritage
hl "$W" "If the heritage trust forces a public inquiry, the start date could slip into 2027, beyond the grant deadline" \
  --tag Heritage --tag Costs
hl "$W" "nitrogen dioxide on Quay Street, now above the legal limit, is forecast to fall by about a third" \
  --tag Environment
hl "$W" "whose study of four European bridge closures found an average 8 per cent rise in footfall" \
  --tag Trade
hl "$W" "detours of 12 to 18 minutes, and tolls for drivers using the Eastway Tunnel" \
  --tag "Transit times"
hl "$W" "fixing tram wires to the Grade I listed arches could damage original ironwork" \
  --tag Heritage
hl "$W" "response times to the North Shore depend on bollards and clear tram lanes" \
  --tag Safety
hl "$W" "26 months of construction with the bridge reduced to one lane each way" \
  --tag Trade --tag "Transit times"

# Every mention of the listing and of the grant, in all three articles.
cmd autocode --tag Heritage --match "Grade I"
cmd autocode --tag Costs --match "Green Transit Fund"
n_cmds=$((n_cmds + 2))

# --- Stakeholders ----------------------------------------------------------
# Names and aliases as the articles spell them, so that their mentions are
# found; positions run from -2 (strongly against) to 2 (strongly for).
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Inès Varga" --kind official \
  --alias "Mayor Varga" --alias "the mayor" --alias "the mayor’s office" \
  --description "Mayor of Port Calder, elected in 2022 on the promise of a “people’s bridge”" \
  --stance "Champions the car-free bridge as a choice for the next hundred years" \
  --position 2 --power 5 --interest 5 \
  --interests "Deliver her flagship project before the grant deadline" --color "#1c71d8"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Port Calder City Council" --kind legislature \
  --alias "city council" --alias "the council" --alias "transport committee" --alias "Dermot Ashby" \
  --description "The council that voted 31 to 24 for the plan; its transport committee is chaired by Dermot Ashby" \
  --stance "Approved the plan narrowly; stands by its £164 million estimate" \
  --position 1 --power 5 --interest 4 \
  --interests "Start work before the end of 2026 without a cost overrun falling on the city" --color "#3584e4"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "National government" --kind government \
  --alias "Aurélie Dumont" --alias "Ms Dumont" --alias "Transport Minister" --alias "the ministry" \
  --description "The Transport Ministry, which runs the Green Transit Fund" \
  --stance "Backs the scheme with £72 million but will not extend the deadline" \
  --position 1 --power 5 --interest 2 \
  --interests "Spend the fund on schemes that start on time; treat every city equally" --color "#613583"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Coastal Regional Transit Authority" --kind organisation \
  --alias "CRTA" --alias "transit authority" --alias "Łukasz Brennan" --alias "Mr Brennan" \
  --description "Runs the region’s trams and buses; will build and operate Line 4" \
  --stance "Wants the bridge’s worst bottleneck cleared for trams and buses" \
  --position 2 --power 4 --interest 5 \
  --interests "Reliable North Shore routes; ridership high enough to repay its borrowing" --color "#2190a4"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Harbour Merchants’ Association" --kind business \
  --alias "merchants" --alias "traders" --alias "Zoë Marchetti" --alias "Fenella Crouch" \
  --description "212 businesses on Quay Street and Harbour Row" \
  --stance "Opposes the plan as it stands: costs understated, support for shops too small" \
  --position -2 --power 2 --interest 5 \
  --interests "Keep customers and shops open through 26 months of works" --color "#e66100"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Calder Heritage Trust" --kind civil-society \
  --alias "heritage trust" --alias "Margit Szabó" \
  --description "Guardian of the Grade I listed bridge; can ask for a public inquiry" \
  --stance "Not against the tram, against drilling into the original ironwork" \
  --position -1 --power 4 --interest 4 \
  --interests "Detailed drawings of the tram wiring before any consent" --color "#865e3c"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Port Calder Cyclists’ Union" --kind civil-society \
  --alias "Cyclists’ Union" --alias "Tomás Reyes" \
  --description "Riders’ association; counts the injuries on the bridge" \
  --stance "Strongly for: a protected cycle track on the city’s most dangerous crossing" \
  --position 2 --power 1 --interest 4 --color "#26a269"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "North Shore Commuters’ Forum" --kind public \
  --alias "North Shore commuters" --alias "commuters" \
  --description "Residents of the North Shore who drive to work" \
  --stance "Against detours and tolls for those without a tram" \
  --position -1 --power 2 --interest 5 \
  --interests "Toll-free use of the Eastway Tunnel during construction" --color "#9141ac"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Fire and ambulance service" --kind official \
  --alias "Colm Devlin" --alias "chief fire officer" --alias "fire chief" --alias "fire crews" \
  --description "Emergency crews who must cross the bridge to the North Shore" \
  --stance "Accepts the plan if the bollards work every time" \
  --position 0 --power 3 --interest 4 --color "#a51d2d"
n_cmds=$((n_cmds + 1)); cmd stakeholder-add "Calder Sound Ferries" --kind business \
  --alias "ferry operator" --alias "ferry company" \
  --description "Runs the ferries across the harbour" \
  --stance "Gains during the works, loses once the tram runs; talks of a joint ticket" \
  --position 0 --power 1 --interest 3 --color "#5e5c64"

run_batch "$batch" "the codebook, highlights and stakeholders"
lines_of "$batch.out" "$n_cmds"
# DOC<tab>PHRASE<tab>ID, one a line.
awk -F '\t' 'NR == FNR { id[NR] = $0; next }
             id[$1] !~ /^[0-9]+$/ { exit 1 }
             { print $2 "\t" $3 "\t" id[$1] }' \
    "$batch.out" "$work/highlights.pending" > "$work/highlights.tsv" \
  || die "dossier-cli batch printed no highlight id where one was expected ($batch.out)"

# The second batch: the stakeholders' evidence, then the questions and
# their arguments, which print their ids (evidence-add prints nothing).
batch="$work/batch2"
: > "$batch"
n_ids=0
# The third: each argument's evidence, the argument's id a placeholder
# (@@ARG:N@@, the Nth id the second batch prints) until it is known.
cites="$work/batch3.pending"
: > "$cites"

# ev DOC PHRASE [dossier-cli evidence-add options…] — cites a highlight.
ev ()
{
  hl_ref "$batch" "$1" "$2"
  shift 2
  cmd evidence-add "$H" "$@"
}

ev "$T" "a choice for the next hundred years, not the next rush hour" \
  --stakeholder "Inès Varga" --role stance --position 2 --note "Her framing of the vote."
ev "$T" "the city council voted 31 to 24 late on Tuesday night" \
  --stakeholder "Port Calder City Council" --role power --note "A majority of seven."
ev "$L" "a starting point, not a ceiling" \
  --stakeholder "Port Calder City Council" --role stance --position 1 --note "Dermot Ashby on the traders’ fund."
ev "$W" "We will show every bolt" \
  --stakeholder "Port Calder City Council" --role quote
ev "$W" "National money can only go to places that are prepared to change" \
  --stakeholder "National government" --role stance --position 1
ev "$W" "apply to every city equally" \
  --stakeholder "National government" --role power --note "No extension of the deadline."
ev "$T" "The national government has offered £72 million from its Green Transit Fund, on condition that work begins before the end of 2026" \
  --stakeholder "National government" --role power
ev "$W" "Our buses spend more time queuing on that bridge than on any other kilometre in the region" \
  --stakeholder "Coastal Regional Transit Authority" --role stance --position 2
ev "$W" "a fall in ridership would hit its budget for other lines" \
  --stakeholder "Coastal Regional Transit Authority" --role interest \
  --note "A risk the authority carries: its share is borrowed against fares."
ev "$T" "A tram doesn’t stop outside a hardware shop." \
  --stakeholder "Harbour Merchants’ Association" --role quote
ev "$L" "The council is treating the grant as a gift. It is a loan of time." \
  --stakeholder "Harbour Merchants’ Association" --role stance --position -2 --note "Fenella Crouch, treasurer."
ev "$T" "64 per cent said they expected trade to fall" \
  --stakeholder "Harbour Merchants’ Association" --role interest
ev "$T" "permanently scarring one of the finest iron bridges in the country" \
  --stakeholder "Calder Heritage Trust" --role stance --position -1
ev "$L" "The bridge carried trams for thirty-five years." \
  --stakeholder "Calder Heritage Trust" --role quote --note "Margit Szabó: not the enemy of the tram."
ev "$L" "An inquiry typically takes a year." \
  --stakeholder "Calder Heritage Trust" --role power --note "An inquiry would push the start past the grant deadline."
ev "$T" "This is the first plan that treats a child on a bicycle as someone who belongs on that bridge." \
  --stakeholder "Port Calder Cyclists’ Union" --role stance --position 2
ev "$T" "have been told to sit in a tunnel queue and pay a toll for the privilege" \
  --stakeholder "North Shore Commuters’ Forum" --role stance --position -1
ev "$W" "toll-free use of the Eastway Tunnel for residents during construction" \
  --stakeholder "North Shore Commuters’ Forum" --role interest
ev "$T" "is measured in lives, not minutes" \
  --stakeholder "Fire and ambulance service" --role stance --position -1 \
  --note "The Tribune leads with his warning; the wire story with the guarantees he has had since."
ev "$W" "he had received written guarantees on bollard control but would test the system himself before opening day" \
  --stakeholder "Fire and ambulance service" --role stance --position 0
ev "$T" "Calder Sound Ferries said it expected more passengers during construction and fewer once the tram opens" \
  --stakeholder "Calder Sound Ferries" --role interest

# Every stakeholder's power and interest ratings rest on a passage of their
# own (the grid draws a stakeholder without both hollow).
ev "$W" "Mayor Inès Varga, who campaigned on the project, described the result as a mandate." \
  --stakeholder "Inès Varga" --role power --note "She leads the majority that won the vote."
ev "$T" "who made the scheme the centrepiece of her re-election campaign" \
  --stakeholder "Inès Varga" --role interest
ev "$L" "Every pound above £164 million falls on the city, not on the national fund." \
  --stakeholder "Port Calder City Council" --role interest --note "Any overrun is the city’s to pay."
ev "$W" "two other cities had applied for the same tranche of money and that unspent funds would be reallocated" \
  --stakeholder "National government" --role interest --note "The money matters to it, not this bridge: other cities are waiting."
ev "$W" "The Coastal Regional Transit Authority (CRTA) is to contribute £58 million" \
  --stakeholder "Coastal Regional Transit Authority" --role power --note "Pays over a third and will build and run the line."
ev "$T" "Opposition councillors said they would seek a judicial review of the consultation, arguing that the council gave too little weight to the objections of businesses" \
  --stakeholder "Harbour Merchants’ Association" --role power --note "Outvoted; its lever is the opposition and the courts."
ev "$L" "the trust had written to the council four times asking to see detailed drawings of the tram wiring" \
  --stakeholder "Calder Heritage Trust" --role interest
ev "$T" "We have counted the crashes for years." \
  --stakeholder "Port Calder Cyclists’ Union" --role power --note "Years of counting before a plan listened: a voice, not a vote."
ev "$W" "said 14 riders had been seriously injured on the bridge in five years" \
  --stakeholder "Port Calder Cyclists’ Union" --role interest
ev "$W" "The council has said it will consider the request in its budget in the autumn." \
  --stakeholder "North Shore Commuters’ Forum" --role power --note "It can ask; the council decides."
ev "$T" "the council has promised rising bollards controlled from the fire service’s control room" \
  --stakeholder "Fire and ambulance service" --role power
ev "$T" "the North Shore fire station covers the old town at night" \
  --stakeholder "Fire and ambulance service" --role interest
ev "$W" "The authority and the ferry company are discussing a joint ticket." \
  --stakeholder "Calder Sound Ferries" --role power --note "Bargains over tickets; no say over the bridge."

# What the passages say of who, beyond the ratings: each highlight about an
# actor is evidence for that actor (a role where it shows one).
ev "$T" "the four traffic lanes will be replaced by two tram tracks, a shared bus lane and a protected two-way cycle track" \
  --stakeholder "Coastal Regional Transit Authority" --note "The deck it will run: tram tracks and a bus lane."
ev "$T" "put the likely cost closer to £210 million" \
  --stakeholder "Harbour Merchants’ Association" --note "The figure of the review the merchants commissioned."
ev "$L" "puts the realistic cost at about £210 million" \
  --stakeholder "Harbour Merchants’ Association" --role stance --position -2 \
  --note "Halloran & Pike’s review, commissioned by the merchants."
ev "$L" "which works out at roughly £7,000 per business over more than two years" \
  --stakeholder "Harbour Merchants’ Association" --role interest
ev "$W" "her members backed cleaner air but feared for their livelihoods" \
  --stakeholder "Harbour Merchants’ Association" --role stance --position -1 \
  --note "The wire story’s Marchetti: for cleaner air, afraid for the shops."
ev "$T" "detours through the tolled Eastway Tunnel or over Millbrook Bridge add 12 to 18 minutes each way" \
  --stakeholder "North Shore Commuters’ Forum" --role interest
ev "$L" "Detours of up to 25 minutes through the tolled Eastway Tunnel punish drivers who have no tram alternative, such as night-shift workers." \
  --stakeholder "North Shore Commuters’ Forum" --role interest
ev "$W" "detours of 12 to 18 minutes, and tolls for drivers using the Eastway Tunnel" \
  --stakeholder "North Shore Commuters’ Forum" --role interest
ev "$L" "North Shore residents without cars, a third of households there, would get a tram to the centre in 11 minutes." \
  --stakeholder "North Shore Commuters’ Forum" --role interest --note "Those without a car gain; the forum speaks for those who drive."
ev "$T" "More than two years of construction disruption." \
  --stakeholder "North Shore Commuters’ Forum" --role interest
ev "$T" "the trust could ask for a public inquiry" \
  --stakeholder "Calder Heritage Trust" --role power
ev "$W" "would consider asking for a public inquiry" \
  --stakeholder "Calder Heritage Trust" --role power
ev "$L" "The bridge is the most dangerous place in the city to ride a bicycle, according to the Port Calder Cyclists’ Union." \
  --stakeholder "Port Calder Cyclists’ Union" --role stance --position 2
ev "$L" "Fire crews from the North Shore station will depend on bollards working every time." \
  --stakeholder "Fire and ambulance service" --role interest
ev "$W" "response times to the North Shore depend on bollards and clear tram lanes" \
  --stakeholder "Fire and ambulance service" --role interest
ev "$L" "The consultation summarised 4,000 submissions in eleven pages." \
  --stakeholder "Port Calder City Council" --note "How the council weighed the objections, as the Ledger tells it."
ev "$L" "It has received one outline sketch." \
  --stakeholder "Port Calder City Council" --note "Only the Ledger has the correspondence."
ev "$L" "The next test is the heritage application due in April." \
  --stakeholder "Port Calder City Council" --role power
ev "$W" "the council would publish detailed drawings of the tram wiring with its heritage application" \
  --stakeholder "Port Calder City Council" --role stance --position 1
ev "$W" "The council has said it will consider the request in its budget in the autumn." \
  --stakeholder "Port Calder City Council" --role power
ev "$L" "work must start before the end of 2026, or the money goes back" \
  --stakeholder "National government" --role power
ev "$W" "The authority and the ferry company are discussing a joint ticket." \
  --stakeholder "Coastal Regional Transit Authority" --role interest
ev "$T" "largely borrowed against future fare revenue" \
  --stakeholder "Coastal Regional Transit Authority" --role power
ev "$T" "Opposition councillors said they would seek a judicial review of the consultation, arguing that the council gave too little weight to the objections of businesses" \
  --stakeholder "Port Calder City Council" --note "The opposition within the council."

# --- Pros and cons ----------------------------------------------------------
# `question-add` and `argument-add` print the new id.
# An argument names its question by its text.
Q="Should Port Calder close the Harbour Bridge to private cars?"
cmd question-add "$Q"
n_ids=$((n_ids + 1))

# arg POLARITY STAKEHOLDER STRENGTH STATEMENT — sets A to (the placeholder
# of) the argument's id.
arg ()
{
  cmd argument-add "$Q" "$4" "--$1" --stakeholder "$2" --strength "$3"
  n_ids=$((n_ids + 1))
  A="@@ARG:$n_ids@@"
}
# cite DOC PHRASE [--note TEXT] — cites the highlight of PHRASE for argument A.
cite ()
{
  hl_ref "$cites" "$1" "$2"
  shift 2
  cmd_to "$cites" evidence-add "$H" --argument "$A" "$@"
}

arg pro "Coastal Regional Transit Authority" 5 \
  "Faster, reliable public transport: an 11-minute tram from the North Shore and buses out of the queue"
cite "$T" "A new Line 4 tram would link the North Shore estates to the city centre in 11 minutes, against 25 to 40 minutes by car at peak times today"
cite "$W" "Our buses spend more time queuing on that bridge than on any other kilometre in the region"
cite "$L" "North Shore residents without cars, a third of households there, would get a tram to the centre in 11 minutes."
arg pro "Port Calder Cyclists’ Union" 4 \
  "A protected cycle track on the crossing where 14 cyclists were seriously injured in five years"
cite "$T" "14 cyclists were seriously injured on the bridge in the past five years"
cite "$T" "This is the first plan that treats a child on a bicycle as someone who belongs on that bridge."
cite "$W" "said 14 riders had been seriously injured on the bridge in five years"
cite "$L" "The bridge is the most dangerous place in the city to ride a bicycle, according to the Port Calder Cyclists’ Union."
arg pro "Inès Varga" 4 \
  "Cleaner air on Quay Street, where nitrogen dioxide is above the legal limit"
cite "$T" "nitrogen dioxide on Quay Street averages 46 µg/m³, above the legal limit of 40"
cite "$L" "Air on Quay Street breaches the legal limit for nitrogen dioxide, and the bridge traffic is the main cause."
cite "$W" "nitrogen dioxide on Quay Street, now above the legal limit, is forecast to fall by about a third"
cite "$T" "the gains in air quality would be lost if traffic simply moved to the streets around the Eastway Tunnel" \
  --note "A caveat from its supporters (Clean Air Calder): only if the traffic does not move next door."
arg pro "National government" 4 \
  "£72 million from the Green Transit Fund that would otherwise go to another city"
cite "$T" "The national government has offered £72 million from its Green Transit Fund, on condition that work begins before the end of 2026"
cite "$W" "National money can only go to places that are prepared to change"
cite "$L" "The national grant would pay for almost half of the works."
arg pro "Port Calder City Council" 2 \
  "Car-free bridges have brought more shoppers, not fewer, elsewhere"
cite "$T" "footfall rose by 8 per cent on average in four European cities"
cite "$W" "whose study of four European bridge closures found an average 8 per cent rise in footfall"

arg con "Harbour Merchants’ Association" 4 \
  "The cost is likely £210 million, and every pound over £164 million falls on the city"
cite "$T" "put the likely cost closer to £210 million"
cite "$L" "puts the realistic cost at about £210 million"
cite "$L" "Every pound above £164 million falls on the city, not on the national fund."
cite "$L" "neither of which is costed" --note "The heritage work the estimate leaves out."
cite "$W" "If the cost rises to £210 million, that ratio falls to about £1.60."
arg con "Harbour Merchants’ Association" 4 \
  "Quayside shops lose trade through 26 months of works, with little support"
cite "$T" "64 per cent said they expected trade to fall"
cite "$T" "A tram doesn’t stop outside a hardware shop."
cite "$L" "which works out at roughly £7,000 per business over more than two years"
cite "$W" "In one city, trade fell for three years before it recovered"
arg con "North Shore Commuters’ Forum" 3 \
  "Drivers with no tram alternative face detours of 12 minutes or more, or a toll"
cite "$T" "detours through the tolled Eastway Tunnel or over Millbrook Bridge add 12 to 18 minutes each way"
cite "$T" "have been told to sit in a tunnel queue and pay a toll for the privilege"
cite "$W" "detours of 12 to 18 minutes, and tolls for drivers using the Eastway Tunnel"
cite "$L" "Detours of up to 25 minutes through the tolled Eastway Tunnel punish drivers who have no tram alternative, such as night-shift workers."
arg con "Calder Heritage Trust" 3 \
  "Tram wiring could damage the Grade I ironwork, and an inquiry could cost the grant"
cite "$T" "permanently scarring one of the finest iron bridges in the country"
cite "$L" "neither of which is costed"
cite "$L" "An inquiry typically takes a year."
cite "$W" "fixing tram wires to the Grade I listed arches could damage original ironwork"
arg con "Fire and ambulance service" 3 \
  "Emergency response to the North Shore depends on bollards working every time"
cite "$T" "is measured in lives, not minutes"
cite "$L" "Fire crews from the North Shore station will depend on bollards working every time."
cite "$T" "the North Shore fire station covers the old town at night"
cite "$W" "response times to the North Shore depend on bollards and clear tram lanes"
arg con "Harbour Merchants’ Association" 2 \
  "Two years of disruption with the bridge down to one lane each way"
cite "$T" "More than two years of construction disruption."
cite "$W" "26 months of construction with the bridge reduced to one lane each way"
arg con "Harbour Merchants’ Association" 2 \
  "The vote came too soon: the consultation was skimmed and key questions are unanswered"
cite "$L" "It was also taken before several questions that matter to the people who live and work beside the bridge had been answered."
cite "$L" "The consultation summarised 4,000 submissions in eleven pages."
cite "$T" "Opposition councillors said they would seek a judicial review of the consultation, arguing that the council gave too little weight to the objections of businesses"
cite "$W" "an opposition group on the council has said it will seek a judicial review"
arg con "Coastal Regional Transit Authority" 2 \
  "The transit authority’s share is borrowed against fares: fewer riders would cost other lines"
cite "$T" "largely borrowed against future fare revenue"
cite "$W" "a fall in ridership would hit its budget for other lines"

# A second question, on timing. One argument rests on a single outlet (only
# the Ledger has the correspondence): the Pros & Cons panel flags it.
Q="Should work wait until the heritage trust has agreed the tram wiring?"
cmd question-add "$Q"
n_ids=$((n_ids + 1))
arg pro "Calder Heritage Trust" 4 \
  "Agreeing the drawings first avoids a public inquiry, which typically takes a year"
cite "$L" "An inquiry typically takes a year."
cite "$T" "the trust could ask for a public inquiry"
cite "$W" "would consider asking for a public inquiry"
arg pro "Port Calder City Council" 3 \
  "The drawings are due with the heritage application in April anyway"
cite "$W" "the council would publish detailed drawings of the tram wiring with its heritage application"
cite "$L" "The next test is the heritage application due in April."
arg pro "Calder Heritage Trust" 2 \
  "The trust has asked four times for the wiring drawings and seen one outline sketch"
cite "$L" "the trust had written to the council four times asking to see detailed drawings of the tram wiring"
cite "$L" "It has received one outline sketch."
arg con "National government" 5 \
  "The £72 million is lost if work has not started by the end of 2026"
cite "$T" "The national government has offered £72 million from its Green Transit Fund, on condition that work begins before the end of 2026"
cite "$L" "work must start before the end of 2026, or the money goes back"
cite "$W" "two other cities had applied for the same tranche of money and that unspent funds would be reallocated"
arg con "Port Calder City Council" 3 \
  "Delays add up: a judicial review or an inquiry could each push the start past the deadline"
cite "$T" "A hearing, if granted, could delay the start of work by several months"
cite "$W" "If the heritage trust forces a public inquiry, the start date could slip into 2027, beyond the grant deadline"

# --- The second and third batches ------------------------------------------
resolve "$work/highlights.tsv" "$batch"
run_batch "$batch" "the evidence, questions and arguments"
lines_of "$batch.out" "$n_ids"
resolve "$work/highlights.tsv" "$cites"
awk 'NR == FNR { id[NR] = $0; next }
     {
       while (match ($0, /@@ARG:[0-9]+@@/)) {
         k = substr ($0, RSTART + 6, RLENGTH - 8) + 0
         if (id[k] !~ /^[0-9]+$/) exit 1
         $0 = substr ($0, 1, RSTART - 1) id[k] substr ($0, RSTART + RLENGTH)
       }
       print
     }' "$batch.out" "$cites" > "$work/batch3" \
  || die "dossier-cli batch printed no argument id where one was expected ($batch.out)"
batch="$work/batch3"
cmd export --format json -o "$work/export.json"
run_batch "$batch" "the arguments' evidence, and the JSON export"

# --- The briefing note ------------------------------------------------------
# A note comparing the three reports, every claim cited. c DOC PHRASE prints
# the citation "[@UUID]" of the highlight made by `hl DOC PHRASE`, its UUID
# read from the JSON export's "highlights" (one a line).
# DOC<tab>PHRASE<tab>UUID, one a line, from the export's HIGHLIGHT-ID<tab>UUID.
sed -n '/^  "highlights": \[/,/^  \]/p' "$work/export.json" |
  sed -n 's/^ *{"id": \([0-9]*\), "uuid": "\([0-9a-f-]*\)".*/\1\t\2/p' > "$work/uuids.tsv"
awk -F '\t' 'NR == FNR { uuid[$1] = $2; next }
             !($3 in uuid) {
               printf "build-sample.sh: no UUID for highlight %s (\"%s\") in the JSON export\n", $3, $2 > "/dev/stderr"
               exit 1
             }
             { print $1 FS $2 FS uuid[$3] }' \
    "$work/uuids.tsv" "$work/highlights.tsv" > "$work/highlight-uuids.tsv" || exit 1
# Each c runs in a subshell: it prints a placeholder, names its highlight
# in note.md.refs, and resolve writes the UUIDs in once the note is made.
c ()
{
  hl_ref "$work/note.md" "$1" "$2"
  printf '[@%s]' "$H"
}

# One line per paragraph or list item: the editor wraps them to its width.
cat > "$work/note.md" <<NOTE
## Purpose

For the mayor’s office and the council’s transport committee: what three outlets reported after the vote to close the Harbour Bridge to private cars $(c "$T" "the city council voted 31 to 24 late on Tuesday night"), where they agree, where they part ways, and what is still open before work can start.

## Summary

- The plan passed narrowly, and its supporters frame it as a long-term choice $(c "$T" "a choice for the next hundred years, not the next rush hour").
- All three reports tie the national grant to a start date $(c "$T" "The national government has offered £72 million from its Green Transit Fund, on condition that work begins before the end of 2026") that the ministry will not move $(c "$W" "apply to every city equally").
- The cost is the main dispute: the merchants’ estimate of about £210 million $(c "$T" "put the likely cost closer to £210 million") leaves the city exposed $(c "$L" "Every pound above £164 million falls on the city, not on the national fund.").
- The heritage consent is the likeliest cause of delay: the trust has seen one outline sketch of the wiring $(c "$L" "It has received one outline sketch.") and could ask for a public inquiry $(c "$T" "the trust could ask for a public inquiry").

## Background

The four traffic lanes are to give way to trams, buses and bicycles $(c "$T" "the four traffic lanes will be replaced by two tram tracks, a shared bus lane and a protected two-way cycle track"), with the bridge down to one lane each way through 26 months of works $(c "$W" "26 months of construction with the bridge reduced to one lane each way"). The national fund, the regional transit authority $(c "$W" "The Coastal Regional Transit Authority (CRTA) is to contribute £58 million") and the city share the £164 million bill.

## Where the sources agree

- **Journey times.** The Tribune and the Ledger both give 11 minutes from the North Shore to the centre by tram $(c "$T" "A new Line 4 tram would link the North Shore estates to the city centre in 11 minutes, against 25 to 40 minutes by car at peak times today") $(c "$L" "North Shore residents without cars, a third of households there, would get a tram to the centre in 11 minutes.").
- **Buses.** The transit authority’s case is the bottleneck itself $(c "$W" "Our buses spend more time queuing on that bridge than on any other kilometre in the region").
- **Safety.** The Tribune and the wire story count the same 14 cyclists seriously injured in five years $(c "$T" "14 cyclists were seriously injured on the bridge in the past five years") $(c "$W" "said 14 riders had been seriously injured on the bridge in five years").

## Where the sources diverge

- **The value of the scheme.** Only the wire story works out what the higher estimate does to it $(c "$W" "If the cost rises to £210 million, that ratio falls to about £1.60.").
- **Trade.** The Tribune reports the council’s footfall figure $(c "$T" "footfall rose by 8 per cent on average in four European cities"); the wire story quotes its author warning that results vary $(c "$W" "In one city, trade fell for three years before it recovered").
- **Heritage.** Only the Ledger says the heritage work is not costed $(c "$L" "neither of which is costed") and that an inquiry would take a year $(c "$L" "An inquiry typically takes a year.").
- **Detours.** The Tribune and the wire story give drivers detours of 12 to 18 minutes $(c "$T" "detours through the tolled Eastway Tunnel or over Millbrook Bridge add 12 to 18 minutes each way") $(c "$W" "detours of 12 to 18 minutes, and tolls for drivers using the Eastway Tunnel"); the Ledger says up to 25 $(c "$L" "Detours of up to 25 minutes through the tolled Eastway Tunnel punish drivers who have no tram alternative, such as night-shift workers.").
- **Emergency access.** The Tribune leads with the fire chief’s warning $(c "$T" "is measured in lives, not minutes"); the wire story adds the written guarantees he has since received $(c "$W" "he had received written guarantees on bollard control but would test the system himself before opening day").

## Stakeholders and their positions

- **Inès Varga**, the mayor: for; she won the vote she campaigned on $(c "$W" "Mayor Inès Varga, who campaigned on the project, described the result as a mandate.") and her re-election rests on it $(c "$T" "who made the scheme the centrepiece of her re-election campaign").
- **National government**: for, with £72 million, but the money will not wait $(c "$W" "two other cities had applied for the same tranche of money and that unspent funds would be reallocated").
- **Harbour Merchants’ Association**: against the plan as it stands $(c "$T" "A tram doesn’t stop outside a hardware shop.") $(c "$L" "The council is treating the grant as a gift. It is a loan of time."); outvoted, its lever is a judicial review $(c "$T" "Opposition councillors said they would seek a judicial review of the consultation, arguing that the council gave too little weight to the objections of businesses").
- **North Shore commuters**: against detours and tolls $(c "$T" "have been told to sit in a tunnel queue and pay a toll for the privilege"), asking for free use of the tunnel during the works $(c "$W" "toll-free use of the Eastway Tunnel for residents during construction").
- **Calder Heritage Trust**: not against trams, against harm to the ironwork $(c "$T" "permanently scarring one of the finest iron bridges in the country"); it has asked four times for the wiring drawings $(c "$L" "the trust had written to the council four times asking to see detailed drawings of the tram wiring").
- **Fire and ambulance service**: accepts the plan if the bollards work, and will hold their controls $(c "$T" "the council has promised rising bollards controlled from the fire service’s control room").

## Pros and cons

**Should Port Calder close the Harbour Bridge to private cars?** The pros rest on faster public transport, a safer crossing $(c "$L" "The bridge is the most dangerous place in the city to ride a bicycle, according to the Port Calder Cyclists’ Union.") and cleaner air $(c "$L" "Air on Quay Street breaches the legal limit for nitrogen dioxide, and the bridge traffic is the main cause."); the weightiest cons are the cost and the shops’ trade through the works $(c "$T" "64 per cent said they expected trade to fall").

**Should work wait until the heritage trust has agreed the tram wiring?** Waiting could avoid an inquiry, but the grant goes back if work has not started by the end of 2026 $(c "$L" "work must start before the end of 2026, or the money goes back"), and a judicial review could cost months of its own $(c "$T" "A hearing, if granted, could delay the start of work by several months").

## Options and recommendation

1. **Proceed as voted.** Fastest route to the grant, but an inquiry alone could take a year $(c "$L" "An inquiry typically takes a year.").
2. **Proceed, and settle the open questions first**: publish the heritage drawings $(c "$W" "We will show every bolt"), cost the heritage work, and agree the traders’ fund, which the committee calls $(c "$L" "a starting point, not a ceiling").

**Recommendation:** option 2, with the heritage drawings published with the April application $(c "$W" "the council would publish detailed drawings of the tram wiring with its heritage application"), so that the start date the grant needs is kept.
NOTE
resolve "$work/highlight-uuids.tsv" "$work/note.md"

B=$("$cli" briefing-new "$tmp" "Harbour Bridge: what the three reports say" \
      --doc "$T" --doc "$L" --doc "$W" --body-file "$work/note.md") \
  || die "dossier-cli briefing-new failed while building $out"
# Every citation must be sound: a phrase or importer change that moved a
# highlight would show here, not in the window.
"$cli" briefing "$tmp" "$B" --check > /dev/null \
  || die "the sample briefing note cites a passage that cannot be verified"

run check "$tmp"

# A non-empty write-ahead log would mean the last changes are not in the main
# file yet; moving the file alone would lose them.
if [ -s "$tmp-wal" ]; then
  die "dossier-cli left an unmerged write-ahead log ($tmp-wal); the sample would be incomplete"
fi

# Installed as is: readable by everyone, whatever the umask of the build.
if [ "$tmp" != "$final" ]; then
  cp "$tmp" "$final" || die "could not copy the finished sample next to $out"
fi
chmod 0644 "$final"
# On the disk before it takes the sample's name, and the name after.
sync "$final" || die "could not write $final to the disk"
mv -f "$final" "$out"
sync "$(dirname "$out")" || die "could not write the folder of $out to the disk"
