#!/usr/bin/env bash
# Measures start-up time and memory of the packaged application: a first start on an empty data
# directory, then a second start on the same data. Run from the repository root after
# `./mvnw -DskipTests package`. Figures go into docs/benchmarks.md, the latest also into the README.
set -euo pipefail
jar=target/golden-thread-0.1.0-SNAPSHOT.jar
data=$(mktemp -d)
trap 'pkill -f "$jar" || true; rm -rf "$data"' EXIT
for run in first later; do
  start=$(date +%s.%N)
  GT_DATA_DIR=$data GT_DEMO=true GT_ADMIN_PASSWORD='measure start-up 1' java -jar "$jar" > "$data/$run.log" 2>&1 &
  until curl -fs localhost:8080/actuator/health | grep -q UP; do sleep 0.2; done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  pid=$(pgrep -f "$jar" | head -1)
  jvm=$(ps -o rss= -p "$pid")
  pg=$(ps -eo rss,args | awk '/[p]ostgres/ {s+=$1} END {print s}')
  echo "$run start: ready after ${ready}s; $(grep -o 'Started GoldenThreadApplication in [0-9.]* seconds' "$data/$run.log");" \
       "JVM RSS $((jvm / 1024)) MiB; PostgreSQL RSS (sum) $((pg / 1024)) MiB"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
done
