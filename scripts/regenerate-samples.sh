#!/usr/bin/env sh
# Regenerates the sample reports in docs/samples from the examples, with the jar of this checkout.
# The analysis reports are dated 15 October 2568 (2025-10-15), when an agency writes its analysis of the 2568
# results, so that their draft measures run through fiscal year 2569 as they would have then.
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -o -DskipTests package
./mvnw -q -o -pl openita-report test -Dtest=FollowUpReportTest -Dsurefire.failIfNoSpecifiedTests=false
for f in pdf docx html; do
  bin/openita report --input examples/samdet-2568.json --previous examples/samdet-2567.json --date 2025-10-15 \
      --out "docs/samples/samdet-2568-analysis.$f"
  cp "openita-report/target/samples/follow-up-2569.$f" "docs/samples/follow-up-2569.$f"
done
bin/openita report --input examples/samdet-2568.json --previous examples/samdet-2567.json --date 2025-10-15 \
    --measures examples/samdet-measures-2569.json --out docs/samples/samdet-2568-analysis-confirmed-measures.pdf
echo "docs/samples regenerated"
