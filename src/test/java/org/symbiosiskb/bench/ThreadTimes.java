package org.symbiosiskb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the kernel counted for each thread of a process (Linux {@code /proc/PID/task/TID/schedstat}): nanoseconds on
 * a CPU, nanoseconds runnable but waiting for one, and how often it was switched in. Unlike a Java profiler's samples
 * this counts every thread and every state (Java, native, the VM's own, GC), and it sees time a thread waits for a
 * CPU, which a sampler cannot. Threads are grouped by name without their number ({@code neo4j.BoltWorker-3} and
 * {@code -5} together). Where there is no {@code /proc} (not Linux) a snapshot is empty and so is every difference.
 */
record ThreadTimes(Map<String, Times> byGroup) {

    /** One group's counters, summed over its threads. */
    record Times(long cpuNanos, long waitNanos, long switches) {
        Times plus(Times other) {
            return new Times(cpuNanos + other.cpuNanos, waitNanos + other.waitNanos, switches + other.switches);
        }

        Times minus(Times other) {
            return new Times(cpuNanos - other.cpuNanos, waitNanos - other.waitNanos, switches - other.switches);
        }
    }

    static final Times NONE = new Times(0, 0, 0);

    /** Every thread of the process now; a thread that ends between listing and reading is left out. */
    static ThreadTimes of(long pid) {
        var groups = new HashMap<String, Times>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                    var times = new Times(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
                    groups.merge(group(Files.readString(task.resolve("comm")).trim()), times, Times::plus);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended, or the kernel keeps no schedstat: nothing to count for it
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return new ThreadTimes(Map.of());
        }
        return new ThreadTimes(Map.copyOf(groups));
    }

    /** A thread's name without its trailing numbers and separators (the kernel keeps the name's first 15 characters). */
    static String group(String name) {
        return name.replaceAll("[-_#.\\d\\s]+$", "");
    }

    /** What each group did since {@code before}; a group that started since counts from zero. */
    ThreadTimes since(ThreadTimes before) {
        var delta = new HashMap<String, Times>();
        byGroup.forEach((group, now) -> delta.put(group, now.minus(before.byGroup.getOrDefault(group, NONE))));
        return new ThreadTimes(Map.copyOf(delta));
    }

    /** No threads: what sums start from. */
    static final ThreadTimes NOTHING = new ThreadTimes(Map.of());

    /** Both counts, group by group: a row measured in several blocks sums its blocks' differences. */
    ThreadTimes plus(ThreadTimes other) {
        var sum = new HashMap<>(byGroup);
        other.byGroup.forEach((group, times) -> sum.merge(group, times, Times::plus));
        return new ThreadTimes(Map.copyOf(sum));
    }

    /** The groups whose names start with one of the prefixes, summed. */
    Times of(List<String> prefixes) {
        return byGroup.entrySet().stream().filter(e -> prefixes.stream().anyMatch(e.getKey()::startsWith))
                .map(Map.Entry::getValue).reduce(NONE, Times::plus);
    }

    Times total() {
        return byGroup.values().stream().reduce(NONE, Times::plus);
    }

    boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** The busiest groups, most CPU first, as "name cpu/wait µs per call". */
    String busiest(int n, int calls) {
        return byGroup.entrySet().stream().filter(e -> e.getValue().cpuNanos() > 0)
                .sorted(Map.Entry.<String, Times>comparingByValue(Comparator.comparingLong(Times::cpuNanos)).reversed())
                .limit(n).map(e -> e.getKey() + " " + perCall(e.getValue(), calls)).reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** "cpu/wait µs, switches" per call. */
    static String perCall(Times t, int calls) {
        return "%.0f/%.0f µs, %.1f switches".formatted(t.cpuNanos() / 1e3 / calls, t.waitNanos() / 1e3 / calls, (double) t.switches() / calls);
    }
}
