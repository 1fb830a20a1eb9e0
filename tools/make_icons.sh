#!/usr/bin/env bash
# Regenerates the installers' icons from packaging/icon/parley.svg, the one source:
#   parley.png   512 px, Linux (.deb desktop entry, app image)
#   parley.ico   16-256 px, Windows (.msi, Parley.exe)
#   parley.icns  16-1024 px, macOS (.app, .dmg)
# Needs ImageMagick (convert), which writes the ICO, and python3, which packs the PNGs into the ICNS.
set -euo pipefail
cd "$(dirname "$0")/../packaging/icon"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 24 32 48 64 128 256 512 1024; do
  # Rendered at the target size's density, not scaled down from one bitmap, so small sizes stay sharp.
  convert -background none -density $((96 * size / 512 + 1)) parley.svg -resize "${size}x${size}" \
    -depth 8 -strip "PNG32:$work/$size.png"
done
cp "$work/512.png" parley.png
convert "$work"/{16,24,32,48,64,128,256}.png parley.ico

python3 - "$work" <<'PY'
import struct, sys
work = sys.argv[1]
# ICNS element types that hold PNG data, by pixel size (retina types reuse the larger images).
types = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
         (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512)]
body = b""
for kind, size in types:
    png = open(f"{work}/{size}.png", "rb").read()
    body += kind + struct.pack(">I", 8 + len(png)) + png
open("parley.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
ls -l parley.png parley.ico parley.icns
