#!/usr/bin/env bash
# Tests a built GroupChat .deb; builds nothing. Usage: jpackage/test-installed-package.sh path/to/groupchat_*.deb
#  1. unpacks it with dpkg-deb -x; from that tree runs groupchat-servers (a registry and a group on 127.0.0.1),
#     joins, sends and fetches with the packaged command-line client, stops it with SIGTERM (exit 0 expected);
#     then the same with --secure (CURVE), and checks that a client without the registry's key is refused;
#  2. starts the GroupChat launcher under Xvfb until its main window is shown, then lets it close itself;
#  3. as root: dpkg -i, checks the menu entry and both commands, dpkg -r.
# Prints the .deb size, the time from launch to the main window, and the installed size.
# All traffic stays on 127.0.0.1; every wait is bounded.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 path/to/groupchat_VERSION_ARCH.deb" >&2
  exit 2
fi
deb=$(realpath "$1")
package=$(dpkg-deb -f "$deb" Package)
work=$(mktemp -d "${TMPDIR:-/tmp}/groupchat-package-test.XXXXXX")
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    { kill -KILL "$pid" && wait "$pid"; } 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
fail() {
  echo "FAILED: $*" >&2
  for log in "$work"/*.out "$work"/*.err; do
    [ -s "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
  done
  exit 1
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_for_line FILE PATTERN SECONDS [PID]: true once FILE has a line matching PATTERN; false on timeout or if PID dies
wait_for_line() {
  local file=$1 pattern=$2 deadline=$(( $(date +%s) + $3 )) pid=${4:-}
  until grep -qE "$pattern" "$file" 2>/dev/null; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      grep -qE "$pattern" "$file" 2>/dev/null
      return
    fi
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# wait_for_exit PID SECONDS: sets exit_code to the process's exit status; false if it is still running after SECONDS
wait_for_exit() {
  local pid=$1 deadline=$(( $(date +%s) + $2 ))
  while kill -0 "$pid" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
  exit_code=0
  wait "$pid" || exit_code=$?
}

# a TCP port on 127.0.0.1 that nothing listens on, from below the kernel's ephemeral range
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}

# the packages the .deb depends on that are not installed here
missing_dependencies() {
  local dep name
  IFS=',' read -ra deps <<<"$(dpkg-deb -f "$deb" Depends)"
  for dep in "${deps[@]}"; do
    name=$(echo "$dep" | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g')
    [ -z "$name" ] || dpkg-query -W -f '${Status}' "$name" 2>/dev/null | grep -q 'ok installed' || echo "$name"
  done
}

deb_bytes=$(stat -c %s "$deb")
echo "package $package $(dpkg-deb -f "$deb" Version), $deb_bytes bytes: $deb"

step "unpack with dpkg-deb -x"
dpkg-deb -x "$deb" "$work/root"
bin=$(dirname "$(find "$work/root" -type f -path '*/bin/groupchat-servers' | head -n 1)")
[ -x "$bin/groupchat-servers" ] && [ -x "$bin/GroupChat" ] || fail "no bin/groupchat-servers and bin/GroupChat in the package"
echo "launchers in ${bin#"$work/root"}"
# keep everything the launchers write (identities, caches) inside the test folder
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

# the unpacked GroupChat needs them too (GTK for JavaFX), and dpkg -i would not fetch them
mapfile -t missing < <(missing_dependencies)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing what the package depends on: ${missing[*]}"
    apt-get update -qq
    # satisfy, not install: it takes the Depends line as it is, virtual packages (libasound2 on Ubuntu 24.04) included
    DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -qq "$(dpkg-deb -f "$deb" Depends)" >/dev/null
  else
    echo "warning: the package depends on these, which are not installed (or only provided by others): ${missing[*]}"
  fi
fi

step "groupchat-servers: a registry and a group on 127.0.0.1"
"$bin/groupchat-servers" --registry-bind 'tcp://127.0.0.1:*' --group 'Package Test=tcp://127.0.0.1:*' \
  --data-dir "$work/data" --heartbeat-ms 500 >"$work/servers.out" 2>"$work/servers.err" &
servers=$!
pids+=("$servers")
wait_for_line "$work/servers.out" '^ready;' 30 "$servers" || fail "groupchat-servers did not get ready within 30 s"
cat "$work/servers.out"
registry=$(awk '$1 == "registry" { print $2 }' "$work/servers.out")
[ -n "$registry" ] || fail "no registry line in the servers' output"

client() {
  timeout 30 "$bin/groupchat-servers" client --registry "$registry" --identity "$work/alice.json" --name Alice "$@"
}
joined=
for _ in $(seq 1 20); do  # the group registers on its first heartbeat
  if client join 'Package Test' >"$work/join.out" 2>&1; then joined=yes; break; fi
  sleep 0.5
done
[ -n "$joined" ] || fail "client join: $(cat "$work/join.out")"
text="hello from the unpacked package $$"
client send 'Package Test' "$text" || fail "client send"
client fetch 'Package Test' >"$work/fetch.out" || fail "client fetch"
grep -qF "$text" "$work/fetch.out" || fail "client fetch did not return the message sent"
echo "client join, send, fetch: ok ($(grep -cF "$text" "$work/fetch.out") message back)"

kill -TERM "$servers"
wait_for_exit "$servers" 20 || fail "groupchat-servers still running 20 s after SIGTERM"
[ "$exit_code" -eq 0 ] || fail "groupchat-servers exited with $exit_code after SIGTERM, not 0"
grep -q '^stopped' "$work/servers.out" || fail "groupchat-servers did not say it stopped"
echo "SIGTERM: stopped, exit 0"

step "groupchat-servers --secure: CURVE through the packaged runtime (jnacl on the class path)"
"$bin/groupchat-servers" --secure --registry-bind 'tcp://127.0.0.1:*' --group 'Secret Test=tcp://127.0.0.1:*' \
  --data-dir "$work/secure-data" --heartbeat-ms 500 >"$work/secure.out" 2>"$work/secure.err" &
secure=$!
pids+=("$secure")
wait_for_line "$work/secure.out" '^ready;' 30 "$secure" || fail "groupchat-servers --secure did not get ready within 30 s"
registry=$(awk '$1 == "registry" { print $2 }' "$work/secure.out")
[ "$(stat -c %a "$work/secure-data/keys/registry.key_secret")" = 600 ] || fail "registry.key_secret is not mode 600"
secure_client() {
  timeout 30 "$bin/groupchat-servers" client --registry "$registry" --registry-key "$work/secure-data/keys/registry.key" \
    --identity "$work/alice.json" "$@"
}
joined=
for _ in $(seq 1 20); do
  if secure_client join 'Secret Test' >"$work/secure-join.out" 2>&1; then joined=yes; break; fi
  sleep 0.5
done
[ -n "$joined" ] || fail "secure client join: $(cat "$work/secure-join.out")"
secure_client send 'Secret Test' "$text" || fail "secure client send"
secure_client fetch 'Secret Test' >"$work/secure-fetch.out" || fail "secure client fetch"
grep -qF "$text" "$work/secure-fetch.out" || fail "secure client fetch did not return the message sent"
if timeout 30 "$bin/groupchat-servers" client --registry "$registry" --identity "$work/alice.json" list \
    >"$work/secure-nokey.out" 2>&1; then
  fail "a client without the registry's key was served"
fi
grep -q 'refused our handshake' "$work/secure-nokey.out" || fail "no clear refusal without the key: $(cat "$work/secure-nokey.out")"
kill -TERM "$secure"
wait_for_exit "$secure" 20 || fail "groupchat-servers --secure still running 20 s after SIGTERM"
[ "$exit_code" -eq 0 ] || fail "groupchat-servers --secure exited with $exit_code after SIGTERM, not 0"
echo "secure join, send, fetch: ok; without the key: refused with a clear message; SIGTERM: exit 0"

step "GroupChat under Xvfb until its main window is shown"
if ! command -v Xvfb >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || fail "Xvfb is missing (apt-get install xvfb), and only root may install it"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.out" 2>&1 &
pids+=($!)
wait_for_line "$work/display" '^[0-9]+$' 20 || fail "Xvfb did not start within 20 s"
display=":$(cat "$work/display")"
# a saved identity skips the first-start name dialog; a free port keeps the bundled registry off 5555
mkdir -p "$work/profile"
printf 'id=6f1c2a3e-0d4b-4e8f-9a7c-5b2d1e0f3a4c\nname=Package Test\n' >"$work/profile/identity.properties"
port=$(free_port) || fail "no free port on 127.0.0.1"
started=$(now_ms)
DISPLAY=$display JAVA_TOOL_OPTIONS=-Dgroupchat.smokeExit=true \
  "$bin/GroupChat" --config-dir "$work/profile" --registry "tcp://127.0.0.1:$port" >"$work/gui.out" 2>"$work/gui.err" &
gui=$!
pids+=("$gui")
wait_for_line "$work/gui.out" 'main window shown' 90 "$gui" || fail "GroupChat showed no main window within 90 s"
window_ms=$(( $(now_ms) - started ))
echo "main window shown after $window_ms ms"
wait_for_exit "$gui" 60 || fail "GroupChat did not close within 60 s of showing its window"
[ "$exit_code" -eq 0 ] || fail "GroupChat exited with $exit_code, not 0"
grep -v '^main window shown' "$work/gui.out" | sed 's/^/  /'
echo "closed, exit 0"

step "dpkg -i, menu entry and commands, dpkg -r"
installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: needs root (CI runs as root on a throwaway machine)"
else
  if dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
    fail "$package is already installed here; remove it first so the test cannot damage a real install"
  fi
  installed=yes  # from here on, the package is removed however the test ends
  remove() { [ -z "${installed:-}" ] || dpkg --purge "$package" >/dev/null 2>&1 || true; }
  trap 'remove; cleanup' EXIT
  dpkg -i "$deb" >"$work/dpkg-install.out" 2>&1 || fail "dpkg -i: $(cat "$work/dpkg-install.out")"
  files=$(dpkg -L "$package")
  prefix=$(echo "$files" | grep -m1 '/bin/GroupChat$' | xargs dirname | xargs dirname)
  for command in "$prefix/bin/GroupChat" "$prefix/bin/groupchat-servers"; do
    [ -x "$command" ] || fail "$command missing after dpkg -i"
  done
  "$prefix/bin/groupchat-servers" --version
  entry=/usr/share/applications/$package-GroupChat.desktop
  [ -f "$entry" ] || fail "no menu entry $entry"
  grep -qx 'Name=GroupChat' "$entry" || fail "menu entry: no Name=GroupChat"
  grep -qx 'Categories=Network;Chat;' "$entry" || fail "menu entry: no Categories=Network;Chat;"
  grep -qx "Exec=$prefix/bin/GroupChat" "$entry" || fail "menu entry: Exec is not $prefix/bin/GroupChat"
  icon=$(sed -n 's/^Icon=//p' "$entry")
  [ -f "$icon" ] || fail "menu entry: icon $icon missing"
  if ls /usr/share/applications/ | grep -qi 'groupchat-servers'; then
    fail "groupchat-servers must not have a menu entry"
  fi
  if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$entry" || fail "desktop-file-validate $entry"
  fi
  echo "menu entry $entry (icon $icon); commands $prefix/bin/GroupChat and $prefix/bin/groupchat-servers"
  installed_du=$(du -sk "$prefix" | cut -f1)
  dpkg -r "$package" >"$work/dpkg-remove.out" 2>&1 || fail "dpkg -r: $(cat "$work/dpkg-remove.out")"
  dpkg --purge "$package" >/dev/null 2>&1
  installed=
  [ ! -e "$prefix/bin/GroupChat" ] || fail "$prefix/bin/GroupChat still there after dpkg -r"
  [ ! -e "$entry" ] || fail "$entry still there after dpkg -r"
  echo "dpkg -r: launchers and menu entry gone"
fi

step "figures"
mb() { awk -v bytes="$1" 'BEGIN { printf "%.1f", bytes / 1000000 }'; }
printf '.deb size:                     %d bytes (%s MB)\n' "$deb_bytes" "$(mb "$deb_bytes")"
printf 'launch to main window:         %d ms (under Xvfb, bundled servers starting)\n' "$window_ms"
printf 'installed size (dpkg):         %d KiB (%s MB)\n' "$installed_kib" "$(mb $(( installed_kib * 1024 )))"
[ -z "${installed_du:-}" ] || printf 'installed size (du of %s): %d KiB\n' "$prefix" "$installed_du"
echo "PASS"
