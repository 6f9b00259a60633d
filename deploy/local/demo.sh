#!/usr/bin/env bash
# The whole system on this machine with simulated devices: starts Kafka, InfluxDB and Mosquitto
# (installing what is missing), builds anjian, imports the example Henan registry, then runs the MQTT
# bridge, the Flink monitoring job, alerting and the simulator in one process, printing alarms and
# SMS notifications as they happen. Ctrl-C stops anjian; the services keep running so the data can be
# explored (deploy/local/stack.sh stop to stop them).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$root"

deploy/local/stack.sh start --profile demo
echo "== building anjian (mvn -DskipTests package)"
mvn -q -DskipTests package
echo "== preparing InfluxDB (retention policies, downsampling; idempotent)"
bin/anjian storage setup
echo "== importing the example registry config/registry/henan-example.yaml"
bin/anjian registry import config/registry/henan-example.yaml --prune
cat <<'TXT'
== running anjian: MQTT bridge and JT/T 808 gateway, the monitoring and online-rate Flink jobs, alerting,
   and the simulators (sensors over MQTT, the example fleet over JT/T 808). Alarms and SMS appear below.
   The incidents (ammonia leak, methane flapping, a silent sensor, a calibration, an overspeeding coach,
   a vehicle cut off and re-sending) unfold over about three minutes.
   Data:   influx -port 8086 -database anjian -execute 'SELECT * FROM alarm'
   SMS:    var/sms.log (log provider)     API: curl -H 'Authorization: Bearer demo-centre-token' http://127.0.0.1:8090/api/alarms
   Logs:   var/logs/anjian.log            Stop: Ctrl-C (the services keep running: deploy/local/stack.sh stop)
TXT
exec bin/anjian demo
