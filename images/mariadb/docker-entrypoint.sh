#!/bin/bash
# Entry point of scaler/mariadb:offline, with the environment contract of the
# official mariadb and mysql images (as far as scaler uses it):
#
#   MARIADB_ROOT_PASSWORD   or MYSQL_ROOT_PASSWORD: root's password, for
#                           root@localhost and root@MARIADB_ROOT_HOST (default %)
#   MARIADB_ALLOW_EMPTY_ROOT_PASSWORD  or MYSQL_ALLOW_EMPTY_PASSWORD: root without one
#   MARIADB_DATABASE        or MYSQL_DATABASE: created if it does not exist
#   MARIADB_USER, MARIADB_PASSWORD  or MYSQL_USER, MYSQL_PASSWORD: a user@% with
#                           every privilege on MARIADB_DATABASE (if given)
#   NAME_FILE               instead of NAME: read the value from that file (secrets)
#
# On the first start (no mysql/ in /var/lib/mysql) it copies the system tables
# mariadb-install-db made when the image was built (or makes them afresh when
# an option changes the on-disk format), starts a server without networking and without a
# binary log, sets up root, the database and the user, runs
# /docker-entrypoint-initdb.d/*.sql, *.sql.gz (in MARIADB_DATABASE, if given) and
# *.sh (executed if executable, else sourced) in name order, and stops that
# server. Then, and on every later start, it execs mariadbd, which is PID 1.
#
#   docker run IMAGE                    -> mariadbd
#   docker run IMAGE --server-id=2 ...  -> mariadbd --server-id=2 ... (options also
#                                          reach the set-up server)
#   docker run IMAGE bash / mariadb ... -> run as given, no set-up
#
# Nothing of the set-up goes to the binary log, so every node of a replicated
# cluster starts from the same (empty) GTID position, whatever its init scripts.
set -euo pipefail
shopt -s nullglob

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

log() { printf '%s [Note] [Entrypoint]: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S')" "$*" >&2; }
die() { printf '%s [ERROR] [Entrypoint]: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S')" "$*" >&2; exit 1; }

# An option first: the options are mariadbd's.
if [ "${1:0:1}" = - ]; then
  set -- mariadbd "$@"
fi
case "$1" in
  mariadbd | mysqld) ;;
  *) exec "$@" ;;
esac
# --help, --version and the like need no data directory.
for arg in "${@:2}"; do
  case "$arg" in
    -'?' | --help | -V | --version) exec "$@" ;;
  esac
done

# Root only long enough to give the data directory (a fresh volume or bind
# mount may be root's) and the socket directory to mysql; then again as mysql.
if [ "$(id -u)" = 0 ]; then
  mkdir -p /run/mysqld
  chown mysql:mysql /run/mysqld
  find "$DATADIR" \! -user mysql -exec chown mysql:mysql '{}' +
  exec setpriv --reuid=mysql --regid=mysql --init-groups "${BASH_SOURCE[0]}" "$@"
fi

# NAME, or the content of the file NAME_FILE; the MARIADB_ name before the MYSQL_ one.
env_value() { # MARIADB_NAME MYSQL_NAME
  local n f
  for n in "$@"; do
    f=${n}_FILE
    if [ -n "${!n:-}" ] && [ -n "${!f:-}" ]; then
      die "both $n and ${n}_FILE are set; give one"
    fi
    if [ -n "${!f:-}" ]; then
      [ -r "${!f}" ] || die "${n}_FILE: cannot read ${!f}"
      cat "${!f}"
      return
    fi
    if [ -n "${!n:-}" ]; then
      printf '%s' "${!n}"
      return
    fi
  done
}

# The system tables mariadb-install-db made when the image was built, with the image's own options.
TEMPLATE=/usr/share/scaler/mariadb-datadir

# True when an option file or argument sets what mariadb-install-db writes differently from the image's defaults
# (page size, system tablespace, undo tablespaces, case of table names): the template would not fit.
# (Read whole first: under pipefail, `cmd | grep -q` fails when grep quits before cmd has written everything.)
changes_format() {
  local options
  options=$(my_print_defaults --mysqld 2>/dev/null; printf '%s\n' "${@:2}")
  grep -Eq -- '^--(loose[-_])?(innodb[-_](page[-_]size|data[-_]file[-_]path|undo[-_]tablespaces|checksum[-_]algorithm)|lower[-_]case[-_]table[-_]names)=' \
    <<< "$options"
}

