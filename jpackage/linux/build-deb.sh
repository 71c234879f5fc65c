#!/usr/bin/env bash
# Builds the .deb from the jpackage app image, so that every file is one dpkg knows: the app in /opt/groupchat,
# the commands in /usr/bin, the menu entry, the theme icons, the docs and man pages in /usr/share, and the service
# (a systemd unit, disabled, with /etc/groupchat/servers.yaml); maintainer scripts only for the service's system user
# (dpkg's triggers refresh the menu and icon caches).
# Usage: build-deb.sh APP_IMAGE UPSTREAM_VERSION OUT_DIR "MAINTAINER <EMAIL>" HOMEPAGE
# The package version is UPSTREAM_VERSION-1. Needs dpkg-deb (1.19+ for --root-owner-group), gzip and strip (binutils).
set -euo pipefail
command -v strip >/dev/null 2>&1 || { echo "$0: needs strip (apt-get install binutils)" >&2; exit 1; }

if [ $# -ne 5 ] || [ ! -x "$1/bin/GroupChat" ]; then
  echo "usage: $0 APP_IMAGE UPSTREAM_VERSION OUT_DIR 'MAINTAINER <EMAIL>' HOMEPAGE" >&2
  exit 2
fi
app_image=$1 upstream=$2 out=$3 maintainer=$4 homepage=$5
here=$(cd "$(dirname "$0")" && pwd)
templates=$here/deb
icons=$here/../icons/hicolor
package=groupchat
version=$upstream-1
arch=$(dpkg --print-architecture)
root=$(mktemp -d "${TMPDIR:-/tmp}/groupchat-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT

fill() {  # fill TEMPLATE: the template with its @NAME@ placeholders replaced
  sed -e "s|@VERSION@|$version|g" -e "s|@UPSTREAM_VERSION@|$upstream|g" -e "s|@ARCH@|$arch|g" \
      -e "s|@MAINTAINER@|$maintainer|g" -e "s|@HOMEPAGE@|$homepage|g" "$1"
}

# the app image, as jpackage's own .deb would install it
mkdir -p "$root/opt"
cp -a "$app_image" "$root/opt/$package"
# a library, not a program (lintian: shared-library-is-executable)
chmod 0644 "$root/opt/$package/lib/libapplauncher.so"
# no debug symbols in a package, as dh_strip does it (lintian: unstripped-binary-or-object)
while IFS= read -r -d '' file; do
  [ "$(od -An -tx1 -N4 "$file" | tr -d ' ')" = 7f454c46 ] || continue
  case $file in
    *.so) strip --remove-section=.comment --remove-section=.note --strip-unneeded "$file" ;;
    *) strip --remove-section=.comment --remove-section=.note "$file" ;;
  esac
done < <(find "$root/opt/$package" -type f \( -name '*.so' -o -perm -u+x \) -print0)
# the icon comes from the theme folders below
rm -f "$root/opt/$package/lib/GroupChat.png"

# the commands on PATH: links, absolute because they cross top-level folders (Debian policy 10.5)
mkdir -p "$root/usr/bin"
ln -s "/opt/$package/bin/GroupChat" "$root/usr/bin/groupchat"
ln -s "/opt/$package/bin/groupchat-servers" "$root/usr/bin/groupchat-servers"

mkdir -p "$root/usr/share/applications"
fill "$templates/groupchat.desktop" >"$root/usr/share/applications/$package.desktop"
for folder in "$icons"/*x*; do
  mkdir -p "$root/usr/share/icons/hicolor/$(basename "$folder")/apps"
  cp "$folder/apps/groupchat.png" "$root/usr/share/icons/hicolor/$(basename "$folder")/apps/$package.png"
done

doc=$root/usr/share/doc/$package
mkdir -p "$doc" "$root/usr/share/man/man1"
fill "$templates/copyright" >"$doc/copyright"
fill "$templates/changelog" | gzip -9n >"$doc/changelog.Debian.gz"
for page in groupchat.1 groupchat-servers.1; do
  fill "$templates/$page" | gzip -9n >"$root/usr/share/man/man1/$page.gz"
done

# the service (issue 17): a systemd unit, disabled until the operator enables it, and its config, a conffile
mkdir -p "$root/lib/systemd/system" "$root/etc/groupchat"
cp "$templates/groupchat-servers.service" "$root/lib/systemd/system/groupchat-servers.service"
cp "$templates/servers.yaml" "$root/etc/groupchat/servers.yaml"

# the Depends line: the lines of deb/depends that are not comments, joined with commas
depends=$(grep -v '^[[:space:]]*\(#\|$\)' "$templates/depends" | paste -sd, - | sed 's/,/, /g')
installed_kib=$(du -sk --apparent-size "$root" | cut -f1)
mkdir -p "$root/DEBIAN"
fill "$templates/control" | sed -e "s|@INSTALLED_SIZE@|$installed_kib|" -e "s/@DEPENDS@/$depends/" >"$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
cp "$templates/conffiles" "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  cp "$templates/$script" "$root/DEBIAN/$script"
done

# the tree as a package would hold it: folders 755, files 644 unless executable (the umask may say otherwise)
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -perm -u+x -exec chmod 0755 {} +
find "$root" -type f ! -perm -u+x -exec chmod 0644 {} +
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"

mkdir -p "$out"
deb=$out/${package}_${version}_$arch.deb
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
