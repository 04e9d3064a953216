# Sourced by ./sigmoid4j, ./run-tests and bin/with-jdk25: sets JAVA_HOME to a JDK >= 25.
# Order: $JAVA_HOME if it is >= 25; else the newest JDK >= 25 under /usr/lib/jvm; else fail
# with one line that says what to install or set.

s4j_java_major() {  # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release" v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  fi
  echo "$v"
}

s4j_find_jdk25() {
  local v cand best="" bestv=0
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(s4j_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -d "$cand" ] || continue
    v=$(s4j_java_major "$cand")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ]; then best=$cand; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "sigmoid4j: needs a JDK 25 or newer, none found (JAVA_HOME=${JAVA_HOME:-unset}, nothing >= 25 in /usr/lib/jvm). Install one (e.g. 'apt-get install temurin-25-jdk') or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

s4j_find_jdk25 || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
