#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
[ -d /usr/share/fonts/opentype/ebgaramond ] || need_apt+=(fonts-ebgaramond)
# Fallback fonts for characters Libertinus lacks (the PDF tests of missing glyphs use them).
for font in fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-junicode fonts-symbola; do
  dpkg -s "$font" >/dev/null 2>&1 || need_apt+=("$font")
done
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v npm >/dev/null || need_apt+=(npm)
[ -f /usr/share/dict/ngerman ] || need_apt+=(wngerman)  # edition annotate --report
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -e '.[test]'
if [ -f tests/node/package.json ]; then
  (cd tests/node && npm install --no-audit --no-fund --silent)
fi
