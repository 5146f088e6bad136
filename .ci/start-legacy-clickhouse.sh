#!/usr/bin/env bash
# Starts Debian's ClickHouse server (18.16, the only one installable here) on loopback for the
# remote-gateway tests, and prints the URL to use as SIGHTLINE_TEST_CLICKHOUSE_URL.
# The schema needs ClickHouse 24.8+, so the tests exercise on this server only what it supports:
# connecting, authentication errors, inserts and selects in formats it knows, error-code mapping.
set -euo pipefail

port="${1:-18123}"
root="${CLICKHOUSE_LEGACY_DIR:-/tmp/sightline-legacy-clickhouse}"

if ! command -v clickhouse-server >/dev/null 2>&1; then
  echo "installing clickhouse-server (Debian package)..." >&2
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q clickhouse-server clickhouse-client >/dev/null
  else
    DEBIAN_FRONTEND=noninteractive sudo -n apt-get install -y -q clickhouse-server clickhouse-client >/dev/null
  fi
fi

mkdir -p "$root/data" "$root/tmp" "$root/log" "$root/user_files" "$root/format_schemas"
cat >"$root/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$root/log/server.log</log><errorlog>$root/log/error.log</errorlog></logger>
  <http_port>$port</http_port>
  <tcp_port>$((port + 1))</tcp_port>
  <interserver_http_port>$((port + 2))</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>64</max_connections>
  <path>$root/data/</path>
  <tmp_path>$root/tmp/</tmp_path>
  <user_files_path>$root/user_files/</user_files_path>
  <format_schema_path>$root/format_schemas/</format_schema_path>
  <users_config>$root/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>104857600</mark_cache_size>
</yandex>
XML
cat >"$root/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>1000000000</max_memory_usage></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <sightline><password>sightline-test</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></sightline>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML

if ! curl -sf "http://127.0.0.1:$port/ping" >/dev/null 2>&1; then
  nohup clickhouse-server --config-file="$root/config.xml" >"$root/log/stdout.log" 2>&1 &
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/ping" >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
curl -sf "http://127.0.0.1:$port/ping" >/dev/null || { echo "ClickHouse 18.16 did not start; see $root/log" >&2; exit 1; }
echo "http://127.0.0.1:$port"
