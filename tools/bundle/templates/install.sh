#!/bin/sh
# Install peerprep @VERSION@ (@TITLE@) from this folder, with no network.
#
#   sh install.sh                      as root: /opt/peerprep, command /usr/local/bin/peerprep
#                                      otherwise: ~/.local/opt/peerprep, ~/.local/bin/peerprep
#   sh install.sh --user               for this user only, also when run as root
#   sh install.sh --menu               also a menu entry (Linux) or Applications item (macOS)
#   sh install.sh --shared-computer    also turn on shared-computer mode for the machine
#   sh install.sh --uninstall          remove what this script installed
#
# Options: --prefix DIR, --bin-dir DIR, --python PATH (or PEERPREP_PYTHON=PATH).
# Upgrading is running a newer bundle's script: the old version is kept until the new
# one is installed and answers, then removed.
set -eu

VERSION='@VERSION@'
PLATFORM='@PLATFORM@'
PYTHONS='@PYTHONS@'
SYSTEM='@SYSTEM@'
MACHINES='@MACHINES@'

here=$(cd "$(dirname "$0")" && pwd)

say() { printf 'peerprep: %s\n' "$*"; }
fail() { printf 'peerprep: %s\n' "$*" >&2; exit 1; }

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

prefix='' bindir='' python="${PEERPREP_PYTHON:-}" menu=no shared=no uninstall=no
system_wide=no
[ "$(id -u)" = 0 ] && system_wide=yes
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix=$2; shift ;;
        --prefix=*) prefix=${1#*=} ;;
        --bin-dir) [ $# -ge 2 ] || fail "--bin-dir needs a folder"; bindir=$2; shift ;;
        --bin-dir=*) bindir=${1#*=} ;;
        --python) [ $# -ge 2 ] || fail "--python needs a path"; python=$2; shift ;;
        --python=*) python=${1#*=} ;;
        --menu) menu=yes ;;
        --shared-computer) shared=yes ;;
        --uninstall) uninstall=yes ;;
        --user) system_wide=no ;;
        -h|--help) usage; exit 0 ;;
        *) fail "unknown option: $1 (see: sh install.sh --help)" ;;
    esac
    shift
done

if [ "$system_wide" = yes ]; then
    : "${prefix:=/opt/peerprep}" "${bindir:=/usr/local/bin}"
    [ "$SYSTEM" = macos ] && menu_file=/Applications/peerprep.command \
        || menu_file=/usr/local/share/applications/peerprep.desktop
else
    : "${prefix:=$HOME/.local/opt/peerprep}" "${bindir:=$HOME/.local/bin}"
    [ "$SYSTEM" = macos ] && menu_file="$HOME/Applications/peerprep.command" \
        || menu_file="${XDG_DATA_HOME:-$HOME/.local/share}/applications/peerprep.desktop"
fi
if [ "$SYSTEM" = macos ]; then
    site_conf='/Library/Application Support/peerprep/peerprep.conf'
else
    site_conf=/etc/xdg/peerprep/peerprep.conf
fi
link="$bindir/peerprep"

