# syntax=docker/dockerfile:1
# One image recipe for every service, built from a fresh clone (no jar built beforehand):
#   docker build --build-arg MODULE=feedback-service -t lead360/feedback-service .
# docker-compose.yml builds each service this way. DockerComposeTest reads this file: keep the build
# argument, the non-root user and the order of the layers.
ARG MODULE

# --- build: the module and what it depends on, from source; Maven's downloads stay in a BuildKit cache,
# so a second build fetches nothing
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "set the build argument MODULE (feedback-service, analytics-service or gateway-service)"; exit 1; }
WORKDIR /src
COPY . .
# sharing=locked: compose builds the three images at once, and one Maven repository takes one writer
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q -pl "$MODULE" -am package -DskipTests \
    && cp "$MODULE"/target/"$MODULE"-*-exec.jar /application.jar
# Spring Boot's layers: what changes least first, so a code change rebuilds and ships only the last layer
RUN java -Djarmode=tools -jar /application.jar extract --layers --launcher --destination /extracted

# --- runtime: a JRE, the layers, and an account that owns nothing but its data directory
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home --home-dir /data lead360 \
    && mkdir -p /data/keys && chown -R lead360 /data && chmod -R 700 /data
WORKDIR /application
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER lead360
# keys the services create when missing go to /data/keys (compose mounts a volume per service there)
ENV LEAD360_HOME=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
