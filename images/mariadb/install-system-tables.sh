#!/bin/bash
# Makes MariaDB's system tables in the data directory $1 with scaler's options: no host-name accounts (so no
# warnings under skip-name-resolve), no test database, nothing in the binary log. Run by the Dockerfile for the
# template the entry point copies, and by the entry point itself when an option changes the on-disk format.
set -euo pipefail
exec mariadb-install-db --datadir="$1" --rpm --cross-bootstrap --auth-root-authentication-method=normal \
  --skip-test-db --skip-name-resolve --skip-log-bin --default-time-zone=SYSTEM \
  --loose-innodb-buffer-pool-load-at-startup=0 --loose-innodb-buffer-pool-dump-at-shutdown=0 >/dev/null
