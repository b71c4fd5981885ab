package io.twinworks.persistence.cassandra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files under {@code <dir>/conf}: a single-node {@code cassandra.yaml}, on loopback
 * but for CQL where asked, with a small footprint
 * (Cassandra 5.0 option names, with units) and a {@code logback.xml} writing {@code <dir>/logs/system.log}.
 */
final class CassandraConfigFiles {

  private CassandraConfigFiles() {}

  /** Writes both files (again on every start: the ports change) and creates the folders they name. */
  static void write(RunLayout layout, NodePorts ports, String clientAddress) throws IOException {
    for (Path dir : new Path[] {layout.conf(), layout.logs(), layout.triggers(), layout.data().resolve("data"),
        layout.data().resolve("commitlog"), layout.data().resolve("saved_caches"), layout.data().resolve("hints"),
        layout.data().resolve("cdc_raw")}) {
      Files.createDirectories(dir);
    }
    Files.writeString(layout.yaml(), yaml(layout, ports, clientAddress));
    Files.writeString(layout.logback(), logback(layout));
  }

  static String yaml(RunLayout layout, NodePorts ports, String clientAddress) {
    Path data = layout.data();
    return """
        # Written by the Twinworks Cassandra launcher on every start; edits are overwritten.
        # A dev/test node: one token, loopback only (CQL: rpc_address), small memtables and caches.
        cluster_name: 'Twinworks dev'
        num_tokens: 1
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "127.0.0.1:%d"
        listen_address: 127.0.0.1
        rpc_address: %s
        broadcast_rpc_address: 127.0.0.1
        storage_port: %d
        ssl_storage_port: %d
        start_native_transport: true
        native_transport_port: %d
        data_file_directories:
          - %s
        commitlog_directory: %s
        saved_caches_directory: %s
        hints_directory: %s
        cdc_raw_directory: %s
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        commitlog_segment_size: 8MiB
        commitlog_total_space: 256MiB
        memtable_heap_space: 128MiB
        memtable_offheap_space: 128MiB
        key_cache_size: 16MiB
        file_cache_size: 64MiB
        networking_cache_size: 32MiB
        concurrent_compactors: 1
        auto_snapshot: false
        # Cassandra's 2 s: a node just started, its code not yet compiled, on two cores it shares with the runtimes,
        # dropped writes that had queued that long (2,500 twins registered at once right after the schema).
        write_request_timeout: 5000ms
        """.formatted(ports.storage(), clientAddress, ports.storage(), ports.sslStorage(), ports.cql(),
        quoted(data.resolve("data")), quoted(data.resolve("commitlog")), quoted(data.resolve("saved_caches")),
        quoted(data.resolve("hints")), quoted(data.resolve("cdc_raw")));
  }

  static String logback(RunLayout layout) {
    Path log = layout.logs().resolve("system.log");
    return """
        <!-- Written by the Twinworks Cassandra launcher: the detached node logs to a file only. -->
        <configuration scan="false">
          <appender name="SYSTEMLOG" class="ch.qos.logback.core.rolling.RollingFileAppender">
            <file>%s</file>
            <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
              <fileNamePattern>%s.%%i.zip</fileNamePattern>
              <minIndex>1</minIndex>
              <maxIndex>3</maxIndex>
            </rollingPolicy>
            <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
              <maxFileSize>20MB</maxFileSize>
            </triggeringPolicy>
            <encoder>
              <pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern>
            </encoder>
          </appender>
          <logger name="org.apache.cassandra" level="INFO"/>
          <root level="INFO">
            <appender-ref ref="SYSTEMLOG"/>
          </root>
        </configuration>
        """.formatted(xml(log.toString()), xml(log.toString()));
  }

  private static String quoted(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
