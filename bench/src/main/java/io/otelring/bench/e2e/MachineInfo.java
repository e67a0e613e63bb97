package io.otelring.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine and JVM a benchmark ran on, for the report; {@code ownCpus} is the CPU list this
 * process (the load generator) may run on.
 */
public record MachineInfo(
    String cpu, int cpus, long memoryMib, String kernel, String jvm, String ownCpus) {

  public static MachineInfo read() {
    String cpu = "unknown";
    int cpus = Runtime.getRuntime().availableProcessors();
    long memory = 0;
    String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
    String ownCpus = "all";
    try {
      List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
      cpu =
          cpuinfo.stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
      cpus = (int) cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
      memory = ProcStats.statusKib(Files.readString(Path.of("/proc/meminfo")), "MemTotal") / 1024;
      ownCpus =
          Files.readAllLines(Path.of("/proc/self/status")).stream()
              .filter(line -> line.startsWith("Cpus_allowed_list:"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(ownCpus);
    } catch (IOException | RuntimeException e) {
      // Not Linux, or an unusual /proc: the report says "unknown".
    }
    String jvm =
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")";
    return new MachineInfo(cpu, cpus, memory, kernel, jvm, ownCpus);
  }
}
