# Sourced by the benches that run one project of their own (autoscale, deploy, sampling, scale):
#   . bench/project.sh NAME
# checks python3, sets SCALER (default ./scaler of this checkout) and PROJECT, keeps the run's state in a temporary
# work directory ($work), removes the project (and the work directory) on exit, and removes a project of that name
# left by an earlier run that was killed. A script that makes more (an image) defines bench_also_remove.
command -v python3 >/dev/null || { echo "${0##*/} needs python3" >&2; exit 2; }
SCALER="${SCALER:-./scaler}"
PROJECT="$1"
work="$(mktemp -d)"
export SCALER_STATE_DIR="$work/.scaler"
bench_also_remove() { :; }
cleanup() {
  "$SCALER" down "$PROJECT" >/dev/null 2>&1 || true
  bench_also_remove
  rm -rf "$work"
}
trap cleanup EXIT
"$SCALER" down "$PROJECT" >/dev/null 2>&1 || true
