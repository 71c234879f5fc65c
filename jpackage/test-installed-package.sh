#!/usr/bin/env bash
# Tests a built GroupChat .deb; builds nothing. Usage: jpackage/test-installed-package.sh path/to/groupchat_*.deb
#  0. lintian: fails on any error or warning that is not in the allow-list below; the control fields;
#  1. unpacks it with dpkg-deb -x; from that tree runs groupchat-servers (a registry and a group on 127.0.0.1),
#     joins, sends and fetches with the packaged command-line client, stops it with SIGTERM (exit 0 expected);
#     checks --version, the group database's mode (600), and that `client list` with no server fails fast;
#     then the same with --secure (CURVE), and checks that a client without the registry's key is refused;
#  2. starts the GroupChat launcher under Xvfb until its main window is shown, then lets it close itself; checks that
#     every native library of the package (and JavaFX's, unpacked at that start) finds the libraries it links;
#  3. as root: dpkg -i; the commands on PATH, the menu entry, the theme icons and the docs, each a file dpkg owns;
#     the service (issue 17): the systemd unit (systemd-analyze verify), disabled; its system user and 0700 data
#     folder; /etc/groupchat/servers.yaml a conffile; the unit's command run as its user with that config (ports
#     moved to free ones) answers its /health; dpkg --purge leaves nothing of the package behind.
#     Maintainer scripts: only postinst, prerm, postrm, for the service's user and data folder.
# Prints the .deb size, the time from launch to the main window, and the installed size.
# All traffic stays on 127.0.0.1; every wait is bounded. GROUPCHAT_TEST_PORTS=FIRST-LAST (default 20000-31999) is
# where it looks for a free TCP port; GROUPCHAT_TEST_LINTIAN=no skips lintian (for a root of another distribution,
# whose lintian knows other tags).
set -euo pipefail
trap 'echo "FAILED: line $LINENO: $BASH_COMMAND" >&2' ERR

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

