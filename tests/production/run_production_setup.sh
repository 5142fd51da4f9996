#!/usr/bin/env bash
# README.md's "Production set-up" and "Upgrading", run word for word on this machine as root:
# every ```bash block between <!-- production-setup --> and <!-- /production-setup -->, then
# those between <!-- upgrade --> and <!-- /upgrade -->, in the repository's root, each with
# `set -euo pipefail`. Then checks what the set-up should have left: casus on the PATH with its
# manual page, the unit valid, the service running as its own user on its own files, ready,
# its audit chain keyed and verifying, and an upgrade that stopped, migrated and started it.
#
# It installs into /usr/local, creates the user casus, /etc/casus and /var/lib/casus: meant for
# a fresh machine (CI). It refuses to run where /var/lib/casus or /etc/casus exists, unless
# given --reset, which stops the service and removes both first.
#
# Where systemd does not run (a container), systemctl is tests/production/standin/systemctl.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

if [ "$(id -u)" -ne 0 ]; then echo "run_production_setup: needs root" >&2; exit 2; fi
if [ ! -d /run/systemd/system ]; then export PATH="$root/tests/production/standin:$PATH"; fi
if [ -e /var/lib/casus ] || [ -e /etc/casus ]; then
  if [ "${1:-}" != "--reset" ]; then
    echo "run_production_setup: /var/lib/casus or /etc/casus exists; --reset removes them" >&2
    exit 2
  fi
  systemctl stop casus || true
  rm -rf /var/lib/casus /etc/casus
fi

# The ```bash blocks between the two markers of README.md, each as one script.
run_blocks() {
  local begin=$1 end=$2 count=0
  local script
  while IFS= read -r -d '' script; do
    count=$((count + 1))
    echo "== README ($begin) block $count:"
    echo "$script" | sed 's/^/   | /'
    bash -euo pipefail -c "$script"
  done < <(/usr/bin/env python3 - "$begin" "$end" <<'PY'
import re, sys
text = open("README.md", encoding="utf-8").read()
begin, end = sys.argv[1], sys.argv[2]
section = text[text.index("<!-- %s -->" % begin):text.index("<!-- %s -->" % end)]
for block in re.findall(r"^```bash\n(.*?)^```", section, re.S | re.M):
    sys.stdout.write(block + "\0")
PY
)
  if [ "$count" -eq 0 ]; then echo "run_production_setup: no blocks in $begin" >&2; exit 1; fi
}

check() {
  echo "== check: $1"
  shift
  "$@"
}

run_blocks production-setup /production-setup

check "casus is on the PATH and says its version" casus --version
check "its manual page is installed" test -s /usr/local/share/man/man1/casus.1
if command -v systemd-analyze >/dev/null; then
  check "the installed unit is valid" \
    systemd-analyze verify --man=no /usr/local/lib/systemd/system/casus.service
fi
pid=$(pgrep -x casus | head -1)
check "the service runs as casus" test "$(ps -o user= -p "$pid" | tr -d ' ')" = casus
check "its database belongs to casus" test "$(stat -c %U /var/lib/casus/casus.db)" = casus
check "its audit key is the service's alone" test "$(stat -c %a /etc/casus/audit.key)" = 600
check "it is ready" curl -fsS -w "\n" http://127.0.0.1:8080/readyz
check "its keyed audit chain verifies" runuser -u casus -- \
  casus audit verify --db /var/lib/casus/casus.db --key-file /etc/casus/audit.key

run_blocks upgrade /upgrade

check "after the upgrade it is ready again" curl -fsS -w "\n" http://127.0.0.1:8080/readyz
check "and its chain still verifies" runuser -u casus -- \
  casus audit verify --db /var/lib/casus/casus.db --key-file /etc/casus/audit.key
systemctl stop casus
echo "run_production_setup: README's production set-up and upgrade work as written"
