#!/bin/sh
# Creates the missing Kafka topics of infra/kafka/topics.txt (NAME PARTITIONS [config=value ...] per line),
# for deploy/compose.yaml's one-shot `kafka-topics` service (apache/kafka image). Existing topics are left
# alone, as infra/kafka.sh does. Automatic topic creation is off on the broker.
set -eu

TOPICS_FILE=${TOPICS_FILE:-/etc/drivetest/topics.txt}
BOOTSTRAP=${BOOTSTRAP:-kafka:9092}
KAFKA_TOPICS=${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}
REPLICATION=${REPLICATION:-1}

sed -e 's/#.*//' "$TOPICS_FILE" | while read -r name partitions configs; do
  [ -n "$name" ] || continue
  set -- --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$REPLICATION"
  for config in $configs; do set -- "$@" --config "$config"; done
  "$KAFKA_TOPICS" "$@"
done
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --list
