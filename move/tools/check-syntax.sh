#!/usr/bin/env bash
# Parses every .move file under the given folders (default: the packages in move/) with the tree-sitter Move
# grammar of @mysten/prettier-plugin-move, through prettier. A syntax error fails (exit 2) and names the file and the
# failing fragment. This parses only: it does not compile, resolve names or type-check (that needs the IOTA CLI).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/node_modules/.bin/prettier" ]; then
  npm ci --prefix "$here" --no-audit --no-fund >/dev/null
fi

roots=("$@")
if [ ${#roots[@]} -eq 0 ]; then
  roots=("$here/..")
fi

mapfile -t files < <(find "${roots[@]}" -name '*.move' -not -path '*/node_modules/*' -not -path '*/build/*' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "check-syntax: no .move files under ${roots[*]}" >&2
  exit 1
fi

# Formatting to /dev/null makes prettier parse each file; the plugin throws on any tree-sitter ERROR node.
"$here/node_modules/.bin/prettier" --plugin "$here/node_modules/@mysten/prettier-plugin-move/out/index.js" --log-level warn "${files[@]}" >/dev/null
echo "check-syntax: ${#files[@]} .move files parse"
