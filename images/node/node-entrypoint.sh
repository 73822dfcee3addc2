#!/bin/sh
# Entry point of scaler/node:offline: one Swarm node's Docker engine.
#
#   SCALER_NODE           the node's name; its dockerd puts every container under the cgroup
#                         /SCALER_NODE, so nodes do not share cgroups (default: the hostname)
#   SCALER_STORAGE_DRIVER a storage driver to insist on (default: overlay2 when it works on
#                         /var/lib/docker, else vfs)
#   extra arguments       passed to dockerd
#
# A node that was killed leaves /var/run/docker.pid (and containerd's) behind; dockerd refuses to
# start on a pid file it did not write, so `docker start` of a killed node would fail. They go first.
set -eu

node=${SCALER_NODE:-$(hostname)}
rm -f /var/run/docker.pid /var/run/docker/containerd/containerd.pid /run/docker.pid

driver=${SCALER_STORAGE_DRIVER:-}
if [ -z "$driver" ]; then
  # overlay2 needs a lower filesystem that supports it: try one mount, as dockerd would.
  probe=/var/lib/docker/.overlay-probe
  mkdir -p "$probe/l" "$probe/u" "$probe/w" "$probe/m"
  if mount -t overlay overlay -o "lowerdir=$probe/l,upperdir=$probe/u,workdir=$probe/w" "$probe/m" 2>/dev/null; then
    umount "$probe/m"
    driver=overlay2
  else
    driver=vfs
  fi
  rm -rf "$probe"
fi
echo "node-entrypoint: node $node, storage driver $driver, cgroup parent /$node" >&2

exec dockerd --host=unix:///var/run/docker.sock --cgroup-parent="/$node" --storage-driver="$driver" "$@"
