package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run against servers that misbehave on purpose (loopback): endless and huge bodies, a gzip
 * bomb, a header flood, a body dripped slower than any deadline, garbage instead of a response,
 * redirect loops and redirects to odd schemes, and DNS answers that are garbage or oversized. The run
 * must end normally with one well-formed line per endpoint and call nothing blocked: none of this is
 * censorship. Peak heap during the run is printed for the record (the suite runs under -Xmx1g in
 * bench/hostile-bench.sh).
 */
@Timeout(180)
class HostileServersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] ASCII_LINE = "X-Flood: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  @Test
  void misbehavingServers_endTheRunNormally_oneLineEach_nothingBlocked() throws Exception {
    byte[] bomb = gzipOfZeros(64 << 20);
    Map<String, LoopbackServer.Handler> servers = new LinkedHashMap<>();
    servers.put("endless-body", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      while (true) {
        out.write(chunk);
      }
    });
    servers.put("huge-declared-body", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 9000000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      while (true) {
        out.write(chunk);
      }
    });
    servers.put("gzip-bomb", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + bomb.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(bomb);
      out.flush();
    });
    servers.put("header-flood", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
      out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 40_000; i++) {
        out.write(ASCII_LINE);
      }
      out.flush();
    });
    servers.put("slow-drip", Handlers.paced(50, 1_000_000));
    servers.put("garbage-reply", Handlers.answer("\u0000\u0001garbage, not HTTP at all\r\n\r\n"));
    servers.put("redirect-loop", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
    });
    servers.put("odd-scheme", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 302 Found\r\nLocation: javascript:alert(1)\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
    });
    servers.put("ftp-redirect", socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 301 Moved\r\nLocation: ftp://127.0.0.1/file\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
    });

    List<LoopbackServer> started = new ArrayList<>();
    String[] manyAddresses = new String[400];
    for (int i = 0; i < manyAddresses.length; i++) {
      manyAddresses[i] = "31.13." + (i / 250) + "." + (i % 250 + 1);
    }
    try (FakeDnsServer dns = FakeDnsServer.start()) {
      dns.zone().on("garbage.example", FakeDnsBehaviour.garbage())
          .on("huge.example", FakeDnsBehaviour.answer(manyAddresses));
      StringBuilder list = new StringBuilder("url,service\n");
      for (Map.Entry<String, LoopbackServer.Handler> s : servers.entrySet()) {
        LoopbackServer server = LoopbackServer.start(s.getValue());
        started.add(server);
        list.append("http://127.0.0.1:").append(server.port()).append("/").append(s.getKey()).append(",hostile\n");
      }
      list.append("dns://garbage.example,hostile\n").append("dns://huge.example,hostile\n");
      Path listFile = Files.writeString(dir.resolve("hostile.csv"), list.toString());
      Path report = dir.resolve("hostile.jsonl");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      resetPeaks();

      int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", listFile.toString(),
          "--controls", "none", "--no-doh", "--resolver-echo", "none", "--resolver",
          "127.0.0.1:" + dns.address().getPort(), "--timeout", "1", "--parallel", "8", "--no-progress",
          "-o", report.toString());

      long peakHeap = peakHeap();
      assertThat(status).as(err.toString()).isZero();
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(report)) {
        lines.add(JSON.readTree(line));
      }
      assertThat(lines).hasSize(servers.size() + 2);
      assertThat(lines).extracting(n -> n.get("input").asText()).doesNotHaveDuplicates();
      Map<String, String> verdicts = new LinkedHashMap<>();
      for (JsonNode n : lines) {
        verdicts.put(n.get("input").asText().replaceFirst("^http://127\\.0\\.0\\.1:\\d+/", ""),
            n.at("/test_keys/verdict/status").asText() + " " + n.at("/test_keys/verdict/method").asText());
      }
      assertThat(verdicts.values()).as(verdicts.toString()).noneMatch(v -> v.startsWith("blocked"))
          .allMatch(v -> !v.isBlank());
      System.out.printf("hostile servers: %d endpoints, verdicts %s, peak heap %d MiB%n", lines.size(), verdicts,
          peakHeap >> 20);
    } finally {
      started.forEach(LoopbackServer::close);
    }
  }

  private static byte[] gzipOfZeros(int size) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1 << 20];
      for (int written = 0; written < size; written += zeros.length) {
        gz.write(zeros);
      }
    }
    return compressed.toByteArray();
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
