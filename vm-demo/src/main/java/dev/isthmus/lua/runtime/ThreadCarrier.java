package dev.isthmus.lua.runtime;

import java.util.concurrent.Semaphore;

/**
 * A coroutine on a virtual thread of its own: only one of the coroutine and its resumer
 * runs at any time, each waiting on a semaphore while the other runs. A suspended coroutine
 * that is never resumed keeps its parked thread; the JVM can reclaim it only when it does
 * not track virtual threads ({@code -Djdk.trackAllThreads=false}, which the launcher sets).
 */
final class ThreadCarrier implements CoroutineCarrier {
    private final Runnable body;
    private final Semaphore toCoroutine = new Semaphore(0);
    private final Semaphore toResumer = new Semaphore(0);
    private Thread thread;

    ThreadCarrier(Runnable body) {
        this.body = body;
    }

    @Override
    public void switchToCoroutine() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("lua-coroutine").unstarted(body);
            thread.start();
        } else {
            toCoroutine.release();
        }
        toResumer.acquireUninterruptibly();
    }

    @Override
    public void switchToResumer() {
        toResumer.release();
        toCoroutine.acquireUninterruptibly();
    }

    @Override
    public void finish() {
        toResumer.release();
    }
}
