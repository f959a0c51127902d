#!/bin/sh
# Remakes the WARC files of this directory with wget (Debian package wget).
# Run from the repository root: sh testdata/warc/make.sh
set -eu
dir=testdata/warc
addr=127.0.0.1:18931
tmp=$(mktemp -d)
go build -o "$tmp/gen" ./$dir/gen
"$tmp/gen" -addr $addr & pid=$!
trap 'kill $pid; rm -rf "$tmp"' EXIT
sleep 1
urls="http://$addr/ http://$addr/robots.txt http://$addr/news/truce.html http://$addr/news/port.html http://$addr/old-truce http://$addr/feed.json http://$addr/missing.html"
cd "$tmp"
# First capture, with a CDX index so the second can deduplicate against it.
wget -q --no-verbose --warc-file=capture-1 --warc-cdx --no-warc-keep-log --delete-after --max-redirect=0 $urls || true
wget -q -O /dev/null http://$addr/_edit
sleep 2
# Second capture: the unchanged pages become revisit records.
wget -q --no-verbose --warc-file=capture-2 --warc-dedup=capture-1.cdx --no-warc-keep-log --delete-after --max-redirect=0 $urls || true
cd - >/dev/null
cp "$tmp/capture-1.warc.gz" "$tmp/capture-2.warc.gz" $dir/
ls -l $dir/*.warc.gz
