package io.lead360.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * A JVM load driver: N platform threads, each with the keep-alive connections of its Api, calling in a
 * closed loop (or paced to a total rate) and recording each call's latency. A call returns false when it
 * failed; failures are counted and kept out of the percentiles.
 */
final class Load {

    record Result(int calls, int failures, double seconds, double p50Ms, double p99Ms) {
        double rate() {
            return calls / seconds;
        }
    }

    /** Runs {@code call(i)} for i in [0, max) or until {@code seconds} pass; {@code perSecond} 0 = as fast as possible. */
    static Result run(int threads, double seconds, int max, double perSecond, IntPredicate call) {
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[Math.max(16, Math.min(max, 2_000_000))];
            perThread.add(lat);
            int slot = t;
            workers[t] = new Thread(() -> {
                int n = 0;
                long[] mine = perThread.get(slot);
                while (true) {
                    long i = next.getAndIncrement();
                    if (i >= max) break;
                    long due = perSecond > 0 ? start + (long) (i * 1e9 / perSecond) : 0;
                    long now = System.nanoTime();
                    if (now > end) break;
                    if (due > now) Bench.sleep((due - now) / 1_000_000);
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.test((int) i);
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - t0;
                    if (ok && n < mine.length - 1) mine[n++] = took;
                    else if (!ok) failures.incrementAndGet();
                }
                mine[mine.length - 1] = n; // the count, in the last slot
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (long[] l : perThread) total += (int) l[l.length - 1];
        long[] all = new long[total];
        int k = 0;
        for (long[] l : perThread) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        return new Result(total, (int) failures.get(), took, pct(all, 0.50), pct(all, 0.99));
    }

    static double pct(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) return Double.NaN;
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
    }
}
