# otelring's container image: docker build -t otelring .
# Stage 1 builds the collector's runnable jar with Maven (Java 17, as the project targets); stage 2
# runs it on a JRE 21 as user 10001, never root.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotless.apply.skip=true package -pl collector -am

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 otelring \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin otelring
COPY --from=build /src/collector/target/otelring.jar /opt/otelring/otelring.jar
# /otelring, its other names (/otelcol, /otelcol-contrib, /otelcol-k8s) and the health check.
COPY image/ /
COPY configs/ /etc/otelring/configs/
RUN chmod 0755 /otelring /usr/local/bin/otelring-healthcheck
# With no --config, the collector runs this: OTLP in, debug out, health_check on 13133.
ENV OTELRING_DEFAULT_CONFIG=/etc/otelring/configs/local.yaml \
    OTELRING_MAX_RAM_PERCENTAGE=50
USER 10001:10001
# OTLP/gRPC, OTLP/HTTP, Prometheus self-metrics, health_check.
EXPOSE 4317 4318 8888 13133
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/otelring-healthcheck"]
ENTRYPOINT ["/otelring"]
