package org.acme;

import java.lang.management.ManagementFactory;

/** The heap the application uses, measured the way the memory tests compare it: after full collections. */
final class UsedHeap {

    private UsedHeap() {
    }

    /** Used heap after three collections: the first may only queue finalizable and reference-cleaned objects. */
    static long afterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
