#!/bin/bash
# Cross-build cchc for 64-bit Windows on Debian 12 and package it as one zip.
#
#   build-aux/windows.sh [--deps-only] OUTDIR
#
# OUTDIR/deps/src      the dependencies' sources (Debian source packages, GNU
#                      libiconv from the npm package "iconv")
# OUTDIR/deps/prefix   what they install: include/, lib/, lib/pkgconfig/, bin/
# OUTDIR/deps/stamps   one file per finished step; a step whose stamp matches
#                      is skipped, so a second run only rebuilds cchc
# OUTDIR/deps/logs     each step's full output (only the tail is shown on error)
# OUTDIR/build         cchc's build tree
# OUTDIR/cchc-VERSION-win64.zip
#
# Run as root on a fresh Debian 12 it installs the packages it needs first;
# otherwise it only checks for them.  Nothing under /etc is changed: the
# source packages come through a private apt configuration under OUTDIR.
set -euo pipefail

HOST=x86_64-w64-mingw32
# The machine this runs on is shared; more jobs than two only buys contention.
JOBS=$(( $(nproc) < 2 ? $(nproc) : 2 ))

die() { printf 'windows.sh: %s\n' "$*" >&2; exit 1; }
say() { printf '== %s\n' "$*"; }

usage() {
	echo "usage: build-aux/windows.sh [--deps-only] OUTDIR" >&2
	exit 2
}

