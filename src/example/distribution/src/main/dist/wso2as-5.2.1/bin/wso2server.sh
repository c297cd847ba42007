#!/bin/sh
# Sample start script of the bundled sample distribution (not a real WSO2 server).
# Managers start with -Dsetup, workers with -DworkerNode=true.
CARBON_HOME=$(cd "$(dirname "$0")/.." && pwd)
echo "Sample WSO2 AS 5.2.1 in $CARBON_HOME"
if [ -f "$CARBON_HOME/cluster/node.properties" ]; then
  cat "$CARBON_HOME/cluster/node.properties"
fi
