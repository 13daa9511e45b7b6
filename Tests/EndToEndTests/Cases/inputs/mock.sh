# Sourced by the API cases: `. ./mock.sh` then `start_mock [datacrazy-mock
# options]` starts the mock on a free port with the conversations of all.json,
# points dcq at it with a cache folder of the case's own, and stops it when the
# case's shell exits. (sh cannot pass arguments to a sourced file: hence the function.)
[ -f all.json ] || dcq-gen --count 400 --output all.json
# Each case's mock listens on a loopback address of its own (127.x.y.z): once
# stopped, its address and port stay unanswered, whatever other tests start.
byte() { echo $(( $(od -An -N1 -tu1 /dev/urandom) % 254 + 1 )); }
mock_host=127.$(byte).$(byte).$(byte)
start_mock() {
  datacrazy-mock --host "$mock_host" --file all.json --token secret-token-123 "$@" > mock.out 2> mock.err &
  mock_pid=$!
  trap 'kill $mock_pid 2>/dev/null' EXIT
  tries=0
  until grep -q "listening on" mock.out 2>/dev/null; do
    tries=$((tries + 1))
    [ $tries -gt 200 ] && { echo "the mock did not start" >&2; cat mock.err >&2; exit 1; }
    sleep 0.05
  done
  DATACRAZY_API_URL=$(sed -n 's/.*listening on //p' mock.out)
  DATACRAZY_TOKEN=secret-token-123
  DCQ_CACHE_DIR=$PWD/cache
  DCQ_RATE_LIMIT=off
  export DATACRAZY_API_URL DATACRAZY_TOKEN DCQ_CACHE_DIR DCQ_RATE_LIMIT
}
stop_mock() { kill $mock_pid 2>/dev/null; wait $mock_pid 2>/dev/null; }
