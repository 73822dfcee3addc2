#!/bin/sh
# Entry point of scaler/redis:offline.
#
#   docker run IMAGE                          -> redis-server on *:6379, protected mode off
#   docker run IMAGE --requirepass x          -> redis-server --requirepass x (first arg an option)
#   docker run IMAGE /path/redis.conf [--x y] -> redis-server /path/redis.conf ...
#   docker run -i IMAGE - [--x y]             -> redis-server - ... (config read from stdin)
#   docker run IMAGE redis-server ...         -> the same, spelled out
#   docker run IMAGE redis-cli / sh -c '...'  -> run as given
#
# Debian's redis-server starts in protected mode when no password is set,
# which refuses every client that is not on loopback: useless in a container.
# The official redis image builds its binary with protected mode off; here
# `--protected-mode no` is appended to redis-server's arguments unless they
# already say --protected-mode (command-line options come after the config,
# so they win over it).
set -e

# First argument an option ("-x", "--x", or "-" for stdin) or a *.conf file.
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi

if [ "$1" = redis-server ]; then
  case "${2:-}" in
    -v|--version|-h|--help|--test-memory|--check-system|--check-aof|--check-rdb) ;;
    *)
      add=yes
      for a in "$@"; do
        [ "$a" = --protected-mode ] && add=no
      done
      [ "$add" = yes ] && set -- "$@" --protected-mode no
      ;;
  esac
fi

exec "$@"
