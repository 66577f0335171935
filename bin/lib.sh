# Shared by bin/run, bin/test and bin/oversight: picks Java 25, installs what is missing, builds when needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/oversight.jar"

say() { printf '[oversight] %s\n' "$*" >&2; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

pick_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Java 25 not found; installing openjdk-25-jdk-headless"
    apt-get update -qq && apt-get install -y -qq openjdk-25-jdk-headless >/dev/null || true
    for candidate in /usr/lib/jvm/*25*; do
      if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
    done
  fi
  say "Oversight needs Java 25. Install Temurin 25 (or set JAVA_HOME to a Java 25 JDK) and try again."
  exit 1
}

need_maven() {
  if ! command -v mvn >/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      say "Maven not found; installing it"
      apt-get update -qq && apt-get install -y -qq maven >/dev/null
    else
      say "Oversight needs Apache Maven (mvn) on the PATH."; exit 1
    fi
  fi
}

need_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Installing Debian's chromium and chromium-driver for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    say "The browser tests need Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver"
    exit 1
  fi
}

# ExternalPostgresIT plays an LA's IT team on a PostgreSQL server of Debian's own (with its psql, pg_dump, pg_restore).
need_postgresql() {
  if ls /usr/lib/postgresql/*/bin/postgres /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Installing Debian's postgresql (server and client) for the external-server tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >/dev/null
  else
    say "The external-server tests need Debian's PostgreSQL: sudo apt-get install -y postgresql"
    exit 1
  fi
}

# CommitteeReportLibreOfficeIT lays the committee report's DOCX out with Debian's LibreOffice, as a council officer's would.
need_libreoffice() {
  if [ -x /usr/bin/soffice ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Installing Debian's libreoffice-writer-nogui for the DOCX layout test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  else
    say "The DOCX layout test needs Debian's LibreOffice: sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui"
    exit 1
  fi
}

# Committee reports embed Liberation Sans (Arial's metrics) in tagged PDFs; DejaVu or Helvetica is the fallback.
want_fonts() {
  if [ ! -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Installing fonts-liberation for the PDF committee reports"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null) || say "fonts-liberation not installed; PDFs use a fallback font"
  fi
}

# Builds the jar when it is missing or older than any source file.
build_if_needed() {
  need_maven
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/pom.xml" "$ROOT/data" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    say "Building Oversight (first time takes a few minutes while Maven downloads dependencies)"
    (cd "$ROOT" && mvn -q -B -DskipTests package)
  fi
}
