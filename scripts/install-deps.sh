#!/usr/bin/env bash
# Installs the system and Python packages StudyCircle needs to build, run and test.
# Usage: scripts/install-deps.sh [run|test|bench]
# It installs only what is missing, so it is quick on a machine that has everything.
set -euo pipefail
what=${1:-run}

apt_pkgs=(libncurses-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
# GNU ld links the release binary (Package.swift: static Swift runtime, packed relocations).
apt_pkgs+=(binutils)
# The MongoDB C driver: loaded with dlopen only when DB_TYPE=mongodb, so the build does not need it.
apt_pkgs+=(libmongoc-1.0-0)
case "$what" in
  test|bench) apt_pkgs+=(tmux poppler-utils python3-pip libmongoc-dev) ;;
esac
# The pty benchmark measures weechat next to StudyCircle; its core buffer is filled by a Python script.
if [ "$what" = bench ]; then apt_pkgs+=(weechat-curses weechat-python); fi

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$what" != run ]; then
  py_need=()
  python3 -c 'import moto.server, flask_cors' 2>/dev/null || py_need+=('moto[server]')
  python3 -c 'import botocore, boto3' 2>/dev/null || py_need+=(boto3 botocore)
  python3 -c 'import rouge_score' 2>/dev/null || py_need+=(rouge-score)
  # The MongoDB wire-protocol stand-in (scripts/mongo_standin.py) and the bench's pymongo baseline.
  python3 -c 'import mongomock' 2>/dev/null || py_need+=(mongomock)
  python3 -c 'import pymongo, bson' 2>/dev/null || py_need+=(pymongo)
  if [ ${#py_need[@]} -gt 0 ]; then
    echo "Installing Python packages: ${py_need[*]}"
    python3 -m pip install -q "${py_need[@]}" 2>/dev/null || python3 -m pip install -q --break-system-packages "${py_need[@]}"
  fi
fi
