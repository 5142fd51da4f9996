#!/usr/bin/env bash
# Fails when an include breaks the layering: persistence -> domain <- web.
set -u
root=${1:-.}
status=0
if grep -rnE '#include *[<"](boost/|soci/|cereal/|sqlite3|openssl/)' "$root/domain"; then
  echo "domain/ must stay pure C++: no Boost, SOCI, cereal, SQLite or OpenSSL" >&2
  status=1
fi
if grep -rnE '#include *[<"](\.\./)*persistence/' "$root/web" "$root/domain"; then
  echo "web/ and domain/ must not include persistence/" >&2
  status=1
fi
if grep -rnE '#include *[<"](\.\./)*demo/' "$root/domain" "$root/persistence" "$root/web"; then
  echo "demo/ is a client of the domain: no layer includes it" >&2
  status=1
fi
if grep -rnE '#include *[<"](\.\./)*(persistence|web)/' "$root/demo"; then
  echo "demo/ uses the domain's services only" >&2
  status=1
fi
if grep -rnE '#include *[<"](\.\./)*web/' "$root/domain" "$root/persistence"; then
  echo "domain/ and persistence/ must not include web/" >&2
  status=1
fi
[ $status -eq 0 ] && echo "layering ok"
exit $status
