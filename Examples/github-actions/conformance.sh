#!/usr/bin/env bash
# The commands of conformance.yml, in one place: the workflow calls this script, and .ci/run runs it too, so what the
# recipe does is tested with the suite.
#
#   conformance.sh shard I/N    run shard I of N into reports/junit-shard-I.xml (the target: $CONFORMANCE_CONFIG, or
#                               the embedded reference server); exit 1 when a case of the shard fails
#   conformance.sh merge        join reports/junit-shard-*.xml into reports/junit.xml with its page, results and
#                               summary; the Markdown summary goes to $GITHUB_STEP_SUMMARY when it is set
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p reports
case "${1:-}" in
    shard)
        part=${2:?usage: conformance.sh shard I/N}
        swift run conformance run --shard "$part" --quiet --junit "reports/junit-shard-${part%%/*}.xml"
        ;;
    merge)
        shopt -s nullglob
        shards=(reports/junit-shard-*.xml)
        [ ${#shards[@]} -gt 0 ] || { echo "conformance.sh: no reports/junit-shard-*.xml to merge" >&2; exit 2; }
        swift run conformance report --merge "${shards[@]}" -o reports/junit.xml \
            --markdown "${GITHUB_STEP_SUMMARY:-reports/summary.md}"
        ;;
    *)
        echo "usage: conformance.sh shard I/N | merge" >&2
        exit 2
        ;;
esac
