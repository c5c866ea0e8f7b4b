#!/usr/bin/env python3
"""Splits the CPU samples of a JFR recording by layer of the request path (not a test).

usage: jfr_split.py RECORDING.jfr|PROFILE.collapsed [REQUESTS]   (REQUESTS: requests served while recording, to
give µs of CPU per request; only for .collapsed, whose samples are CPU time at 1 ms each)

Reads `jfr print --stack-depth 256 --events jdk.ExecutionSample` (JAVA_HOME's jfr) or async-profiler's collapsed
stacks (`threads`, so the first frame names the thread; JVM threads such as GC and JIT included). Two views:
- self: each sample goes to the layer of the first frame, from the leaf down, that belongs to a known layer (a JDK
  helper such as HashMap.get counts for the layer that called it);
- inclusive: the share of samples whose stack holds a given frame (a filter, the controller, the query).
Samples of threads that are not request threads (the log writer, the pool's housekeeper) are listed apart.
"""
import collections
import os
import re
import subprocess
import sys

# (layer, frame prefix), first match from the leaf wins; order matters where prefixes nest.
LAYERS = [
    ("pgjdbc (protocol, socket)", "org.postgresql."),
    ("Hikari pool", "com.zaxxer.hikari."),
    ("jOOQ", "org.jooq."),
    ("Spring transactions/JDBC", "org.springframework.jdbc."),
    ("Spring transactions/JDBC", "org.springframework.transaction."),
    ("Spring transactions/JDBC", "org.springframework.boot.jdbc."),
    ("JSON (Jackson)", "com.fasterxml.jackson."),
    ("JSON (Jackson)", "tools.jackson."),
    ("JSON (Jackson)", "org.springframework.http.converter."),
    ("request log", "dev.basalt.logs."),
    ("metrics/observation", "io.micrometer."),
    ("metrics/observation", "org.springframework.boot.micrometer."),
    ("metrics/observation", "org.springframework.http.server.observation."),
    ("metrics/observation", "org.springframework.web.filter.ServerHttpObservationFilter"),
    ("auth (JWT, API keys)", "dev.basalt.auth."),
    ("auth (JWT, API keys)", "com.nimbusds."),
    ("auth (JWT, API keys)", "io.jsonwebtoken."),
    ("rules/query compile", "dev.basalt.access."),
    ("rules/query compile", "dev.basalt.query."),
    ("hooks seams", "dev.basalt.hooks."),
    ("records (Basalt)", "dev.basalt.records."),
    ("collections (Basalt)", "dev.basalt.collections."),
    ("other Basalt", "dev.basalt."),
    ("Spring Security chain", "org.springframework.security."),
    ("Spring MVC dispatch", "org.springframework.web.servlet."),
    ("Spring MVC dispatch", "org.springframework.web.method."),
    ("Spring MVC dispatch", "org.springframework.web.bind."),
    ("Spring MVC dispatch", "org.springframework.web.context."),
    ("Spring MVC dispatch", "org.springframework.web.util."),
    ("Spring MVC dispatch", "org.springframework.web.accept."),
    ("Spring MVC dispatch", "org.springframework.http."),
    ("Spring MVC dispatch", "org.springframework.core."),
    ("Spring MVC dispatch", "org.springframework.util."),
    ("Spring filters (CORS, request path)", "org.springframework.web.filter."),
    ("Spring filters (CORS, request path)", "org.springframework.web.cors."),
    ("Tomcat", "org.apache.catalina."),
    ("Tomcat", "org.apache.coyote."),
    ("Tomcat", "org.apache.tomcat."),
    ("virtual-thread scheduling", "jdk.internal.misc.Unsafe.park"),
    ("virtual-thread scheduling", "jdk.internal.misc.Unsafe.unpark"),
    ("virtual-thread scheduling", "java.lang.VirtualThread"),
    ("virtual-thread scheduling", "jdk.internal.vm.Continuation"),
    ("virtual-thread scheduling", "java.util.concurrent.ForkJoin"),
    ("virtual-thread scheduling", "Continuation::"),
    ("virtual-thread scheduling", "ThawBase"),
    ("virtual-thread scheduling", "FreezeBase"),
    ("virtual-thread scheduling", "cont_"),
]
INCLUSIVE = [
    "org.apache.coyote.http11.Http11Processor.service",
    "org.apache.catalina.connector.CoyoteAdapter.service",
    "dev.basalt.logs.internal.RequestLogFilter.doFilterInternal",
    "org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal",
    "org.springframework.security.web.FilterChainProxy.doFilter",
    "dev.basalt.auth.AuthFilter.doFilterInternal",
    "org.springframework.web.servlet.DispatcherServlet.doDispatch",
    "org.springframework.web.servlet.DispatcherServlet.getHandler",
    "org.springframework.web.servlet.HandlerExecutionChain.applyPreHandle",
    "org.springframework.web.method.support.InvocableHandlerMethod.getMethodArgumentValues",
    "dev.basalt.records.RecordController.view",
    "dev.basalt.records.RecordController.list",
    "dev.basalt.records.RecordService.view",
    "dev.basalt.records.RecordService.list",
    "dev.basalt.access.AccessRules",
    "dev.basalt.records.RequestInfos.of",
    "dev.basalt.records.RecordStore.findWhere",
    "dev.basalt.records.RecordByIdQuery.fetch",
    "dev.basalt.query.PlanRenderer.select",
    "com.zaxxer.hikari.HikariDataSource.getConnection",
    "org.postgresql.jdbc.PgPreparedStatement.executeQuery",
    "dev.basalt.records.RecordJson.render",
    "dev.basalt.records.FieldsResponseAdvice",
    "org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor.handleReturnValue",
    "org.springframework.security.web.header.HeaderWriterFilter",
    "org.springframework.web.filter.CorsFilter.doFilterInternal",
]


