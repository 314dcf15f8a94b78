#!/usr/bin/env bash
# Fetches mongo-java-server (Apache-2.0, in-memory MongoDB wire-protocol server) from Maven Central
# and compiles its launcher, scripts/MongoJavaServer.java, into <project>/.cache/mongo-java-server/<version>/
# (git-ignored). The second MongoDB-wire test server next to FerretDB; see docs/mongodb.md.
# Safe to run repeatedly: it does nothing if the launcher is already compiled.
set -euo pipefail

MONGO_JAVA_SERVER_VERSION="1.47.0"

project_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="${project_dir}/.cache/mongo-java-server/${MONGO_JAVA_SERVER_VERSION}"

if [[ -f "${out_dir}/classes/MongoJavaServer.class" ]]; then
  echo "mongo-java-server ${MONGO_JAVA_SERVER_VERSION}: cached at ${out_dir} (build skipped)"
  exit 0
fi
for tool in mvn javac; do
  if ! command -v "${tool}" >/dev/null 2>&1; then
    echo "build-mongo-java-server: '${tool}' not found on PATH; install Maven and a JDK >= 17" >&2
    exit 1
  fi
done

start=${SECONDS}
pom_dir="$(mktemp -d "${TMPDIR:-/tmp}/mongo-java-server-pom.XXXXXX")"
trap 'rm -rf "${pom_dir}"' EXIT
# Maven resolves the server's dependencies (netty, slf4j) with their checksums; the local
# repository stays at its default (~/.m2) so that fresh clones on the same machine reuse it.
cat >"${pom_dir}/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId>
  <artifactId>mongo-java-server-launcher</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>de.bwaldvogel</groupId>
      <artifactId>mongo-java-server</artifactId>
      <version>${MONGO_JAVA_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
POM
rm -rf "${out_dir}"
mvn -q -B -f "${pom_dir}/pom.xml" dependency:copy-dependencies -DoutputDirectory="${out_dir}/lib"
javac -d "${out_dir}/classes" -cp "${out_dir}/lib/*" "${project_dir}/scripts/MongoJavaServer.java"
echo "mongo-java-server ${MONGO_JAVA_SERVER_VERSION}: built ${out_dir} in $((SECONDS - start))s"
