# shellcheck shell=bash
# Shared by the launchers `batou` and `batou-workbench` (sourced, not run, after setting launcher_name): their
# arguments and the Java to run.
#
#   launcher_arguments "$@"   splits the arguments: -vm JAVA (sets launcher_java), -vmargs OPTIONS... (the rest
#                             are JVM options: launcher_vmargs), everything else (launcher_args)
#   launcher_resolve_java     sets launcher_resolved to the java executable: -vm, else $BATOU_JAVA, else
#                             $JAVA_HOME, else the PATH; exits with a clear message when there is none or it is
#                             older than Java 17 (read from the JDK's release file, kept in launcher_release:
#                             no extra JVM start)

launcher_java=${BATOU_JAVA:-}
launcher_resolved=""
launcher_release=""
launcher_args=()
launcher_vmargs=()

launcher_arguments() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -vm)
        [ $# -ge 2 ] || { echo "$launcher_name: -vm needs the path of a java executable" >&2; exit 2; }
        launcher_java=$2; shift 2 ;;
      -vmargs)
        shift; launcher_vmargs+=("$@"); break ;;
      *)
        launcher_args+=("$1"); shift ;;
    esac
  done
}

launcher_resolve_java() {
  local java=$launcher_java release version
  if [ -z "$java" ]; then
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
  fi
  if [ -d "$java" ]; then java=$java/bin/java; fi
  launcher_resolved=$(command -v "$java" 2>/dev/null) ||
    { echo "$launcher_name: no Java found ('$java'): install Java 17 or newer, or set JAVA_HOME" >&2; exit 1; }
  release="$(dirname "$(dirname "$(readlink -f "$launcher_resolved")")")/release"
  if [ -r "$release" ]; then
    launcher_release=$(<"$release")
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    if [ -n "$version" ] && [ "$version" -lt 17 ] 2>/dev/null; then
      echo "$launcher_name: $launcher_resolved is Java $version; batou needs Java 17 or newer (set JAVA_HOME or use -vm)" >&2
      exit 1
    fi
  fi
}