# a TCP port on 127.0.0.1 that nothing listens on, from GROUPCHAT_TEST_PORTS (below the kernel's ephemeral range)
ports=${GROUPCHAT_TEST_PORTS:-20000-31999}
[[ $ports =~ ^([0-9]+)-([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -le "${BASH_REMATCH[2]}" ] \
  || { echo "GROUPCHAT_TEST_PORTS=$ports: give FIRST-LAST" >&2; exit 2; }
first_port=${BASH_REMATCH[1]} port_count=$(( BASH_REMATCH[2] - BASH_REMATCH[1] + 1 ))
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( first_port + RANDOM % port_count ))
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

# need COMMAND PACKAGE: installs PACKAGE when COMMAND is missing (root only; CI is root on a throwaway machine)
need() {
  command -v "$1" >/dev/null 2>&1 && return
  [ "$(id -u)" -eq 0 ] || fail "$1 is missing (apt-get install $2), and only root may install it"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

# png_size FILE: WIDTHxHEIGHT from the PNG header
png_size() {
  local hex
  hex=$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')
  echo "$((16#${hex:0:8}))x$((16#${hex:8:8}))"
}

# missing_libraries DIR...: the ELF files under DIR that do not find a library they link (libjvm.so is found by the
# launcher, from the runtime's lib/server)
missing_libraries() {
  local file runtime
  runtime=$(dirname "$(find "$@" -name libjvm.so -print -quit)")
  while IFS= read -r -d '' file; do
    [ "$(od -An -tx1 -N4 "$file" | tr -d ' ')" = 7f454c46 ] || continue
    { LD_LIBRARY_PATH="$runtime:$(dirname "$runtime")" ldd "$file" 2>/dev/null || true; } | sed -n "/not found/s|^|$file: |p"
  done < <(find "$@" -type f \( -name '*.so' -o -perm -u+x \) -print0)
}

version=$(dpkg-deb -f "$deb" Version)
upstream_version=${version%-*}
deb_bytes=$(stat -c %s "$deb")
echo "package $package $version, $deb_bytes bytes: $deb"

step "lintian and the control fields"
# What lintian may report; anything else at warning level or above fails. Each is what a self-contained app in /opt
# (the jpackage layout, with its own Java runtime and class path) is, not a fault of the package:
lintian_allowed=(
  dir-or-file-in-opt             # the app lives in /opt/groupchat, as jpackage lays it out
  jar-not-in-usr-share           # its class path is the app image's lib/app, not Debian's /usr/share/java
  unknown-java-class-version     # jackson-core's multi-release classes for Java 22, newer than lintian knows
  initial-upload-closes-no-bugs  # not uploaded to Debian, so there is no ITP bug to close
)
if [ "${GROUPCHAT_TEST_LINTIAN:-yes}" = no ]; then
  echo "skipped: GROUPCHAT_TEST_LINTIAN=no"
else
  need lintian lintian
  # --fail-on none: the exit status then says only whether lintian could check the package
  lintian --fail-on none --tag-display-limit 0 "$deb" >"$work/lintian.out" 2>"$work/lintian.err" \
    || fail "lintian could not check the package: $(cat "$work/lintian.err")"
  grep -E '^[EW]: ' "$work/lintian.out" | awk '{ print $1, $3 }' | sort | uniq -c | sed 's/^/  /'
  allowed=$(IFS='|'; echo "${lintian_allowed[*]}")
  if grep -E '^[EW]: ' "$work/lintian.out" | grep -vE "^[EW]: [^ ]+ ($allowed)( |$)" >"$work/lintian-new.out"; then
    cat "$work/lintian-new.out" >&2
    fail "lintian: $(wc -l <"$work/lintian-new.out") errors or warnings not in the allow-list"
  fi
  echo "lintian: nothing but the allowed tags"
fi
maintainer=$(dpkg-deb -f "$deb" Maintainer)
[[ $maintainer =~ ^[^\<]+\ \<[^@\ ]+@[^\>\ ]+\>$ ]] || fail "Maintainer is not NAME <EMAIL>: $maintainer"
[ -n "$(dpkg-deb -f "$deb" Homepage)" ] || fail "no Homepage"
[ "$(dpkg-deb -f "$deb" Description | wc -l)" -gt 3 ] || fail "no long description"
scripts=$(dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -E '(pre|post)(inst|rm)$' | sed 's|^\./||' | sort | paste -sd' ' -)
[ "$scripts" = "postinst postrm prerm" ] || fail "maintainer scripts: \"$scripts\", expected postinst, postrm and prerm"
mkdir -p "$work/control"
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
  head -n 1 "$work/control/$script" | grep -qx '#!/bin/sh' || fail "$script does not start with #!/bin/sh"
  grep -qx 'set -e' "$work/control/$script" || fail "$script has no set -e"
  sh -n "$work/control/$script" || fail "$script: sh -n"
done
grep -qx '/etc/groupchat/servers.yaml' "$work/control/conffiles" || fail "/etc/groupchat/servers.yaml is not a conffile"
echo "Maintainer $maintainer, Homepage $(dpkg-deb -f "$deb" Homepage); maintainer scripts: $scripts (sh -n clean)"

step "unpack with dpkg-deb -x"
dpkg-deb -x "$deb" "$work/root"
bin=$(dirname "$(find "$work/root" -type f -path '*/bin/groupchat-servers' | head -n 1)")
[ -x "$bin/groupchat-servers" ] && [ -x "$bin/GroupChat" ] || fail "no bin/groupchat-servers and bin/GroupChat in the package"
echo "launchers in ${bin#"$work/root"}"
"$bin/groupchat-servers" --version >"$work/version.out" 2>&1 || fail "groupchat-servers --version: $(cat "$work/version.out")"
grep -qE "^groupchat-servers $upstream_version " "$work/version.out" \
  || fail "groupchat-servers --version says \"$(cat "$work/version.out")\", not the package's version $upstream_version"
echo "$(cat "$work/version.out")"
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

# the group's messages are for its members only: its database (and the WAL beside it) like a secret key
databases=$(find "$work/data" -type f -name '*.db*' | sort)
[ -n "$databases" ] || fail "no group database in $work/data: $(ls -la "$work/data")"
for file in $databases; do
  [ "$(stat -c %a "$file")" = 600 ] || fail "${file#"$work/"} is mode $(stat -c %a "$file"), not 600"
done
echo "group database files mode 600: $(echo "$databases" | xargs -n1 basename | tr '\n' ' ')"

kill -TERM "$servers"
wait_for_exit "$servers" 20 || fail "groupchat-servers still running 20 s after SIGTERM"
[ "$exit_code" -eq 0 ] || fail "groupchat-servers exited with $exit_code after SIGTERM, not 0"
grep -q '^stopped' "$work/servers.out" || fail "groupchat-servers did not say it stopped"
echo "SIGTERM: stopped, exit 0"

# nothing listens there now: the client says so at once (exit 3)
started=$(now_ms)
list_exit=0
timeout 30 "$bin/groupchat-servers" client --registry "$registry" list >"$work/no-server.out" 2>&1 || list_exit=$?
list_ms=$(( $(now_ms) - started ))
[ "$list_exit" -eq 3 ] || fail "client list with no server exited with $list_exit, not 3: $(cat "$work/no-server.out")"
grep -q 'nothing listens' "$work/no-server.out" || fail "client list with no server: no clear message: $(cat "$work/no-server.out")"
# a JVM start and about 0.3 s of refused connects (1.1-1.6 s here); it used to wait out its retries, 10 s
[ "$list_ms" -lt 5000 ] || fail "client list with no server took $list_ms ms to fail (5000 at most)"
echo "client list with no server: exit 3 after $list_ms ms: $(cat "$work/no-server.out")"

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
printf '{"id": "6f1c2a3e-0d4b-4e8f-9a7c-5b2d1e0f3a4c", "name": "Package Test"}\n' >"$work/profile/identity.json"
port=$(free_port) || fail "no free port on 127.0.0.1"
started=$(now_ms)
# user.home: Java takes it from /etc/passwd, not $HOME; JavaFX unpacks its native libraries under it
DISPLAY=$display JAVA_TOOL_OPTIONS="-Dgroupchat.smokeExit=true -Duser.home=$HOME" \
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
# JavaFX unpacks its native libraries from its jars at the first start, into ~/.openjfx/cache
[ -d "$HOME/.openjfx/cache" ] || fail "JavaFX unpacked no native libraries into $HOME/.openjfx/cache"
missing_libraries "$work/root/opt" "$HOME/.openjfx/cache" >"$work/ldd.out"
[ ! -s "$work/ldd.out" ] || fail "native libraries that miss a library they link: $(cat "$work/ldd.out")"
echo "every native library of the package and of JavaFX finds the libraries it links"

step "dpkg -i: commands, menu entry, icons and docs, each a file dpkg owns; dpkg --purge"
installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: needs root (CI runs as root on a throwaway machine)"
else
  if dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
    fail "$package is already installed here; remove it first so the test cannot damage a real install"
  fi
  need desktop-file-validate desktop-file-utils
  # what is on the system before, to check that purge leaves nothing of ours
  ours() {  # (a minimal system may have no /opt)
    # man's cache of formatted pages is man-db's (systemd-analyze verify reads the unit's man page as root): not ours
    { find /usr /opt /etc /var/lib /var/cache -xdev \( -iname '*groupchat*' -o -path /usr/share/desktop-directories \) \
      -not -path '/var/cache/man/*' 2>/dev/null || true; } | sort
  }
  ours >"$work/before.txt"
  installed=yes  # from here on, the package is removed however the test ends
  remove() { [ -z "${installed:-}" ] || dpkg --purge "$package" >/dev/null 2>&1 || true; }
  trap 'remove; cleanup' EXIT
  dpkg -i "$deb" >"$work/dpkg-install.out" 2>&1 || fail "dpkg -i: $(cat "$work/dpkg-install.out")"
  owned() { dpkg -S "$1" 2>/dev/null | grep -q "^$package: $1\$" || fail "$1 is not a file of $package (dpkg -S)"; }
  files=$(dpkg -L "$package")
  prefix=$(echo "$files" | grep -m1 '/bin/GroupChat$' | xargs dirname | xargs dirname)

  # the commands, on PATH
  for command in groupchat groupchat-servers; do
    [ "$(command -v "$command")" = "/usr/bin/$command" ] || fail "$command is not on PATH as /usr/bin/$command"
    owned "/usr/bin/$command"
  done
  [ "$(readlink -f /usr/bin/groupchat)" = "$prefix/bin/GroupChat" ] || fail "/usr/bin/groupchat is not $prefix/bin/GroupChat"
  [ "$(groupchat-servers --version | cut -d' ' -f2)" = "$upstream_version" ] || fail "groupchat-servers --version on PATH"
  find "$prefix" -name '*.so' -perm /111 >"$work/executable-libraries.out"
  [ ! -s "$work/executable-libraries.out" ] || fail "executable shared libraries: $(cat "$work/executable-libraries.out")"
  echo "groupchat and groupchat-servers on PATH ($(groupchat-servers --version)); no shared library is executable"

  # the menu entry: a package file, naming the icon by its theme name
  entry=/usr/share/applications/$package.desktop
  [ -f "$entry" ] || fail "no menu entry $entry"
  owned "$entry"
  desktop-file-validate "$entry" || fail "desktop-file-validate $entry"
  grep -qx 'Name=GroupChat' "$entry" || fail "menu entry: no Name=GroupChat"
  grep -qx 'Categories=Network;Chat;InstantMessaging;' "$entry" || fail "menu entry: no Categories=Network;Chat;InstantMessaging;"
  exec_command=$(sed -n 's/^Exec=//p' "$entry")
  [ "$(readlink -f "$(command -v "$exec_command")")" = "$prefix/bin/GroupChat" ] || fail "menu entry: Exec=$exec_command is not the app"
  grep -qx 'Icon=groupchat' "$entry" || fail "menu entry: the icon is not named by its theme name (Icon=groupchat)"
  if ls /usr/share/applications/ | grep -qi 'groupchat-servers'; then
    fail "groupchat-servers must not have a menu entry"
  fi
  # the icon, in the theme's usual sizes
  for size in 16 22 24 32 48 64 128 256 512; do
    icon=/usr/share/icons/hicolor/${size}x${size}/apps/groupchat.png
    [ -f "$icon" ] || fail "no icon $icon"
    owned "$icon"
    [ "$(png_size "$icon")" = "${size}x${size}" ] || fail "$icon is $(png_size "$icon"), not ${size}x${size}"
  done
  echo "menu entry $entry (valid, Exec=$exec_command, Icon=groupchat); icons 16 to 512 in /usr/share/icons/hicolor"

  # the docs
  doc=/usr/share/doc/$package
  for file in "$doc/copyright" "$doc/changelog.Debian.gz" /usr/share/man/man1/groupchat.1.gz /usr/share/man/man1/groupchat-servers.1.gz; do
    [ -f "$file" ] || fail "no $file"
    owned "$file"
  done
  zcat "$doc/changelog.Debian.gz" | head -n 1 | grep -qF "$package ($version)" || fail "the changelog's first entry is not $version"
  grep -q '^License: Expat' "$doc/copyright" || fail "$doc/copyright does not give the licence"
  echo "$doc/copyright, $doc/changelog.Debian.gz, man pages groupchat(1) and groupchat-servers(1)"

  # the service (issue 17): unit, user, data folder, config; systemd itself need not run here
  unit=/lib/systemd/system/groupchat-servers.service
  [ -f "$unit" ] || fail "no $unit"
  owned "$unit"
  if command -v systemd-analyze >/dev/null 2>&1; then
    systemd-analyze verify "$unit" >"$work/unit-verify.out" 2>&1 || fail "systemd-analyze verify $unit: $(cat "$work/unit-verify.out")"
    verified="systemd-analyze verify clean"
  else
    verified="systemd-analyze not here, not verified"
  fi
  for setting in 'User=groupchat' 'ExecStart=/usr/bin/groupchat-servers --config /etc/groupchat/servers.yaml' \
      'WorkingDirectory=/var/lib/groupchat' 'WantedBy=multi-user.target'; do
    grep -qxF "$setting" "$unit" || fail "$unit has no $setting"
  done
  ! ls /etc/systemd/system/*.wants/groupchat-servers.service >/dev/null 2>&1 || fail "the service is enabled after install"
  [ "$(getent passwd groupchat | cut -d: -f6)" = /var/lib/groupchat ] || fail "no system user groupchat with home /var/lib/groupchat"
  case $(getent passwd groupchat | cut -d: -f7) in */nologin|*/false) ;; *) fail "the user groupchat has a login shell" ;; esac
  [ "$(stat -c '%U %a' /var/lib/groupchat)" = "groupchat 700" ] || fail "/var/lib/groupchat is $(stat -c '%U %a' /var/lib/groupchat), not groupchat 700"
  config=/etc/groupchat/servers.yaml
  [ -f "$config" ] || fail "no $config"
  dpkg-query -W -f '${Conffiles}\n' "$package" | grep -q "^ $config " || fail "$config is not a conffile of $package"
  echo "$unit ($verified; disabled); user groupchat, /var/lib/groupchat 700; $config a conffile"

  # the unit's command, as its user, in its folder, with the shipped config on free ports
  registry_port=$(free_port) && group_port=$(free_port) && metrics_port=$(free_port) || fail "no free port"
  sed -e "s/5555/$registry_port/g" -e "s/5560/$group_port/" -e "s/9404/$metrics_port/" "$config" >/var/lib/groupchat/test.yaml
  chown groupchat:groupchat /var/lib/groupchat/test.yaml
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s|$config|/var/lib/groupchat/test.yaml|")
  # setpriv execs the command itself (runuser would stay its parent and answer SIGTERM with 143)
  (cd /var/lib/groupchat && exec env HOME=/var/lib/groupchat setpriv --reuid=groupchat --regid=groupchat --init-groups \
    $exec_start) >"$work/service.out" 2>"$work/service.err" &
  service=$!
  pids+=("$service")
  wait_for_line "$work/service.out" '^ready;' 30 "$service" || fail "the service's command did not get ready within 30 s"
  # five checks in a row, as a supervisor makes them: the first after start also loads the handler's classes
  for try in 1 2 3 4 5; do
    health=$(curl -sS -o "$work/health.out" -w '%{http_code} %{time_total}' "http://127.0.0.1:$metrics_port/health") \
      || fail "curl /health"
    [ "${health%% *}" = 200 ] && [ "$(cat "$work/health.out")" = ok ] || fail "/health answered $health: $(cat "$work/health.out")"
    echo "${health#* }" >>"$work/health-times.out"
  done
  health_ms=$(printf 'first %.1f ms, median of 5 %.1f ms' "$(awk 'NR == 1 { print $1 * 1000 }' "$work/health-times.out")" \
    "$(sort -g "$work/health-times.out" | awk 'NR == 3 { print $1 * 1000 }')")
  # into a file first: grep -q stops reading at its match, and curl, cut off, would fail the pipe (pipefail)
  curl -fsS -o "$work/metrics.out" "http://127.0.0.1:$metrics_port/metrics" || fail "curl /metrics"
  grep -q '^groupchat_group_members{group="Lobby"}' "$work/metrics.out" \
    || fail "/metrics has no groupchat_group_members of the Lobby: $(grep -c '' "$work/metrics.out") lines"
  database=$(find /var/lib/groupchat -maxdepth 1 -name 'lobby-*.db' | head -n 1)
  [ "$(stat -c '%U %a' "$database")" = "groupchat 600" ] || fail "$database is $(stat -c '%U %a' "$database"), not groupchat 600"
  kill -TERM "$service"
  wait_for_exit "$service" 30 || fail "the service's command did not stop within 30 s of SIGTERM"
  [ "$exit_code" -eq 0 ] || fail "the service's command exited $exit_code on SIGTERM"
  rm -f /var/lib/groupchat/test.yaml
  echo "the unit's command as groupchat: ready, /health 200 ok ($health_ms, curl), database $database 600, SIGTERM exit 0"

  # the installed app under a window manager, driven by the keyboard (issue 19): first starts, then every dialog
  "$(dirname "$0")/../src/test/x11/keyboard-dialogs.sh" --first-starts 10 --dialog-rounds 2 -- /usr/bin/groupchat \
    || fail "the installed app, driven by the keyboard (src/test/x11/keyboard-dialogs.sh)"

  installed_du=$(du -sk "$prefix" | cut -f1)
  dpkg -r "$package" >"$work/dpkg-remove.out" 2>&1 || fail "dpkg -r: $(cat "$work/dpkg-remove.out")"
  [ ! -e "$prefix/bin/GroupChat" ] || fail "$prefix/bin/GroupChat still there after dpkg -r"
  [ ! -e "$entry" ] || fail "$entry still there after dpkg -r"
  dpkg --purge "$package" >"$work/dpkg-purge.out" 2>&1 || fail "dpkg --purge: $(cat "$work/dpkg-purge.out")"
  installed=
  ours >"$work/after.txt"
  if ! diff "$work/before.txt" "$work/after.txt" >"$work/left.txt"; then
    fail "dpkg --purge left these behind: $(grep '^>' "$work/left.txt" | tr '\n' ' ')"
  fi
  echo "dpkg -r, dpkg --purge: nothing of the package left"
fi

step "figures"
mb() { awk -v bytes="$1" 'BEGIN { printf "%.1f", bytes / 1000000 }'; }
printf '.deb size:                     %d bytes (%s MB)\n' "$deb_bytes" "$(mb "$deb_bytes")"
printf 'launch to main window:         %d ms (under Xvfb, bundled servers starting)\n' "$window_ms"
printf 'installed size (dpkg):         %d KiB (%s MB)\n' "$installed_kib" "$(mb $(( installed_kib * 1024 )))"
[ -z "${installed_du:-}" ] || printf 'installed size (du of %s): %d KiB\n' "$prefix" "$installed_du"
[ -z "${health_ms:-}" ] || printf 'service /health (curl):        %s\n' "$health_ms"
echo "PASS"
