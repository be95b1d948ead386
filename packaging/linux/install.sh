#!/bin/sh
# Install this folder (the frozen incident-console) for all users, or with --user for one.
#   sudo ./install.sh            -> /opt/incident-console, /usr/local/bin, /usr/share
#   ./install.sh --user          -> ~/.local/opt/incident-console, ~/.local/bin, ~/.local/share
#   ./install.sh --uninstall [--user]
# Needs no Python and no network: everything the program runs on is inside this folder.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
name=incident-console
mode=system
action=install
for arg in "$@"; do
  case $arg in
    --user) mode=user ;;
    --uninstall) action=uninstall ;;
    *) echo "usage: $0 [--user] [--uninstall]" >&2; exit 2 ;;
  esac
done

if [ "$mode" = user ]; then
  opt=$HOME/.local/opt/$name
  bin=$HOME/.local/bin
  share=${XDG_DATA_HOME:-$HOME/.local/share}
else
  opt=/opt/$name
  bin=/usr/local/bin
  share=/usr/share
fi

remove() {
  rm -f "$bin/$name" "$share/applications/$name.desktop"
  find "$share/icons/hicolor" -name "$name.png" -o -name "$name.svg" 2>/dev/null \
    | while read -r icon; do rm -f "$icon"; done
  rm -rf "$opt"
}

if [ "$action" = uninstall ]; then
  remove
  echo "removed $name"
  exit 0
fi

if [ "$here" != "$opt" ]; then
  rm -rf "$opt"
  mkdir -p "$(dirname "$opt")"
  cp -a "$here" "$opt"
fi
mkdir -p "$bin" "$share/applications"
ln -sf "$opt/$name" "$bin/$name"
# The entry names the program by its full path: ~/.local/bin is not on every session's PATH.
sed "s|^Exec=.*|Exec=$opt/$name|" "$here/share/applications/$name.desktop" \
  > "$share/applications/$name.desktop"
(cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
  mkdir -p "$share/icons/$(dirname "$icon")"
  cp "$here/share/icons/$icon" "$share/icons/$icon"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "installed $name $(cat "$opt/VERSION") in $opt; start it from the menu or with: $bin/$name"
echo "check it with: $bin/$name self-test"
