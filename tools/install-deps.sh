#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# install-deps.sh — installs everything needed to build, run and test Dossier
# on Debian 12 (or a derivative). Idempotent: when every package is already
# installed it does nothing and needs no network. Uses sudo when not root.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc clang
  # the fuzz build (clang with ASan+UBSan) links clang's sanitizer runtimes
  libclang-rt-dev
  libgtk-4-dev libadwaita-1-dev libxml2-dev libsqlite3-dev libglib2.0-dev libglib2.0-bin
  gettext
  # REFI-QDA .qdpx archives, W3C Web Annotation JSON-LD (see README, "Dependencies")
  libzip-dev libjson-glib-dev
  # pictures drawn outside the window: dossier-cli grid (app/render)
  libcairo2-dev libpango1.0-dev
  # tests: display, session bus, validators, tools
  xvfb xauth dbus dbus-x11
  desktop-file-utils appstream-util appstream libxml2-utils shared-mime-info
  sqlite3 python3 imagemagick xdotool
  # tests: a briefing's PDF read back (pdftotext, pdfinfo)
  poppler-utils
  # the accessibility test reads the window through AT-SPI (see README)
  at-spi2-core python3-pyatspi
  # fonts and icons, so the window looks as it does for users
  fonts-cantarell fonts-noto-color-emoji fonts-noto-cjk adwaita-icon-theme
)

missing=()
for p in "${packages[@]}"; do
  if [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2> /dev/null || true) != installed ]]; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo > /dev/null; then
  sudo=(sudo)
else
  echo "install-deps: missing ${missing[*]}; run this script as root or install sudo" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
# env, because sudo drops the caller's environment.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
