# Shared by the bench scripts (source it).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A gateway's start-up work (JIT, building the docs search index) takes about a core for several seconds after it
# reports ready; wait until a process uses less than half a core over 2 s (at most a minute) before measuring.
wait_settled() {
  local pid=$1 t0
  for _ in $(seq 1 30); do
    t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
    sleep 2
    (( $(awk '{print $14+$15}' "/proc/$pid/stat") - t0 < 100 )) && return 0
  done
}
