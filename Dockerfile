# syntax=docker/dockerfile:1
# symbiosis-kb service image. Normally built by `docker compose up --build` (see docs/docker.md).

# ---- Build stage: JDK 25 + Maven Wrapper ------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace

# .dockerignore admits only mvnw, .mvn/, pom.xml, src/, cypher/ and graphql/, so `COPY . .` copies
# exactly those. Single COPY lines would fail on a folder that is not there yet, such as graphql/.
COPY . .

# The wrapper downloads Maven from Maven Central. The image has no wget or curl, so mvnw uses
# its Java downloader instead. The cache mount keeps ~/.m2 (Maven and the dependencies) between
# builds. It needs BuildKit, which Docker Engine 23+ and Compose v2 use by default.
# The sed/chmod steps repair mvnw when it was checked out on Windows (CRLF, no exec bit).
RUN --mount=type=cache,target=/root/.m2 \
    sed -i 's/\r$//' mvnw && chmod +x mvnw \
    && ./mvnw -B -DskipTests package

# Choose the Spring Boot jar (target/symbiosis-kb-<version>.jar). Skip a *-plugin.jar (the Neo4j
# procedures plugin, when there is one), sources/javadoc jars and the *.jar.original.
RUN set -eu; \
    jars="$(find target -maxdepth 1 -name 'symbiosis-kb-*.jar' \
              ! -name '*-plugin.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar')"; \
    if [ -z "$jars" ] || [ "$(printf '%s\n' "$jars" | wc -l)" -ne 1 ]; then \
      echo "expected exactly one application jar in target/, found: ${jars:-none}" >&2; exit 1; \
    fi; \
    cp "$jars" /workspace/symbiosis-kb.jar

# ---- Runtime stage: JRE 25, non-root -----------------------------------------------------------
FROM eclipse-temurin:25-jre

# curl is for the health check in docker-compose.yml. The Temurin images ship neither curl nor wget.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 kb \
    && useradd --system --uid 10001 --gid kb --home-dir /app --no-create-home --shell /usr/sbin/nologin kb

WORKDIR /app
COPY --from=build /workspace/symbiosis-kb.jar /app/symbiosis-kb.jar
# Used only in embedded mode (no NEO4J_URI): the embedded database stores its data in ./data,
# which is /app/data here. Mount a volume there to keep the data.
RUN mkdir -p /app/data && chown kb:kb /app/data

USER 10001:10001
# 8080: the service; 8443: its PACT host (TLS only), started when keys are configured
EXPOSE 8080 8443

# These JVM flags are what embedded Neo4j needs. They do no harm when the service uses a Neo4j
# server. In docker-compose.yml, NEO4J_URI is set, so no embedded database starts.
# Set the heap and other JVM options through JAVA_TOOL_OPTIONS (compose sets -Xmx1g).
ENTRYPOINT ["java", \
  "--add-opens=java.base/java.nio=ALL-UNNAMED", \
  "--add-opens=java.base/java.io=ALL-UNNAMED", \
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", \
  "--enable-native-access=ALL-UNNAMED", \
  "--sun-misc-unsafe-memory-access=allow", \
  "-jar", "/app/symbiosis-kb.jar"]
