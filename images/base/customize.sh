#!/bin/sh
# Turns a fresh `debootstrap --variant=minbase bookworm` root file system into
# the one the scaler/base:bookworm image is imported from. Run by
# images/build.sh on the host, as root, with the rootfs directory as $1.
# Editing this file changes the base image's inputs hash, so the next build
# debootstraps again and every image built FROM the base is rebuilt.
set -eu

R=$1
MIRROR=${2:-http://deb.debian.org/debian}
SECURITY_MIRROR=${3:-http://deb.debian.org/debian-security}

[ -x "$R/usr/bin/apt-get" ] || { echo "customize.sh: $R is not a Debian root" >&2; exit 1; }

in_root() { chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

# Package sources: the release, its updates and its security fixes.
rm -f "$R/etc/apt/sources.list"
mkdir -p "$R/etc/apt/sources.list.d"
cat > "$R/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

# Services never start while packages install in an image build.
cat > "$R/usr/sbin/policy-rc.d" <<'EOF'
#!/bin/sh
# Installed by scaler's images/base/customize.sh: no service starts from a
# package's maintainer scripts inside an image.
exit 101
EOF
chmod 0755 "$R/usr/sbin/policy-rc.d"

# apt as in container images: no recommends, no translations, no cached .debs.
cat > "$R/etc/apt/apt.conf.d/90scaler-container" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
Acquire::CompressionTypes::Order:: "gz";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
EOF

# Documentation, manuals and translations are not installed into images
# (copyright files are kept).
mkdir -p "$R/etc/dpkg/dpkg.cfg.d"
cat > "$R/etc/dpkg/dpkg.cfg.d/90scaler-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF

# Security fixes published since the release point.
in_root apt-get update -qq --error-on=any
in_root apt-get -y -qq -o Dpkg::Use-Pty=0 upgrade >/dev/null

# What the exclusions above would have kept out had they been there from the start.
find "$R/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete 2>/dev/null || true
find "$R/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
rm -rf "$R/usr/share/man/"* "$R/usr/share/info/"* "$R/usr/share/groff/"* \
       "$R/usr/share/lintian/"* "$R/usr/share/linda/"* "$R/usr/share/locale/"*

# Clean: package lists, caches, logs, and host files that debootstrap copied in
# (Docker provides resolv.conf, hostname and hosts to every container).
in_root apt-get clean
rm -rf "$R/var/lib/apt/lists/"* "$R/var/cache/apt/"*.bin "$R/var/cache/debconf/"*-old \
       "$R/var/log/"*.log "$R/var/log/apt/"* "$R/tmp/"* "$R/var/tmp/"*
: > "$R/etc/resolv.conf"
: > "$R/etc/hostname"
: > "$R/etc/machine-id"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$R/etc/hosts"