# A quoted SQL string literal (backslash escapes are on in the set-up session).
sql_string() {
  local s=${1//\\/\\\\}
  s=${s//\'/\\\'}
  printf "'%s'" "$s"
}
# A quoted SQL identifier.
sql_name() { printf '`%s`' "${1//\`/\`\`}"; }

initialize() {
  local root_password allow_empty database user password root_host pid i passfile f
  root_password=$(env_value MARIADB_ROOT_PASSWORD MYSQL_ROOT_PASSWORD)
  allow_empty=$(env_value MARIADB_ALLOW_EMPTY_ROOT_PASSWORD MYSQL_ALLOW_EMPTY_PASSWORD)
  database=$(env_value MARIADB_DATABASE MYSQL_DATABASE)
  user=$(env_value MARIADB_USER MYSQL_USER)
  password=$(env_value MARIADB_PASSWORD MYSQL_PASSWORD)
  root_host=$(env_value MARIADB_ROOT_HOST MYSQL_ROOT_HOST)
  root_host=${root_host:-%}

  if [ -z "$root_password" ] && [ -z "$allow_empty" ]; then
    die "the data directory is empty and no root password is given: set MARIADB_ROOT_PASSWORD (or MYSQL_ROOT_PASSWORD), or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1"
  fi
  if [ -n "$user" ] && [ -z "$password" ]; then
    die "MARIADB_USER is set but MARIADB_PASSWORD is not"
  fi
  if [ "$user" = root ]; then
    die "MARIADB_USER=root: root is set up by MARIADB_ROOT_PASSWORD; name another user"
  fi

  if [ -d "$TEMPLATE/mysql" ] && ! changes_format "$@"; then
    log "Initializing the data directory $DATADIR from the one made when the image was built"
    # Sparse: the redo log is 96 MB of which 24 KB are not zeros; a plain copy writes all of it to the volume.
    cp -a --sparse=always "$TEMPLATE"/. "$DATADIR"/ || die "copying $TEMPLATE to $DATADIR failed"
  else
    log "Initializing the data directory $DATADIR"
    install-system-tables.sh "$DATADIR" || die "mariadb-install-db failed"
  fi

  log "Starting a server for the set-up (no networking, no binary log)"
  "$@" --skip-networking --skip-log-bin --skip-slave-start --socket="$SOCKET" \
    --loose-innodb-buffer-pool-load-at-startup=0 --loose-innodb-buffer-pool-dump-at-shutdown=0 &
  pid=$!
  for i in $(seq 300); do
    mariadb --no-defaults --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || die "the set-up server stopped; see the log above"
    [ "$i" -lt 300 ] || die "the set-up server did not answer within 30 s"
    sleep 0.1
  done

  # The install made root@localhost without a password (and root@127.0.0.1,
  # root@::1): keep root@localhost, give it the password, add root@ROOT_HOST.
  {
    echo "SET @@SESSION.SQL_LOG_BIN=0;"
    echo "SET @@SESSION.SQL_MODE=REPLACE(@@SESSION.SQL_MODE, 'NO_BACKSLASH_ESCAPES', '');"
    echo "DELETE FROM mysql.proxies_priv WHERE User = 'root' AND Host <> 'localhost';"
    echo "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host NOT IN ('localhost'));"
    echo "FLUSH PRIVILEGES;"
    if [ -n "$root_password" ]; then
      echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$root_password");"
    fi
    if [ "$root_host" != localhost ]; then
      echo "CREATE USER 'root'@$(sql_string "$root_host") IDENTIFIED BY $(sql_string "$root_password");"
      echo "GRANT ALL ON *.* TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
      echo "GRANT PROXY ON ''@'%' TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
    fi
    if [ -n "$database" ]; then
      echo "CREATE DATABASE IF NOT EXISTS $(sql_name "$database");"
    fi
    if [ -n "$user" ]; then
      echo "CREATE USER $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
      if [ -n "$database" ]; then
        echo "GRANT ALL ON $(sql_name "${database//_/\\_}").* TO $(sql_string "$user")@'%';"
      fi
    fi
  } | mariadb --no-defaults --socket="$SOCKET" -uroot --binary-mode \
    || die "setting up root, the database and the user failed"

  # The password from here on in a client option file only mysql can read.
  passfile=$(mktemp /run/mysqld/init-client.XXXXXX)
  chmod 0600 "$passfile"
  printf '[client]\nuser=root\npassword="%s"\nsocket=%s\n' \
    "$(sed 's/\\/\\\\/g; s/"/\\"/g' <<< "$root_password")" "$SOCKET" > "$passfile"
  # for *.sh init scripts: the client the official images give them
  docker_process_sql() { mariadb --defaults-extra-file="$passfile" ${database:+--database="$database"} "$@"; }

  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then
          log "$f: running"
          "$f"
        else
          log "$f: sourcing"
          # shellcheck disable=SC1090
          . "$f"
        fi
        ;;
      *.sql) log "$f: running"; docker_process_sql < "$f" || die "$f failed" ;;
      *.sql.gz) log "$f: running"; gunzip -c "$f" | docker_process_sql || die "$f failed" ;;
      *) log "$f: ignored (not .sh, .sql or .sql.gz)" ;;
    esac
  done
  rm -f "$passfile"

  log "Stopping the set-up server"
  kill -TERM "$pid"
  wait "$pid" || die "the set-up server did not stop cleanly"
  log "Initialized; starting"
}

if [ ! -d "$DATADIR/mysql" ]; then
  initialize "$@"
fi

exec "$@"