ours() {  # is $1 a file this script made (a link into $prefix/app, or naming $link)?
    if [ -L "$1" ]; then
        case $(readlink "$1") in "$prefix"/app/*) return 0 ;; esac
        return 1
    fi
    [ -f "$1" ] && grep -qF "$link" "$1"
}

if [ "$uninstall" = yes ]; then
    if [ -e "$link" ] || [ -L "$link" ]; then
        if ours "$link"; then rm -f "$link"; else say "left $link: not made by this installer"; fi
    fi
    if [ -e "$menu_file" ] && ours "$menu_file"; then rm -f "$menu_file"; fi
    rm -rf "$prefix/app"
    rmdir "$prefix" 2>/dev/null || true
    say "removed peerprep from $prefix."
    say "people's own preparations and settings, and $site_conf, are left as they are."
    exit 0
fi

# --- a Python this bundle has wheels for ------------------------------------------------

probe() {  # print "X.Y MACHINE" for a Python that runs, nothing otherwise
    "$1" -c 'import platform, sys; print("%d.%d %s" % (sys.version_info[:2] + (platform.machine(),)))' 2>/dev/null
}

candidates() {
    [ -n "$python" ] && { echo "$python"; return; }
    for v in $PYTHONS; do
        command -v "python$v" 2>/dev/null || true
        if [ "$SYSTEM" = macos ]; then
            for dir in "/Library/Frameworks/Python.framework/Versions/$v/bin" /opt/homebrew/bin /usr/local/bin; do
                [ -x "$dir/python$v" ] && echo "$dir/python$v"
            done
        fi
    done
    found=$(command -v python3 2>/dev/null || true)
    # On a Mac without the developer tools, /usr/bin/python3 only offers to install them.
    if [ -n "$found" ] && { [ "$SYSTEM" != macos ] || [ "$found" != /usr/bin/python3 ] || xcode-select -p >/dev/null 2>&1; }; then
        echo "$found"
    fi
}

find_python() {  # sets py and py_version, or lists in $seen what was found and why not
    seen='' py='' py_version=''
    list=$(candidates)
    saved_ifs=$IFS
    IFS='
'
    for candidate in $list; do
        answer=$(probe "$candidate") || { seen="$seen $candidate (does not run);"; continue; }
        version=${answer% *} machine=${answer#* }
        case " $PYTHONS " in *" $version "*) ;; *) seen="$seen $candidate ($version);"; continue ;; esac
        case " $MACHINES " in *" $machine "*) ;; *) seen="$seen $candidate ($machine);"; continue ;; esac
        py=$candidate py_version=$version
        break
    done
    IFS=$saved_ifs
    [ -n "$py" ]
}

if ! find_python && [ "$SYSTEM" = macos ] && [ "$(id -u)" = 0 ]; then
    for pkg in "$here"/python/*.pkg; do
        [ -f "$pkg" ] || continue
        say "no suitable Python here: installing $(basename "$pkg")"
        installer -pkg "$pkg" -target / >/dev/null || fail "the Python installer failed"
        find_python && break
    done
fi
if [ -z "$py" ]; then
    say "this bundle ($PLATFORM) needs Python $(echo "$PYTHONS" | tr ' ' '\n' | sort -t. -k2 -n | head -1) or newer ($PYTHONS) for $MACHINES."
    [ -n "$seen" ] && say "found, but not usable:$seen"
    if [ "$SYSTEM" = macos ]; then
        fail "install Python from python.org (the macOS installer) and run this again. The Python 3.9 of Apple's developer tools is too old."
    fi
    fail "install Python 3 from the system's packages (for example: apt install python3 python3-venv) and run this again."
fi
lock="$here/locks/python-$py_version.txt"
[ -f "$lock" ] || fail "this bundle has no wheels for Python $py_version ($lock is missing)"
"$py" -c 'import ensurepip, venv' 2>/dev/null \
    || fail "$py cannot make a virtual environment. On Debian and Ubuntu: apt install python3-venv"

# --- install into a new folder; switch the command over only when it works ---------------

if [ -e "$link" ] || [ -L "$link" ]; then
    ours "$link" || fail "$link exists and was not made by this installer: remove it, or use --bin-dir"
fi
umask 022
mkdir -p "$prefix/app" "$bindir"
app=$(mktemp -d "$prefix/app/$VERSION-XXXXXX")  # a new folder, never the one in use
chmod 755 "$app"
cleanup() { rm -rf "$app"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
say "installing peerprep $VERSION for Python $py_version ($py) into $app"
"$py" -m venv "$app"
PIP_CONFIG_FILE=/dev/null "$app/bin/python" -m pip --isolated --disable-pip-version-check \
    install --quiet --no-index --no-cache-dir --find-links "$here/wheels" --require-hashes \
    -r "$lock" || fail "pip could not install from $here/wheels (see above); nothing was changed"
answer=$("$app/bin/peerprep" --version) || fail "the new install does not start; nothing was changed"

ln -s "$app/bin/peerprep" "$link.new.$$"
mv -f "$link.new.$$" "$link"
trap - EXIT INT TERM
for old in "$prefix"/app/*; do
    [ "$old" = "$app" ] || rm -rf "$old"
done
say "installed: $answer, started with: $link"

if [ "$menu" = yes ]; then
    mkdir -p "$(dirname "$menu_file")"
    if [ "$SYSTEM" = macos ]; then
        printf '#!/bin/sh\nexec "%s" "$@"\n' "$link" >"$menu_file"
        chmod 755 "$menu_file"
    else
        cat >"$menu_file" <<EOF
[Desktop Entry]
Type=Application
Name=peerprep
Comment=Forbered et personligt statement til et møde
Comment[en]=Prepare a personal statement for a meeting
Exec=$link
Terminal=true
Categories=Office;
EOF
    fi
    say "menu entry: $menu_file"
fi

if [ "$shared" = yes ]; then
    [ "$(id -u)" = 0 ] || fail "--shared-computer writes $site_conf and needs root (sudo)"
    if [ -e "$site_conf" ]; then
        say "shared-computer mode: $site_conf is already there; left as it is"
    else
        mkdir -p "$(dirname "$site_conf")"
        printf '# peerprep: shared-computer mode for everyone on this machine\nshared = yes\n' >"$site_conf.new.$$"
        chmod 644 "$site_conf.new.$$"
        mv "$site_conf.new.$$" "$site_conf"
        say "shared-computer mode is on for this machine: $site_conf"
    fi
fi

case ":$PATH:" in
    *":$bindir:"*) ;;
    *) say "$bindir is not on PATH: add it (for example in ~/.profile: export PATH=\"$bindir:\$PATH\")" ;;
esac
