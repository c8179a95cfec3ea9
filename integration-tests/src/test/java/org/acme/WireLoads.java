package org.acme;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** The two loads of {@link WireBenchmarkIT}, driven the same way against the demo and against the floor. */
final class WireLoads {

    private WireLoads() {
    }

    /** What a paced run measured. */
    record Paced(Latencies.Percentiles percentiles, long sent, long unanswered, long errors) {
    }

    /**
     * Every socket sends one {@code increment} a second, whatever its answers do (open loop: a stall shows in every
     * event it delays); the sockets' sends are spread evenly over the second. The events sent during {@code warmUp}
     * are not timed, those sent during the next {@code measured} are.
     */
    static Paced paced(List<WireSocket> sockets, Duration warmUp, Duration measured) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        Latencies latencies = new Latencies(start + warmUp.toNanos(), measured.toNanos());
        sockets.forEach(socket -> socket.recordInto(latencies));
        long errorsBefore = errors(sockets);
        LongAdder sent = new LongAdder();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wire-pacer");
            thread.setDaemon(true);
            return thread;
        });
        long second = TimeUnit.SECONDS.toMicros(1);
        long delay = TimeUnit.NANOSECONDS.toMicros(start - System.nanoTime());
        for (int i = 0; i < sockets.size(); i++) {
            WireSocket socket = sockets.get(i);
            pacer.scheduleAtFixedRate(() -> {
                socket.call("increment");
                sent.increment();
            }, delay + i * second / sockets.size(), second, TimeUnit.MICROSECONDS);
        }
        // The pacer ends the run itself (a shutdown cancels its periodic sends); this thread awaits that end
        long end = TimeUnit.NANOSECONDS.toMicros(start + warmUp.plus(measured).toNanos() - System.nanoTime());
        pacer.schedule(pacer::shutdown, end, TimeUnit.MICROSECONDS);
        try {
            if (!pacer.awaitTermination(end + 10_000_000, TimeUnit.MICROSECONDS)) {
                throw new IllegalStateException("the pacer did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pacer.shutdownNow();
        }
        long unanswered = awaitAnswers(sockets);
        sockets.forEach(socket -> socket.recordInto(null));
        return new Paced(latencies.percentiles(), sent.sum(), unanswered, errors(sockets) - errorsBefore);
    }

    /**
     * Every socket keeps {@code window} events in flight, sending the next as soon as an answer comes, for
     * {@code warmUp} and then {@code measured}; returns the answers per second during the measured part.
     */
    static Saturated saturated(List<WireSocket> sockets, int window, Duration warmUp, Duration measured) {
        AtomicBoolean running = new AtomicBoolean(true);
        long from = System.nanoTime() + warmUp.toNanos();
        long until = from + measured.toNanos();
        Latencies latencies = new Latencies(from, measured.toNanos());
        sockets.forEach(socket -> socket.recordInto(latencies));
        LongAdder answers = new LongAdder();
        for (WireSocket socket : sockets) {
            for (int i = 0; i < window; i++) {
                keepSending(socket, running, answers, from, until);
            }
        }
        // A timer ends the run; this thread awaits that end
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> running.set(false),
                CompletableFuture.delayedExecutor(warmUp.plus(measured).toMillis(), TimeUnit.MILLISECONDS));
        ended.join();
        awaitAnswers(sockets);
        sockets.forEach(socket -> socket.recordInto(null));
        return new Saturated(answers.sum() / (measured.toNanos() / 1e9), latencies.percentiles());
    }

    /** Answers per second at saturation, and their round trips. */
    record Saturated(double perSecond, Latencies.Percentiles percentiles) {
    }

    private static void keepSending(WireSocket socket, AtomicBoolean running, LongAdder answers, long from,
            long until) {
        socket.call("increment").onComplete(ignored -> {
            long now = System.nanoTime();
            if (now >= from && now < until) {
                answers.increment();
            }
            if (running.get()) {
                keepSending(socket, running, answers, from, until);
            }
        });
    }

    /** Waits up to 30 s for the answers still due; returns how many never came. */
    private static long awaitAnswers(List<WireSocket> sockets) {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> sockets.stream().allMatch(WireSocket::idle));
            return 0;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return sockets.stream().filter(socket -> !socket.idle()).count();
        }
    }

    private static long errors(List<WireSocket> sockets) {
        long errors = 0;
        for (WireSocket socket : sockets) {
            errors += socket.errors.get();
        }
        return errors;
    }

    static List<WireSocket> first(List<WireSocket> sockets, int count) {
        return new ArrayList<>(sockets.subList(0, Math.min(count, sockets.size())));
    }
}
