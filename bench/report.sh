# Sourced by bench/compare.sh and bench/site-report.sh: builds the report tool once.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
report_jar="$root/bench/report/target/bench-report.jar"
if [ ! -f "$report_jar" ] || [ -n "$(find "$root/bench/report/src" "$root/bench/report/pom.xml" -newer "$report_jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -ntp package -pl bench/report -DskipTests)
fi
