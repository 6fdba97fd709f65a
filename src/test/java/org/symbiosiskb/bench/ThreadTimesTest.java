package org.symbiosiskb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ThreadTimesTest {

    private static volatile long sink;

    @Test
    void threads_are_grouped_by_name_without_their_number() {
        assertThat(ThreadTimes.group("neo4j.BoltWorke")).isEqualTo("neo4j.BoltWorke");
        assertThat(ThreadTimes.group("Thread-12")).isEqualTo("Thread");
        assertThat(ThreadTimes.group("GC Thread#0")).isEqualTo("GC Thread");
        assertThat(ThreadTimes.group("ForkJoinPool-2-")).isEqualTo("ForkJoinPool");
        assertThat(ThreadTimes.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    }

    @Test
    void a_difference_counts_each_group_since_the_snapshot_and_a_new_group_from_zero() {
        var before = new ThreadTimes(Map.of("neo4j.BoltWorke", new ThreadTimes.Times(10, 5, 1)));
        var after = new ThreadTimes(Map.of("neo4j.BoltWorke", new ThreadTimes.Times(25, 9, 4), "neo4j.BoltNetwo", new ThreadTimes.Times(3, 1, 1),
                "java", new ThreadTimes.Times(7, 0, 2)));

        var delta = after.since(before);

        assertThat(delta.byGroup().get("neo4j.BoltWorke")).isEqualTo(new ThreadTimes.Times(15, 4, 3)); // 25-10, 9-5, 4-1
        assertThat(delta.byGroup().get("neo4j.BoltNetwo")).isEqualTo(new ThreadTimes.Times(3, 1, 1));
        assertThat(delta.of(List.of("neo4j.Bolt"))).isEqualTo(new ThreadTimes.Times(18, 5, 4)); // 15+3, 4+1, 3+1
        assertThat(delta.total()).isEqualTo(new ThreadTimes.Times(25, 5, 6)); // 18+7, 5+0, 4+2
    }

    @Test
    void blocks_of_one_row_sum_group_by_group_and_a_group_in_one_block_only_counts_once() {
        var first = new ThreadTimes(Map.of("neo4j.BoltWorke", new ThreadTimes.Times(15, 4, 3), "java", new ThreadTimes.Times(7, 0, 2)));
        var second = new ThreadTimes(Map.of("neo4j.BoltWorke", new ThreadTimes.Times(5, 6, 1), "G1 Conc", new ThreadTimes.Times(40, 2, 1)));

        var sum = ThreadTimes.NOTHING.plus(first).plus(second);

        assertThat(sum.byGroup()).containsOnlyKeys("neo4j.BoltWorke", "java", "G1 Conc");
        assertThat(sum.byGroup().get("neo4j.BoltWorke")).isEqualTo(new ThreadTimes.Times(20, 10, 4)); // 15+5, 4+6, 3+1
        assertThat(sum.byGroup().get("java")).isEqualTo(new ThreadTimes.Times(7, 0, 2));
        assertThat(sum.total()).isEqualTo(new ThreadTimes.Times(67, 12, 7)); // 20+7+40, 10+0+2, 4+2+1
        assertThat(ThreadTimes.NOTHING.plus(ThreadTimes.NOTHING).isEmpty()).isTrue(); // no /proc: still nothing to report
    }

    @Test
    void per_call_figures_are_microseconds_and_switches_divided_by_the_calls() {
        // 3 ms on a CPU, 1.5 ms waiting, 30 switches over 10 calls: 300 µs, 150 µs, 3 switches a call
        assertThat(ThreadTimes.perCall(new ThreadTimes.Times(3_000_000, 1_500_000, 30), 10)).isEqualTo("300/150 µs, 3.0 switches");
        var times = new ThreadTimes(Map.of("a", new ThreadTimes.Times(2_000_000, 0, 10), "b", new ThreadTimes.Times(4_000_000, 0, 10),
                "idle", new ThreadTimes.Times(0, 0, 0)));
        assertThat(times.busiest(5, 2)).isEqualTo("b 2000/0 µs, 5.0 switches, a 1000/0 µs, 5.0 switches");
    }

    @Test
    void a_snapshot_of_this_process_sees_a_thread_that_worked_under_its_name() throws InterruptedException {
        var worked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var worker = new Thread(() -> {
            long x = 0;
            for (int i = 0; i < 50_000_000; i++) {
                x += i ^ (x >>> 3);
            }
            sink = x; // keeps the loop from being folded away
            worked.countDown();
            awaitQuietly(release);
        }, "kb-times-7");
        worker.start();
        worked.await();

        var now = ThreadTimes.of(ProcessHandle.current().pid());
        release.countDown();
        worker.join();

        assertThat(now.byGroup()).containsKey("kb-times");
        assertThat(now.byGroup().get("kb-times").cpuNanos()).isPositive();
        assertThat(now.byGroup().get("kb-times").switches()).isPositive();
    }

    @Test
    void a_process_that_is_not_there_gives_an_empty_snapshot() {
        assertThat(ThreadTimes.of(Long.MAX_VALUE).isEmpty()).isTrue();
        assertThat(ThreadTimes.of(Long.MAX_VALUE).since(ThreadTimes.of(Long.MAX_VALUE)).total()).isEqualTo(ThreadTimes.NONE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
