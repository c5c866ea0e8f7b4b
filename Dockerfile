# Basalt's container image for those who build with Docker (the daemon-free way is Jib: mvn -Pimage jib:buildTar).
# Both give the same container: non-root (nobody, 65534), serving 0.0.0.0:8090, data in the /basalt_data volume,
# BASALT_* settings from the environment (see README), heap sized from the container's memory limit.
#   docker build -t basalt .
#   docker run -p 8090:8090 -v basalt_data:/basalt_data basalt

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:21-jre
COPY --from=build /src/target/basalt-exec.jar /app/basalt.jar
COPY src/main/jib/usr/local/bin/basalt-healthcheck /usr/local/bin/basalt-healthcheck
# The embedded PostgreSQL refuses root, and so does this image: the data directory belongs to nobody.
RUN chmod 755 /usr/local/bin/basalt-healthcheck \
    && mkdir -p /basalt_data && chown 65534:65534 /basalt_data && chmod 700 /basalt_data
USER 65534:65534
ENV HOME=/basalt_data
WORKDIR /basalt_data
VOLUME /basalt_data
EXPOSE 8090
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/usr/local/bin/basalt-healthcheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=25", "-XX:+UseG1GC", \
            "-XX:G1PeriodicGCInterval=60000", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/basalt.jar"]
CMD ["serve", "--http=0.0.0.0:8090", "--dir=/basalt_data"]
