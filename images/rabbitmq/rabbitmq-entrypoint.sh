#!/bin/sh
# Entry point of scaler/rabbitmq:offline.
#
#   docker run IMAGE                    -> rabbitmq-server as user rabbitmq (PID 1)
#   docker run IMAGE rabbitmqctl ...    -> run as given (Debian's wrappers switch to rabbitmq themselves)
#
# Before the server starts (as root), secrets come from files, never from the environment:
#   RABBITMQ_ERLANG_COOKIE_FILE  copied to $HOME/.erlang.cookie, mode 0400, owned by rabbitmq
#                                (the Erlang distribution refuses a cookie others can read)
#   RABBITMQ_DEFAULT_USER, RABBITMQ_DEFAULT_PASS_FILE
#                                the user a blank node creates, written to conf.d/20-default-user.conf
#                                (mode 0600); files named after it in conf.d/ win.
set -e

if [ "$1" = rabbitmq-server ] && [ "$(id -u)" = 0 ]; then
  if [ -n "${RABBITMQ_ERLANG_COOKIE_FILE:-}" ]; then
    install -o rabbitmq -g rabbitmq -m 0400 "$RABBITMQ_ERLANG_COOKIE_FILE" "$HOME/.erlang.cookie.new"
    mv -f "$HOME/.erlang.cookie.new" "$HOME/.erlang.cookie"
  fi
  if [ -n "${RABBITMQ_DEFAULT_PASS_FILE:-}" ]; then
    conf=/etc/rabbitmq/conf.d/20-default-user.conf
    umask 077
    {
      printf 'default_user = %s\n' "${RABBITMQ_DEFAULT_USER:-guest}"
      printf 'default_pass = %s\n' "$(cat "$RABBITMQ_DEFAULT_PASS_FILE")"
    } > "$conf"
    chown rabbitmq:rabbitmq "$conf"
  fi
  chown rabbitmq:rabbitmq "$HOME"
  shift
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi

exec "$@"