def samples(path):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    text = subprocess.run([jfr, "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s{4}([\w.$<>/]+)\(", block, re.M)
        yield (thread.group(1) if thread else "?"), frames


def collapsed(path):
    for line in open(path):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        frames = [f.replace("/", ".") for f in stack.split(";")]
        thread = frames[0].strip("[]") if frames and frames[0].startswith("[") else "?"
        frames = [f for f in frames[1:] if f]
        frames.reverse()  # leaf first, as jfr prints them
        for _ in range(int(count)):
            yield thread, frames


def thread_group(thread, frames):
    name = re.sub(r" tid=\d+", "", thread)
    # a virtual thread's frames below its last yield are often missing from a sample (lazily thawed), so every
    # sample of a carrier thread counts as request work; parking and waking carriers is its scheduling layer
    if any(f.startswith("org.apache.coyote.") or f.startswith("org.apache.tomcat.util.net.") for f in frames) \
            or "ForkJoinPool-" in name or "tomcat-handler" in name or "http-nio" in name:
        return "request threads (Tomcat, virtual threads and their carriers)"
    for key, group in (("GC", "GC"), ("G1", "GC"), ("C2 Compiler", "JIT"), ("C1 Compiler", "JIT"),
                       ("Poller", "I/O pollers"), ("basalt-log-writer", "request log writer"),
                       ("ForkJoinPool", "carrier threads outside a request (scheduling, parking)")):
        if key in name:
            return group
    return "other: " + re.sub(r"\d+", "N", name)


def main():
    path = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    self_counts, incl, other = collections.Counter(), collections.Counter(), collections.Counter()
    request_samples = 0
    kernel = 0
    for thread, frames in (collapsed(path) if path.endswith(".collapsed") else samples(path)):
        group = thread_group(thread, frames)
        if not group.startswith("request threads"):
            other[group] += 1
            continue
        if frames and frames[0].endswith("_[k]"):
            kernel += 1
        request_samples += 1
        layer = next((name for f in frames for name, prefix in LAYERS if f.startswith(prefix)),
                     "JDK/JVM only (frames below were not walked)")
        self_counts[layer] += 1
        seen = set()
        for f in frames:
            for key in INCLUSIVE:
                if f.startswith(key) and key not in seen:
                    seen.add(key)
                    incl[key] += 1
    total = request_samples + sum(other.values())
    print(f"{path}: {total} samples, {request_samples} on request threads ({kernel} of them in the kernel)")
    if requests:
        print(f"  µs per request (1 sample = 1 ms of CPU): all threads {1000 * total / requests:.0f}, "
              f"request threads {1000 * request_samples / requests:.0f}")
    print("\nself, by layer (share of request-thread samples):")
    for name, n in self_counts.most_common():
        print(f"  {100 * n / request_samples:5.1f}%  {name}")
    print("\ninclusive (share of request-thread samples whose stack holds the frame):")
    for key in INCLUSIVE:
        if incl[key]:
            print(f"  {100 * incl[key] / request_samples:5.1f}%  {key}")
    print("\nother threads (samples, share of all samples):")
    for name, n in other.most_common(12):
        print(f"  {n:6d}  {100 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