DEPS_ONLY=no
case ${1:-} in
--deps-only) DEPS_ONLY=yes; shift ;;
-h|--help) usage ;;
esac
[ $# -eq 1 ] || usage

SRC=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
DEPS=$OUT/deps
PREFIX=$DEPS/prefix
DSRC=$DEPS/src
STAMPS=$DEPS/stamps
LOGS=$DEPS/logs
mkdir -p "$PREFIX"/include "$PREFIX"/lib/pkgconfig "$PREFIX"/bin "$DSRC" "$STAMPS" "$LOGS"

# --------------------------------------------------------------- 1. tools
# Package -> a command (or file) that proves it is installed.  Each is needed
# by a stage below; names checked with apt-cache against Debian 12 (tclsh is
# a virtual package, tcl provides it; gcc only recommends libc6-dev, which
# --no-install-recommends would leave out).
TOOLS=(
	"gcc-mingw-w64-x86-64:x86_64-w64-mingw32-gcc"
	"g++-mingw-w64-x86-64:x86_64-w64-mingw32-g++"   # libxlsxwriter's CMake probes C++
	"binutils-mingw-w64-x86-64:x86_64-w64-mingw32-objdump"
	"mingw-w64-tools:x86_64-w64-mingw32-pkg-config"
	"libz-mingw-w64-dev:/usr/x86_64-w64-mingw32/include/zlib.h"
	"gcc:gcc"                       # CC_FOR_BUILD: cchc's embed, ncurses' helpers
	"libc6-dev:/usr/include/stdio.h"
	"make:make"
	"autoconf:autoconf"
	"automake:automake"
	"pkg-config:pkg-config"
	"cmake:cmake"
	"tcl:tclsh"                     # SQLite's amalgamation generator
	"dpkg-dev:dpkg-source"
	"patch:patch"
	"xz-utils:xz"
	"curl:curl"
	"ca-certificates:/etc/ssl/certs/ca-certificates.crt"
	"debian-archive-keyring:/usr/share/keyrings/debian-archive-keyring.gpg"
	"zip:zip"
	"unzip:unzip"
	"wine:wine"                     # tests run the exe under Wine
	"wine64:/usr/lib/wine/wine64"
)

have() {
	case $1 in
	/*) [ -e "$1" ] ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

missing_packages() {
	local t
	for t in "${TOOLS[@]}"; do
		have "${t#*:}" || printf '%s ' "${t%%:*}"
	done
}

install_tools() {
	local missing
	missing=$(missing_packages)
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -eq 0 ]; then
		say "installing: $missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q
		# shellcheck disable=SC2086  # one word per package
		apt-get install -y -q --no-install-recommends $missing
		missing=$(missing_packages)
		[ -z "$missing" ] || die "still missing after apt-get install: $missing"
	else
		die "missing packages: $missing(as root: apt-get install --no-install-recommends $missing)"
	fi
}

# --------------------------------------------------------------- steps
# A step runs once.  Its stamp holds a digest of the function that does it
# (and of any extra inputs named after it), so changing a build function or a
# patch rebuilds that step.
# The helpers the build functions share are part of every key: a change to
# how .pc files or CMake builds are written rebuilds everything.
STEP_HELPERS="write_pc write_toolchain cmake_build fresh_copy"

step_key() {
	local fn=$1; shift
	# shellcheck disable=SC2086
	{ declare -f "$fn" $STEP_HELPERS; [ $# -eq 0 ] || cat "$@"; } |
		sha256sum | cut -c1-16
}

step() {
	local name=$1 fn=$2; shift 2
	local key stamp=$STAMPS/$name log=$LOGS/$name.log t0
	key=$(step_key "$fn" "$@")
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
		return 0
	fi
	say "$name ..."
	t0=$SECONDS
	# Started in the background and waited for, because a subshell tested
	# by `if` or `||` would run with `set -e` silently switched off.
	( "$fn" ) >"$log" 2>&1 &
	if ! wait $!; then
		tail -n 40 "$log" >&2
		die "$name failed after $((SECONDS - t0)) s; full log: $log"
	fi
	echo "$key" >"$stamp"
	say "$name done in $((SECONDS - t0)) s"
}

# --------------------------------------------------------------- 2. sources
APT_DIR=$DEPS/apt
# The source lists, preferences, package lists, cache and status apt would
# use are all redirected here.  apt still reads /etc/apt/apt.conf.d (a proxy
# set there keeps working) but writes nothing outside OUTDIR.
APT_OPTS=(
	-o "Dir::Etc::SourceList=$APT_DIR/sources.list"
	-o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
	-o "Dir::Etc::Preferences=/dev/null"
	-o "Dir::Etc::PreferencesParts=$APT_DIR/preferences.d"
	-o "Dir::State::Lists=$APT_DIR/lists"
	-o "Dir::State::status=$APT_DIR/status"
	-o "Dir::Cache=$APT_DIR/cache"
	-o "Debug::NoLocking=1"
)
SOURCE_PACKAGES="ncurses sqlite3 utf8proc libzip expat libxlsxwriter"

# GNU libiconv 1.14 as carried by the npm package iconv 3.0.1.  The digest
# is the registry's dist.integrity for that version (base64 sha512).
ICONV_URL=https://registry.npmjs.org/iconv/-/iconv-3.0.1.tgz
ICONV_SHA512=lJnFLxVc0d82R7GfU7a9RujKVUQ3Eee19tPKWZWBJtAEGRHVEyFzCtbNl3GPKuDnHBBRT4/nDS4Ru9AIDT72qA==

fetch_debian_sources() {
	mkdir -p "$APT_DIR"/lists/partial "$APT_DIR"/cache/archives/partial \
		"$APT_DIR"/sources.list.d "$APT_DIR"/preferences.d
	: >"$APT_DIR"/status
	local kr=/usr/share/keyrings/debian-archive-keyring.gpg
	cat >"$APT_DIR"/sources.list <<-EOF
	deb-src [signed-by=$kr] http://deb.debian.org/debian bookworm main
	deb-src [signed-by=$kr] http://deb.debian.org/debian bookworm-updates main
	deb-src [signed-by=$kr] http://deb.debian.org/debian-security bookworm-security main
	EOF
	apt-get "${APT_OPTS[@]}" update
	rm -rf "$DSRC"/debian && mkdir -p "$DSRC"/debian
	cd "$DSRC"/debian
	local pkg dsc
	for pkg in $SOURCE_PACKAGES; do
		fetch_source "$pkg"
	done
	# dpkg-source -x leaves copies of the upstream tarballs beside the tree
	rm -f "$DSRC"/*.orig*.tar.* "$DSRC"/*.orig*.asc
	for pkg in $SOURCE_PACKAGES; do
		dsc=$(ls "$pkg"_*.dsc)
		rm -rf "${DSRC:?}/$pkg"
		# apt has already checked each file against the signed Sources index.
		dpkg-source --no-check -x "$dsc" "$DSRC/$pkg"
		rm -f "$DSRC"/*.orig*.tar.* "$DSRC"/*.orig*.asc
		echo "$dsc" >>versions.txt
	done
	cat versions.txt
}

# The newest version first (security, updates); a mirror that lags behind the
# security index (seen here: its pool lacked the newest expat) falls back to
# the release's own version, and says so.
fetch_source() {
	local pkg=$1 suite
	apt-get "${APT_OPTS[@]}" source --download-only "$pkg" && return 0
	for suite in bookworm-updates bookworm; do
		echo "WARNING: $pkg: newest version not downloadable, trying $suite"
		rm -f "$pkg"_*
		apt-get "${APT_OPTS[@]}" source --download-only "$pkg/$suite" && return 0
	done
	return 1
}

fetch_iconv() {
	local tgz=$DSRC/iconv-3.0.1.tgz got want
	curl -fsSL --retry 3 -o "$tgz.part" "$ICONV_URL"
	# Compared in hex with coreutils only (no openssl on a bare system).
	want=$(printf '%s' "$ICONV_SHA512" | base64 -d | od -An -v -tx1 | tr -d ' \n')
	got=$(sha512sum "$tgz.part" | cut -d' ' -f1)
	[ "$got" = "$want" ] ||
		{ echo "sha512 mismatch for $ICONV_URL: got $got, want $want"; return 1; }
	mv "$tgz.part" "$tgz"
	# Kept whole: deps/libiconv has only lib/; the package's support/ holds
	# the config.h and iconv.h that go with it.
	rm -rf "$DSRC"/iconv
	mkdir -p "$DSRC"/iconv
	tar -xzf "$tgz" -C "$DSRC"/iconv --strip-components=1
	grep -m1 '_LIBICONV_VERSION ' "$DSRC"/iconv/support/iconv.h
}

# --------------------------------------------------------------- 3. builds
BLD=$DEPS/build
TOOLCHAIN=$DEPS/mingw-toolchain.cmake

# A .pc file written by us, not by the package: several packages' own files
# lack the -D…_STATIC their headers need to declare symbols without
# __declspec(dllimport), or name libraries a static link does not have.
write_pc() {   # name version cflags libs [libs.private]
	cat >"$PREFIX/lib/pkgconfig/$1.pc" <<-EOF
	prefix=$PREFIX
	libdir=\${prefix}/lib
	includedir=\${prefix}/include

	Name: $1
	Description: $1 for $HOST (static, built by cchc's build-aux/windows.sh)
	Version: $2
	Cflags: $3
	Libs: $4
	Libs.private: ${5:-}
	EOF
}

write_toolchain() {
	cat >"$TOOLCHAIN" <<-EOF
	set(CMAKE_SYSTEM_NAME Windows)
	set(CMAKE_SYSTEM_PROCESSOR x86_64)
	set(CMAKE_C_COMPILER $HOST-gcc)
	set(CMAKE_CXX_COMPILER $HOST-g++)
	set(CMAKE_RC_COMPILER $HOST-windres)
	set(CMAKE_FIND_ROOT_PATH /usr/$HOST $PREFIX)
	set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
	set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
	set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
	set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
	EOF
}

cmake_build() {   # srcdir builddir cmake-options...
	local s=$1 b=$2; shift 2
	write_toolchain
	rm -rf "$b"
	cmake -S "$s" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" \
		-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
		-DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=OFF \
		-DZLIB_INCLUDE_DIR=/usr/$HOST/include \
		-DZLIB_LIBRARY=/usr/$HOST/lib/libz.a "$@"
	cmake --build "$b" -j "$JOBS"
	cmake --install "$b"
}

fresh_copy() {   # package: a clean copy of its source in $BLD, to patch or build in
	rm -rf "${BLD:?}/$1" "${BLD:?}/$1-build"
	mkdir -p "$BLD"
	cp -a "$DSRC/$1" "$BLD/$1"
}

# zlib comes from Debian's libz-mingw-w64-dev; only its .pc is ours.  That
# package has libz.dll.a beside libz.a and -lz takes the import library,
# making the exe need zlib1.dll: the .pc names the static archive itself, and
# libzip's and libxlsxwriter's .pc require it rather than saying -lz.
build_zlib_pc() {
	local v
	v=$(sed -n 's/^#define ZLIB_VERSION "\(.*\)"/\1/p' /usr/$HOST/include/zlib.h)
	[ -n "$v" ] && [ -f /usr/$HOST/lib/libz.a ]
	write_pc zlib "$v" "-I/usr/$HOST/include" "/usr/$HOST/lib/libz.a"
}

# GNU libiconv 1.14 as a DLL (LGPL: the user must be able to replace it).
# The npm package ships lib/ and a ready config.h, not libiconv's configure,
# so it is compiled directly, the way the package's binding.gyp does.
build_iconv() {
	local s=$DSRC/iconv
	mkdir -p "$BLD"
	"$HOST-gcc" -O2 -w -shared -static-libgcc \
		-DICONV_CONST=const -DENABLE_EXTRA=1 -DBUILDING_LIBICONV \
		-I"$s"/support -I"$s"/deps/libiconv/lib \
		-o "$BLD"/libiconv-2.dll \
		"$s"/deps/libiconv/lib/iconv.c "$s"/support/localcharset.c \
		-Wl,--out-implib,"$PREFIX"/lib/libiconv.dll.a
	"$HOST-strip" --strip-unneeded "$BLD"/libiconv-2.dll
	install -m 644 "$BLD"/libiconv-2.dll "$PREFIX"/bin/
	install -m 644 "$s"/support/iconv.h "$PREFIX"/include/
	# cchc's AM_ICONV links -liconv; iconv.h maps iconv_open to libiconv_open.
	write_pc iconv 1.14 "-I\${includedir}" "-L\${libdir} -liconv"
	"$HOST-objdump" -p "$PREFIX"/bin/libiconv-2.dll | grep 'DLL Name'
}

build_utf8proc() {
	local s=$DSRC/utf8proc b=$BLD/utf8proc v
	rm -rf "$b" && mkdir -p "$b"
	# One C file, compiled directly: the .pc its CMake writes carries
	# -DUTF8PROC_EXPORTS, which is wrong for a static library.
	"$HOST-gcc" -O2 -std=c99 -DUTF8PROC_STATIC -c "$s"/utf8proc.c -o "$b"/utf8proc.o
	"$HOST-ar" rcs "$PREFIX"/lib/libutf8proc.a "$b"/utf8proc.o
	install -m 644 "$s"/utf8proc.h "$PREFIX"/include/
	v=$(sed -n 's/^#define UTF8PROC_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)/\2/p' \
		"$s"/utf8proc.h | paste -sd.)
	write_pc libutf8proc "$v" "-I\${includedir} -DUTF8PROC_STATIC" "-L\${libdir} -lutf8proc"
}

# Debian's expat source is upstream's git tree (no configure): its CMake.
build_expat() {
	local v lib
	fresh_copy expat
	# Debian's security patches test "#if XML_DTD == 1", true with autotools'
	# config.h; CMake's template defines XML_DTD empty, which breaks them.
	sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/' \
		"$BLD"/expat/expat/expat_config.h.cmake
	cmake_build "$BLD"/expat/expat "$BLD"/expat-build \
		-DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF \
		-DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF \
		-DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_FUZZERS=OFF
	v=$(sed -n 's/^Version: *//p' "$PREFIX"/lib/pkgconfig/expat.pc)
	# the library's name carries MinGW/MSVC decorations in some versions
	lib=$(cd "$PREFIX"/lib && ls libexpat*.a | head -n 1)
	lib=${lib#lib}; lib=${lib%.a}
	write_pc expat "$v" "-I\${includedir} -DXML_STATIC" "-L\${libdir} -l$lib"
}

build_libzip() {
	local b=$BLD/libzip v
	cmake_build "$DSRC"/libzip "$b" \
		-DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
		-DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=OFF \
		-DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
		-DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF
	v=$(sed -n 's/^Version: *//p' "$PREFIX"/lib/pkgconfig/libzip.pc)
	# zip_random_win32.c / zip_source_win32*.c need advapi32 and bcrypt.
	# The static build's zipconf.h already says "#define ZIP_STATIC"; the
	# flag is given with an empty value too, so the two definitions are
	# identical and -Werror sees no redefinition.
	write_pc libzip "$v" "-I\${includedir} -DZIP_STATIC=" "-L\${libdir} -lzip" \
		"-ladvapi32 -lbcrypt"
	echo "Requires.private: zlib" >>"$PREFIX"/lib/pkgconfig/libzip.pc
}

build_libxlsxwriter() {
	local v
	# Its bundled minizip; zlib from mingw; the MSVC runtime switch means
	# nothing to MinGW and stays off.
	cmake_build "$DSRC"/libxlsxwriter "$BLD"/libxlsxwriter \
		-DUSE_STATIC_MSVC_RUNTIME=OFF -DUSE_SYSTEM_MINIZIP=OFF \
		-DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
	v=$(sed -n 's/^#define LXW_VERSION "\(.*\)"/\1/p' "$PREFIX"/include/xlsxwriter.h)
	write_pc xlsxwriter "$v" "-I\${includedir}" "-L\${libdir} -lxlsxwriter"
	echo "Requires.private: zlib" >>"$PREFIX"/lib/pkgconfig/xlsxwriter.pc
}

# The amalgamation is generated on the build machine by SQLite's own
# makefile (needs tclsh and gcc), then cross-compiled as one unit.  The
# options are Debian's (debian/rules) where they change what SQL does or
# what a database file may contain, so a file moves between Linux and
# Windows builds unchanged; FTS5 and the session extension are what cchc
# needs.  Left out: LOAD_EXTENSION (nothing to load, less to attack),
# UPDATE_DELETE_LIMIT (needs a regenerated parser), OMIT_LOOKASIDE and
# UNLOCK_NOTIFY (speed/threads only).
build_sqlite() {
	local b=$BLD/sqlite3 v
	local opts=(
	-DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK
	-DSQLITE_THREADSAFE=1
	-DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA
	-DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_FTS4
	-DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_DBSTAT_VTAB
	-DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_USE_URI=1
	-DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_STMTVTAB
	-DSQLITE_MAX_VARIABLE_NUMBER=250000
	-DSQLITE_OMIT_LOAD_EXTENSION
	)
	fresh_copy sqlite3
	cd "$b"
	# configured for the build machine: only its sqlite3.c target is used
	./configure --disable-tcl CC=gcc >/dev/null
	make sqlite3.c
	v=$(cat VERSION)
	"$HOST-gcc" -O2 "${opts[@]}" -c sqlite3.c -o sqlite3.o
	"$HOST-ar" rcs "$PREFIX"/lib/libsqlite3.a sqlite3.o
	install -m 644 sqlite3.h sqlite3ext.h "$PREFIX"/include/
	write_pc sqlite3 "$v" "-I\${includedir}" "-L\${libdir} -lsqlite3"
}

# ncurses with the Windows console driver.  The flags are those the issue
# found to work; --enable-database without installing one because
# --disable-database needs compiled-in fallbacks, and the console driver
# needs no terminfo entry anyway.  PATH_SEPARATOR=";" is kept from the
# issue's working build; ncurses' curses.priv.h uses ';' on Windows anyway.
build_ncurses() {
	local b=$BLD/ncurses p
	fresh_copy ncurses
	cd "$b"
	for p in "$SRC"/build-aux/windows/ncurses-*.patch; do
		[ -e "$p" ] || continue
		echo "applying $p"
		patch -p1 --no-backup-if-mismatch <"$p"
	done
	PATH_SEPARATOR=";" ./configure --host=$HOST --prefix="$PREFIX" \
		--with-build-cc=gcc \
		--enable-widec --enable-term-driver --enable-sp-funcs \
		--enable-ext-funcs --enable-ext-colors \
		--without-ada --without-cxx --without-progs --without-tests \
		--without-shared --without-debug --without-manpages \
		--enable-database --disable-db-install --disable-home-terminfo
	# Only the headers and libncursesw: cchc uses no panel, menu or form.
	make -j"$JOBS" -C include
	make -j"$JOBS" -C ncurses
	make -C include install
	make -C ncurses install
	# Without NCURSES_STATIC the headers declare every symbol dllimport;
	# NCURSES_WIDECHAR as in ncurses' own generated .pc.
	write_pc ncursesw "$(sed -n 's/^NCURSES_MAJOR *= *//p; s/^NCURSES_MINOR *= *//p' dist.mk | paste -sd.)" \
		"-I\${includedir}/ncursesw -I\${includedir} -DNCURSES_WIDECHAR -DNCURSES_STATIC" \
		"-L\${libdir} -lncursesw"
}

build_deps() {
	step zlib-pc build_zlib_pc
	step iconv build_iconv
	step utf8proc build_utf8proc
	step expat build_expat
	step sqlite3 build_sqlite
	step libzip build_libzip
	step libxlsxwriter build_libxlsxwriter
	local patches=("$SRC"/build-aux/windows/ncurses-*.patch)
	[ -e "${patches[0]}" ] || patches=()
	step ncurses build_ncurses "${patches[@]}"
}

# --------------------------------------------------------------- 4. cchc
BUILD=$OUT/build

# ======== cchc's configure line: the one place to adjust it ========
# PKG_CONFIG_LIBDIR set (and PKG_CONFIG_PATH empty) makes pkg-config see only
# the prefix; --static adds each .pc's Libs.private (libzip's -lbcrypt …),
# which a static link needs and PKG_CHECK_MODULES would otherwise leave out.
# iconv is AM_ICONV's, not pkg-config's: --with-libiconv-prefix looks for a
# libiconv.a or .dll beside the headers and misses the import library
# libiconv.dll.a, so the prefix goes in CPPFLAGS/LDFLAGS and AM_ICONV's
# plain -liconv finds it.
configure_cchc() {
	"$SRC"/configure --host=$HOST --enable-werror -q \
		CC_FOR_BUILD=gcc \
		PKG_CONFIG="pkg-config --static" \
		PKG_CONFIG_LIBDIR="$PREFIX"/lib/pkgconfig PKG_CONFIG_PATH= \
		CPPFLAGS="-isystem $PREFIX/include" \
		LDFLAGS="-L$PREFIX/lib -static-libgcc"
}
# ====================================================================

# Configured once (again only when configure.ac or the line above changes);
# after that a run is make's own incremental build.
build_cchc() {
	local key t0=$SECONDS
	[ -x "$SRC"/configure ] || (cd "$SRC" && ./bootstrap)
	key=$( { declare -f configure_cchc; cat "$SRC"/configure; } | sha256sum | cut -c1-16)
	mkdir -p "$BUILD"
	if [ ! -f "$BUILD"/Makefile ] || [ "$(cat "$STAMPS"/cchc-configure 2>/dev/null)" != "$key" ]; then
		say "configuring cchc"
		(cd "$BUILD" && configure_cchc)
		echo "$key" >"$STAMPS"/cchc-configure
	fi
	say "building cchc.exe"
	make -C "$BUILD" -j"$JOBS" cchc.exe
	# so that the build's own cchc.exe runs too (under Wine, for a try)
	install -m 644 "$PREFIX"/bin/libiconv-2.dll "$BUILD"/
	say "cchc.exe built in $((SECONDS - t0)) s"
}

# --------------------------------------------------------------- 5. zip
# DLLs Windows itself provides; anything else the exe imports would have to
# ship beside it, and only libiconv-2.dll is meant to.
SYSTEM_DLLS='^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|shlwapi|comdlg32|bcrypt|crypt32|secur32|ws2_32|userenv|version|ntdll|msvcrt|api-ms-win-[a-z0-9-]+)\.dll$'

check_imports() {   # file...: fail on any import outside the allowed set
	local f dll bad=0
	for f; do
		echo "imports of ${f##*/}:"
		while read -r dll; do
			echo "    $dll"
			dll=${dll,,}
			[[ $dll =~ $SYSTEM_DLLS || $dll == libiconv-2.dll ]] ||
				{ echo "      ^ not a Windows system DLL and not shipped"; bad=1; }
		done < <("$HOST-objdump" -p "$f" | sed -n 's/^[[:space:]]*DLL Name: //p')
	done
	[ $bad -eq 0 ] || die "the program would not start on a bare Windows"
}

# Text for Windows: CRLF line ends, and for HUONG-DAN.txt a BOM so Notepad
# on Windows 10 before 1903 reads it as UTF-8.
to_crlf() { sed 's/\r$//; s/$/\r/' "$1"; }

package_zip() {
	local version stage zipf inst size max=$((10 * 1024 * 1024))
	version=$(sed -n 's/^AC_INIT(\[cchc\], *\[\([^]]*\)\].*/\1/p' "$SRC"/configure.ac)
	[ -n "$version" ] || die "no version in configure.ac's AC_INIT"
	stage=$OUT/stage
	zipf=$OUT/cchc-$version-win64.zip
	rm -rf "$stage" "$zipf"
	mkdir -p "$stage"
	"$HOST-strip" -o "$stage"/cchc.exe "$BUILD"/cchc.exe
	install -m 644 "$PREFIX"/bin/libiconv-2.dll "$stage"/
	# data/ and themes/ exactly as `make install` puts them in $(pkgdatadir)
	inst=$OUT/install
	rm -rf "$inst"
	make -C "$BUILD" -s install-data DESTDIR="$inst" >/dev/null
	cp -a "$(find "$inst" -type d -path '*/share/cchc' | head -n 1)"/. "$stage"/
	rm -rf "$inst"
	to_crlf "$SRC"/build-aux/windows/cchc.bat >"$stage"/cchc.bat
	{ printf '\357\273\277'; to_crlf "$SRC"/build-aux/windows/HUONG-DAN.txt; } \
		>"$stage"/HUONG-DAN.txt
	check_imports "$stage"/cchc.exe "$stage"/libiconv-2.dll
	# Files at the top of the zip: Explorer's "Extract All" already makes a
	# folder named after the zip.  -X: no Unix owners or extra fields.
	# Sorted names, so two builds of the same tree list the same zip.
	(cd "$stage" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort |
		zip -q -X -9 -D "$zipf" -@)
	size=$(stat -c %s "$zipf")
	say "cchc.exe $(stat -c %s "$stage"/cchc.exe) bytes stripped"
	say "$zipf: $size bytes"
	[ "$size" -lt $max ] || die "the zip is $size bytes, over the 10 MB limit"
	unzip -l "$zipf" | sed -n '4,$p' | awk '{print $4}' | grep -v '/$' | sed '/^$/d' |
		awk -F/ '{ top[$1]++ } END { for (t in top) printf "    %-20s %d file(s)\n", t, top[t] }' | sort
}

main() {
	install_tools
	step fetch-debian fetch_debian_sources
	step fetch-iconv fetch_iconv
	build_deps
	[ "$DEPS_ONLY" = yes ] && { say "dependencies ready in $PREFIX"; return 0; }
	build_cchc
	package_zip
}

main
